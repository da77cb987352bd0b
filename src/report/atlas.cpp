#include "report/atlas.hpp"

#include "report/phrase_encoding.hpp"
#include "report/pretty_json.hpp"
#include "report/view.hpp"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace lovsjekk::report {

namespace {

std::string fold(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

bool law_matches(const corpus::Law& law, const std::string& wanted) {
    const std::string w = fold(wanted);
    return fold(law.abbreviation) == w || fold(law.short_title) == w || fold(law.id) == w ||
           fold(corpus::index_key(law)) == w;
}

/// The name a reader knows the law by: its abbreviation, else its short title, else its id.
std::string law_name(const corpus::Law& law) {
    if (!law.abbreviation.empty()) return law.abbreviation;
    if (!law.short_title.empty()) return law.short_title;
    return law.id;
}

bool in_range(const AtlasQuery& q, const corpus::AgeMention& m) {
    const int high = m.age2.value_or(m.age);
    if (q.min_age && high < *q.min_age) return false;
    if (q.max_age && m.age > *q.max_age) return false;
    return true;
}

/// Norms by the index key of a law they cite: the candidates for the
/// "encoded" mark, which encodes_phrase decides.
using NormsByLaw = std::map<std::string, std::vector<const model::Norm*>>;

NormsByLaw norms_by_law(const model::Model& model) {
    NormsByLaw out;
    for (const model::Norm& n : model.norms)
        for (const model::Citation& c : n.sources) {
            const model::Law* law = model.find_law(c.law);
            if (!law || law->lovdata_id.empty()) continue;
            auto& norms = out[corpus::index_key(law->lovdata_id)];
            if (norms.empty() || norms.back() != &n) norms.push_back(&n);
        }
    return out;
}

std::vector<std::string> encoders(const model::Model& model, const NormsByLaw& norms, const PhrasePlace& place,
                                  const corpus::AgeMention& m) {
    std::vector<std::string> out;
    auto it = norms.find(corpus::index_key(place.law->id));
    if (it == norms.end()) return out;
    for (const model::Norm* n : it->second)
        if (encodes_phrase(model, *n, place, m) && std::find(out.begin(), out.end(), n->id) == out.end())
            out.push_back(n->id);
    return out;
}

void add_points(std::vector<AtlasEntry>& out, const AtlasEntry& base, PhrasePlace place,
                const std::vector<corpus::Point>& points, const std::string& prefix, const AtlasQuery& q,
                const model::Model& model, const NormsByLaw& norms) {
    for (const corpus::Point& p : points) {
        const std::string label = prefix.empty() ? p.label : prefix + "." + p.label;
        if (prefix.empty()) place.top_point = p.label;
        for (const corpus::AgeMention& m : p.age_mentions) {
            if (!in_range(q, m)) continue;
            AtlasEntry e = base;
            e.point = label;
            e.mention = &m;
            e.encoded_by = encoders(model, norms, place, m);
            out.push_back(std::move(e));
        }
        add_points(out, base, place, p.points, label, q, model, norms);
    }
}

std::string provision_text(const AtlasEntry& e, const text::Catalogue& messages) {
    const bool numbered = !e.point.empty() && e.point.front() >= '0' && e.point.front() <= '9';
    return messages.format("atlas.provision",
                           {{"law", law_name(*e.law)},
                            {"section", e.section->number},
                            {"place", model::place_text(e.section->number)},
                            {"article", model::is_article_section(e.section->number) ? "yes" : "no"},
                            {"has_ledd", e.ledd > 0 ? "yes" : "no"},
                            {"ledd", e.ledd},
                            {"has_sentence", e.mention->sentence && e.point.empty() ? "yes" : "no"},
                            {"sentence", e.mention->sentence.value_or(0)},
                            {"point_kind", e.point.empty() ? "none" : numbered ? "number" : "letter"},
                            {"point", e.point}});
}

struct Counts {
    std::map<int, std::pair<int, std::set<std::string>>> by_age;  // age → phrases, laws
    std::map<std::string, int> by_law;                            // index key → phrases
    std::set<std::string> laws;
    int encoded = 0;
};

Counts count(const std::vector<AtlasEntry>& entries) {
    Counts c;
    for (const AtlasEntry& e : entries) {
        auto& [phrases, laws] = c.by_age[e.mention->age];
        ++phrases;
        laws.insert(corpus::index_key(*e.law));
        ++c.by_law[corpus::index_key(*e.law)];
        c.laws.insert(corpus::index_key(*e.law));
        if (!e.encoded_by.empty()) ++c.encoded;
    }
    return c;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace

const char* atlas_basis(corpus::AgeWording wording) {
    switch (wording) {
        case corpus::AgeWording::calendar_year: return "calendar_year";
        case corpus::AgeWording::school_year: return "school_year";
        default: return "birthday";
    }
}

std::string lovdata_url(const corpus::Law& law, const corpus::Section& section) {
    std::string url = "https://lovdata.no/" + (law.refid.empty() ? law.id : law.refid);
    if (!section.url_name.empty()) url += "/" + section.url_name;
    return url;
}

std::vector<AtlasEntry> build_atlas(const corpus::Corpus& corpus, const model::Model& model, const AtlasQuery& query) {
    const NormsByLaw norms = norms_by_law(model);
    std::vector<AtlasEntry> out;
    for (const corpus::Law* law : corpus.laws()) {
        if (query.law && !law_matches(*law, *query.law)) continue;
        for (std::size_t index = 0; index < law->sections.size(); ++index) {
            const corpus::Section& s = law->sections[index];
            for (const corpus::Ledd& l : s.ledd) {
                const AtlasEntry base{law, &s, l.number, "", nullptr, {}};
                const PhrasePlace place{law, index, l.number, {}};
                for (const corpus::AgeMention& m : l.age_mentions) {
                    if (!in_range(query, m)) continue;
                    AtlasEntry e = base;
                    e.mention = &m;
                    e.encoded_by = encoders(model, norms, place, m);
                    out.push_back(std::move(e));
                }
                add_points(out, base, place, l.points, "", query, model, norms);
            }
        }
    }
    // Stable: within one age and law, statute order stays.
    std::stable_sort(out.begin(), out.end(), [](const AtlasEntry& a, const AtlasEntry& b) {
        if (a.mention->age != b.mention->age) return a.mention->age < b.mention->age;
        return corpus::index_key(*a.law) < corpus::index_key(*b.law);
    });
    return out;
}

void write_atlas_text(std::ostream& out, const std::vector<AtlasEntry>& entries, const text::Catalogue& messages) {
    const Counts counts = count(entries);
    out << messages.format("atlas.total", {{"phrases", static_cast<std::int64_t>(entries.size())},
                                           {"laws", static_cast<std::int64_t>(counts.laws.size())},
                                           {"encoded", counts.encoded}})
        << '\n';
    int age = -1;
    for (const AtlasEntry& e : entries) {
        if (e.mention->age != age) {
            age = e.mention->age;
            const auto& [phrases, laws] = counts.by_age.at(age);
            out << '\n'
                << messages.format("atlas.age_heading", {{"age", age},
                                                         {"phrases", phrases},
                                                         {"laws", static_cast<std::int64_t>(laws.size())}})
                << '\n';
        }
        out << "  " << provision_text(e, messages) << "  «" << e.mention->phrase << "»  "
            << corpus::wording_name(e.mention->wording)
            << (e.mention->negated ? " " + messages.format("atlas.negated") : std::string()) << ", "
            << messages.format(std::string("atlas.basis.") + atlas_basis(e.mention->wording));
        if (!e.encoded_by.empty()) out << "  " << messages.format("atlas.encoded", {{"ids", join(e.encoded_by)}});
        out << '\n';
    }
    if (counts.by_law.empty()) return;
    out << '\n' << messages.format("atlas.by_law") << '\n';
    std::vector<std::pair<std::string, int>> laws(counts.by_law.begin(), counts.by_law.end());
    std::stable_sort(laws.begin(), laws.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::map<std::string, const corpus::Law*> by_key;
    for (const AtlasEntry& e : entries) by_key[corpus::index_key(*e.law)] = e.law;
    for (const auto& [key, n] : laws) out << "  " << n << "  " << law_name(*by_key[key]) << " (" << key << ")\n";
}

void write_atlas_json(std::ostream& out, const std::vector<AtlasEntry>& entries) {
    namespace json = boost::json;
    const Counts counts = count(entries);
    json::array items;
    for (const AtlasEntry& e : entries) {
        json::object o;
        o["law_id"] = corpus::index_key(*e.law);
        o["law"] = law_name(*e.law);
        o["section"] = e.section->number;
        o["ledd"] = e.ledd;
        o["point"] = e.point.empty() ? json::value(nullptr) : json::value(e.point);
        o["sentence"] = e.mention->sentence ? json::value(*e.mention->sentence) : json::value(nullptr);
        o["age"] = e.mention->age;
        o["age2"] = e.mention->age2 ? json::value(*e.mention->age2) : json::value(nullptr);
        o["phrase"] = e.mention->phrase;
        o["wording"] = corpus::wording_name(e.mention->wording);
        o["negated"] = e.mention->negated;
        o["basis"] = atlas_basis(e.mention->wording);
        o["url"] = lovdata_url(*e.law, *e.section);
        json::array by;
        for (const auto& id : e.encoded_by) by.emplace_back(id);
        o["encoded_by"] = std::move(by);
        items.emplace_back(std::move(o));
    }
    json::array by_age;
    for (const auto& [age, c] : counts.by_age)
        by_age.emplace_back(json::object{{"age", age}, {"phrases", c.first}, {"laws", c.second.size()}});
    json::array by_law;
    for (const auto& [key, n] : counts.by_law) by_law.emplace_back(json::object{{"law_id", key}, {"phrases", n}});
    json::object top;
    top["schema"] = "lovsjekk.atlas/1";
    top["phrases"] = entries.size();
    top["laws"] = counts.laws.size();
    top["encoded"] = counts.encoded;
    top["entries"] = std::move(items);
    top["by_age"] = std::move(by_age);
    top["by_law"] = std::move(by_law);
    write_pretty_json(out, top);
}

void write_atlas_html(std::ostream& out, const std::vector<AtlasEntry>& entries, const text::Catalogue& messages) {
    const Counts counts = count(entries);
    pugi::xml_document doc;
    pugi::xml_node html = doc.append_child("html");
    html.append_attribute("lang") = messages.format("atlas.html.lang").c_str();
    pugi::xml_node head = html.append_child("head");
    head.append_child("meta").append_attribute("charset") = "utf-8";
    const std::string title = messages.format("atlas.html.title");
    head.append_child("title").text().set(xml_safe(title).c_str());
    head.append_child("style").text().set(
        "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}"
        "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;"
        "border-bottom:1px solid #ddd}td.encoded{color:#176b2c}footer{margin-top:2rem;color:#666}");
    pugi::xml_node body = html.append_child("body");
    body.append_child("h1").text().set(xml_safe(title).c_str());
    body.append_child("p").text().set(
        xml_safe(messages.format("atlas.total", {{"phrases", static_cast<std::int64_t>(entries.size())},
                                                 {"laws", static_cast<std::int64_t>(counts.laws.size())},
                                                 {"encoded", counts.encoded}}))
            .c_str());
    int age = -1;
    pugi::xml_node table;
    for (const AtlasEntry& e : entries) {
        if (e.mention->age != age) {
            age = e.mention->age;
            const auto& [phrases, laws] = counts.by_age.at(age);
            pugi::xml_node h2 = body.append_child("h2");
            h2.append_attribute("id") = ("age-" + std::to_string(age)).c_str();
            h2.text().set(xml_safe(messages.format("atlas.age_heading",
                                                   {{"age", age},
                                                    {"phrases", phrases},
                                                    {"laws", static_cast<std::int64_t>(laws.size())}}))
                              .c_str());
            table = body.append_child("table");
            pugi::xml_node tr = table.append_child("tr");
            for (const char* key : {"atlas.html.provision", "atlas.html.phrase", "atlas.html.wording",
                                    "atlas.html.basis", "atlas.html.encoded"})
                tr.append_child("th").text().set(xml_safe(messages.format(key)).c_str());
        }
        pugi::xml_node tr = table.append_child("tr");
        pugi::xml_node a = tr.append_child("td").append_child("a");
        a.append_attribute("href") = xml_safe(lovdata_url(*e.law, *e.section)).c_str();
        a.text().set(xml_safe(provision_text(e, messages)).c_str());
        tr.append_child("td").text().set(xml_safe("«" + e.mention->phrase + "»").c_str());
        tr.append_child("td").text().set(
            xml_safe(std::string(corpus::wording_name(e.mention->wording)) +
                     (e.mention->negated ? " " + messages.format("atlas.negated") : std::string()))
                .c_str());
        tr.append_child("td").text().set(
            xml_safe(messages.format(std::string("atlas.basis.") + atlas_basis(e.mention->wording))).c_str());
        pugi::xml_node encoded = tr.append_child("td");
        encoded.append_attribute("class") = "encoded";
        encoded.text().set(xml_safe(join(e.encoded_by)).c_str());
    }
    body.append_child("footer").text().set(xml_safe(messages.format("cli.corpus.info.licence")).c_str());
    std::ostringstream serialised;
    doc.save(serialised, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    out << "<!DOCTYPE html>\n" << serialised.str() << '\n';
}

}  // namespace lovsjekk::report
