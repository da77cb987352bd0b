// `lovsjekk coverage`: which of the statute's age phrases the rules encode,
// exclude with a reason, or leave out.
#include "report/coverage.hpp"

#include "report/phrase_encoding.hpp"
#include "report/pretty_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>

namespace lovsjekk::report {

namespace json = boost::json;

namespace {

/// Where a phrase stands, and until when its text held.
struct Place {
    PhrasePlace at;
    std::optional<Date> text_until;  ///< see CoveredPhrase::text_until
};

class Scanner {
public:
    Scanner(const model::Model& model, const CoverageQuery& query, Coverage& out)
        : model_(model), query_(query), out_(out) {}

    void law(const std::string& short_name, const corpus::Law& law, LawCoverage& summary) {
        for (std::size_t s = 0; s < law.sections.size(); ++s) {
            const corpus::Section& section = law.sections[s];
            if (section.repealed || !section.in_force_on(query_.when.at)) continue;
            for (const corpus::Ledd& ledd : section.ledd) {
                Place place{{&law, s, ledd.number, {}}, text_until(section)};
                for (const auto& m : ledd.age_mentions) add(short_name, place, "", m, summary);
                points(short_name, place, ledd.points, "", summary);
            }
        }
    }

private:
    const model::Model& model_;
    const CoverageQuery& query_;
    Coverage& out_;
    std::map<Date, std::vector<const model::Norm*>> in_force_;  // by day, filled as asked

    const std::vector<const model::Norm*>& in_force_on(Date day) {
        auto [it, added] = in_force_.try_emplace(day);
        if (added) {
            model::Evaluation when = query_.when;
            when.at = day;
            for (const model::Norm& n : model_.norms)
                if (model::in_force(model_, n, when)) it->second.push_back(&n);
        }
        return it->second;
    }

    // The day before the first change announced in the index's text ("Endres
    // ved …") that is in force on the date asked: the last day the text held.
    std::optional<Date> text_until(const corpus::Section& section) const {
        std::optional<Date> first;
        for (const corpus::Amendment& a : section.amendments)
            if (a.pending && a.in_force && !(query_.when.at < *a.in_force) && (!first || *a.in_force < *first))
                first = a.in_force;
        if (!first) return std::nullopt;
        return first->add_days(-1);
    }

    void points(const std::string& short_name, Place place,
                const std::vector<corpus::Point>& points, const std::string& prefix, LawCoverage& summary) {
        for (const corpus::Point& p : points) {
            const std::string label = prefix.empty() ? p.label : prefix + "/" + p.label;
            if (prefix.empty()) place.at.top_point = p.label;
            for (const auto& m : p.age_mentions) add(short_name, place, label, m, summary);
            this->points(short_name, place, p.points, label, summary);
        }
    }

    void add(const std::string& short_name, Place place, const std::string& point,
             const corpus::AgeMention& m, LawCoverage& summary) {
        CoveredPhrase phrase;
        phrase.law = short_name;
        phrase.section = place.at.law->sections[place.at.section_index].number;
        phrase.ledd = place.at.ledd;
        phrase.point = point;
        phrase.mention = m;
        phrase.text_until = place.text_until;
        std::vector<const model::Norm*> norms = in_force_on(query_.when.at);
        if (place.text_until)
            for (const model::Norm* n : in_force_on(*place.text_until))
                if (std::find(norms.begin(), norms.end(), n) == norms.end()) norms.push_back(n);
        for (const model::Norm* n : norms)
            if (encodes_phrase(model_, *n, place.at, m)) phrase.rules.push_back(n->id);
        if (!phrase.rules.empty()) {
            phrase.status = CoverageStatus::encoded;
            ++summary.encoded;
        } else {
            for (const model::ExcludedRow& e : model_.excluded) {
                const bool cited = std::any_of(e.citations.begin(), e.citations.end(), [&](const model::Citation& c) {
                    return cites_place(model_, c, place.at);
                });
                if (cited) {
                    phrase.exclusion = &e;
                    break;
                }
            }
            phrase.status = phrase.exclusion ? CoverageStatus::excluded : CoverageStatus::missing;
            ++(phrase.exclusion ? summary.excluded : summary.missing);
        }
        out_.phrases.push_back(std::move(phrase));
    }
};

std::string html_escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

MessageArgs law_args(const LawCoverage& l, Date at) {
    return {{"law", l.law},
            {"law_name", l.name},
            {"lovdata_id", l.lovdata_id},
            {"state", !l.indexed ? "not_indexed" : !l.in_force ? "not_in_force" : "checked"},
            {"at", at.iso()},
            {"total", std::int64_t{l.total()}},
            {"encoded", std::int64_t{l.encoded}},
            {"excluded", std::int64_t{l.excluded}},
            {"missing", std::int64_t{l.missing}}};
}

MessageArgs phrase_args(const CoveredPhrase& p) {
    return {{"provision", p.provision()},
            {"text", p.mention.phrase},
            {"has_punktum", p.mention.sentence ? "yes" : "no"},
            {"punktum", p.mention.sentence ? std::to_string(*p.mention.sentence) : std::string()},
            {"wording", corpus::wording_name(p.mention.wording)},
            {"status", coverage_status_name(p.status)},
            {"names", joined(p.rules)},
            {"has_until", p.text_until ? "yes" : "no"},
            {"until", p.text_until ? p.text_until->iso() : std::string()},
            {"reason", p.exclusion ? p.exclusion->reason : std::string()}};
}

struct Totals {
    std::int64_t laws = 0, total = 0, encoded = 0, excluded = 0, missing = 0;
};

Totals totals_of(const Coverage& c) {
    Totals t;
    for (const LawCoverage& l : c.laws) {
        if (!l.indexed || !l.in_force) continue;
        ++t.laws;
        t.total += l.total();
        t.encoded += l.encoded;
        t.excluded += l.excluded;
        t.missing += l.missing;
    }
    return t;
}

MessageArgs total_args(const Totals& t, Date at) {
    return {{"at", at.iso()},        {"law_count", t.laws},    {"total", t.total},
            {"encoded", t.encoded}, {"excluded", t.excluded}, {"missing", t.missing}};
}

}  // namespace

const char* coverage_status_name(CoverageStatus s) {
    switch (s) {
        case CoverageStatus::encoded: return "encoded";
        case CoverageStatus::excluded: return "excluded";
        case CoverageStatus::missing: return "missing";
    }
    return "missing";
}

std::string CoveredPhrase::provision() const {
    model::Citation c;
    c.law = law;
    c.section = section;
    c.ledd = ledd;
    const std::string top = point.substr(0, point.find('/'));
    if (!top.empty()) {
        if (std::all_of(top.begin(), top.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            c.nummer = std::stoi(top);
        else
            c.letter = top;
    }
    std::string s = c.text();
    if (point.find('/') != std::string::npos) s += " (" + point + ")";
    return s;
}

bool Coverage::any_missing() const {
    return std::any_of(laws.begin(), laws.end(), [](const LawCoverage& l) { return l.missing > 0; });
}

Coverage compute_coverage(const model::Model& model, const corpus::Corpus& corpus, const CoverageQuery& query) {
    Coverage out;
    out.at = query.when.at;
    Scanner scanner(model, query, out);
    for (const auto& [short_name, declared] : model.laws) {
        if (query.law && *query.law != short_name) continue;
        if (query.in_scope && !query.in_scope->contains(short_name)) continue;
        LawCoverage summary;
        summary.law = short_name;
        summary.name = declared.name;
        summary.lovdata_id = declared.lovdata_id;
        const corpus::Law* law = corpus.find(declared.lovdata_id);
        summary.indexed = law != nullptr;
        summary.in_force = law && declared.validity.in_force_on(query.when.at, query.when.assumes(short_name)) && law->in_force_on(query.when.at);
        if (summary.in_force) scanner.law(short_name, *law, summary);
        out.laws.push_back(std::move(summary));
    }
    return out;
}

void write_coverage_text(std::ostream& out, const Coverage& coverage, const text::Catalogue& messages) {
    out << messages.format("coverage.heading", {{"at", coverage.at.iso()}}) << "\n";
    std::size_t next = 0;
    for (const LawCoverage& l : coverage.laws) {
        out << '\n' << messages.format("coverage.law", law_args(l, coverage.at)) << '\n';
        for (; next < coverage.phrases.size() && coverage.phrases[next].law == l.law; ++next)
            out << "  " << messages.format("coverage.phrase", phrase_args(coverage.phrases[next])) << '\n';
    }
    out << '\n' << messages.format("coverage.total", total_args(totals_of(coverage), coverage.at)) << '\n';
}

void write_coverage_json(std::ostream& out, const Coverage& coverage) {
    json::array laws;
    for (const LawCoverage& l : coverage.laws) {
        laws.emplace_back(json::object{{"law", l.law},
                                       {"name", l.name},
                                       {"lovdata_id", l.lovdata_id},
                                       {"indexed", l.indexed},
                                       {"in_force", l.in_force},
                                       {"phrases", l.total()},
                                       {"encoded", l.encoded},
                                       {"excluded", l.excluded},
                                       {"missing", l.missing}});
    }
    json::array phrases;
    for (const CoveredPhrase& p : coverage.phrases) {
        json::object o;
        o["law"] = p.law;
        o["section"] = p.section;
        o["ledd"] = p.ledd;
        o["point"] = p.point.empty() ? json::value(nullptr) : json::value(p.point);
        o["sentence"] = p.mention.sentence ? json::value(*p.mention.sentence) : json::value(nullptr);
        o["provision"] = p.provision();
        o["phrase"] = p.mention.phrase;
        o["wording"] = corpus::wording_name(p.mention.wording);
        o["age"] = p.mention.age;
        o["age2"] = p.mention.age2 ? json::value(*p.mention.age2) : json::value(nullptr);
        o["status"] = coverage_status_name(p.status);
        json::array rules;
        for (const auto& r : p.rules) rules.emplace_back(r);
        o["rules"] = std::move(rules);
        o["reason"] = p.exclusion ? json::value(p.exclusion->reason) : json::value(nullptr);
        o["text_until"] = p.text_until ? json::value(p.text_until->iso()) : json::value(nullptr);
        phrases.emplace_back(std::move(o));
    }
    const Totals t = totals_of(coverage);
    json::object root;
    root["schema"] = "lovsjekk.coverage/1";
    root["at"] = coverage.at.iso();
    root["summary"] = json::object{{"laws", t.laws},         {"phrases", t.total},       {"encoded", t.encoded},
                                   {"excluded", t.excluded}, {"missing", t.missing}};
    root["laws"] = std::move(laws);
    root["phrases"] = std::move(phrases);
    write_pretty_json(out, root);
}

void write_coverage_html(std::ostream& out, const Coverage& coverage, const text::Catalogue& messages) {
    out << "<!DOCTYPE html>\n<html lang=\"" << html_escaped(messages.lang()) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<title>" << html_escaped(messages.format("coverage.heading", {{"at", coverage.at.iso()}})) << "</title>\n"
        << "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}"
           ".missing{background:#fde2e1}.excluded{background:#f4f0dc}.encoded{background:#e3f4e1}</style>\n"
        << "</head>\n<body>\n<h1>" << html_escaped(messages.format("coverage.heading", {{"at", coverage.at.iso()}}))
        << "</h1>\n<p>" << html_escaped(messages.format("coverage.total", total_args(totals_of(coverage), coverage.at)))
        << "</p>\n";
    std::size_t next = 0;
    for (const LawCoverage& l : coverage.laws) {
        out << "<h2>" << html_escaped(messages.format("coverage.law", law_args(l, coverage.at))) << "</h2>\n";
        if (next >= coverage.phrases.size() || coverage.phrases[next].law != l.law) continue;
        out << "<table>\n<tr><th>" << html_escaped(messages.format("coverage.html.provision")) << "</th><th>"
            << html_escaped(messages.format("coverage.html.phrase")) << "</th><th>"
            << html_escaped(messages.format("coverage.html.status")) << "</th></tr>\n";
        for (; next < coverage.phrases.size() && coverage.phrases[next].law == l.law; ++next) {
            const CoveredPhrase& p = coverage.phrases[next];
            const MessageArgs args = phrase_args(p);
            out << "<tr class=\"" << coverage_status_name(p.status) << "\"><td>" << html_escaped(p.provision())
                << "</td><td>«" << html_escaped(p.mention.phrase) << "»</td><td>"
                << html_escaped(messages.format("coverage.html.covered", args)) << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    out << "</body>\n</html>\n";
}

}  // namespace lovsjekk::report
