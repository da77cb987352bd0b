#include "corpus/lovtidend.hpp"

#include "base/kinds.hpp"
#include "corpus/corpus.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovdata_xml.hpp"
#include "text/render.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <regex>

namespace lovsjekk::corpus {

namespace json = boost::json;

namespace {

constexpr std::pair<ChangeKind, const char*> kind_names[] = {
    {ChangeKind::reworded, "reworded"}, {ChangeKind::added, "added"},   {ChangeKind::repealed, "repealed"},
    {ChangeKind::renumbered, "renumbered"}, {ChangeKind::other, "other"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

/// What an instruction does, from its wording.
ChangeKind classify(std::string_view instruction) {
    const std::string s = lower(instruction);
    if (contains(s, "oppheves") || contains(s, "skal oppheves")) return ChangeKind::repealed;
    const bool new_one = s.rfind("ny ", 0) == 0 || s.rfind("nytt ", 0) == 0 || s.rfind("nye ", 0) == 0 ||
                         contains(s, " ny §") || contains(s, " nytt ") || contains(s, " nye ");
    const bool worded = contains(s, "skal lyde") || contains(s, " lyde:") || contains(s, "skal lyda");
    if (new_one && worded) return ChangeKind::added;
    if (worded) return ChangeKind::reworded;
    if (contains(s, " blir ny") || contains(s, " blir nytt") || contains(s, " blir nye")) return ChangeKind::renumbered;
    return ChangeKind::other;
}

/// "lov/1999-07-02-63/§4-3/ledd/2" with document "lov/1999-07-02-63" → "§4-3/ledd/2".
std::string strip_document(std::string_view part, std::string_view document) {
    if (part.substr(0, document.size()) == document && part.size() > document.size() && part[document.size()] == '/')
        return std::string(part.substr(document.size() + 1));
    return std::string(part);
}

std::vector<std::string> split_spaces(std::string_view s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < s.size()) {
        const std::size_t end = std::min(s.find(' ', at), s.size());
        if (end > at) out.emplace_back(s.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

ProvisionChange read_change(pugi::xml_node change, std::string_view document) {
    ProvisionChange c;
    c.parts = split_spaces(change.attribute("data-change-part").as_string());
    for (std::string& part : c.parts) part = strip_document(part, document);
    for (const std::string& part : c.parts) {
        if (part.empty() || part.front() != '\xC2') continue;  // "§" is C2 A7 in UTF-8
        const std::string section = normalise_section_number(part.substr(0, part.find('/')));
        if (std::find(c.sections.begin(), c.sections.end(), section) == c.sections.end()) c.sections.push_back(section);
    }
    bool instruction_read = false;
    for (pugi::xml_node child = change.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string text = text_of(child);
        if (text.empty()) continue;
        if (!instruction_read) {
            c.instruction = text;
            instruction_read = true;
            continue;
        }
        if (!c.new_text.empty()) c.new_text += '\n';
        c.new_text += text;
    }
    c.kind = classify(c.instruction);
    // Some changes carry no change parts: the instruction names the section
    // ("§ 3-1 fjerde ledd skal lyde:", "Ny § 7-2 a skal lyde:").
    if (c.sections.empty()) {
        static const std::regex section(R"(§\s*(\d+[A-Z]?(?:-\d+)?(?: [a-z]\b)?))");
        std::smatch m;
        if (std::regex_search(c.instruction, m, section)) c.sections.push_back(normalise_section_number(m[1].str()));
    }
    return c;
}

std::vector<Date> dates_in(std::string_view text) {
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
    std::vector<Date> out;
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), iso); it != std::sregex_iterator(); ++it)
        if (auto d = Date::parse(it->str())) out.push_back(*d);
    return out;
}

template <class Visit>
void each_element(pugi::xml_node n, const Visit& visit) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && !visit(c)) each_element(c, visit);
}

}  // namespace

const char* change_kind_name(ChangeKind k) {
    for (const auto& [kind, name] : kind_names)
        if (kind == k) return name;
    return "other";
}

std::optional<ChangeKind> parse_change_kind(std::string_view name) {
    for (const auto& [kind, n] : kind_names)
        if (name == n) return kind;
    return std::nullopt;
}

std::optional<AmendingAct> read_amending_act(std::uint32_t file, const text::SourceManager& sources,
                                             Diagnostics& diags) {
    const std::string_view content = sources.file(file).content();
    pugi::xml_document doc;
    const pugi::xml_parse_result result =
        doc.load_buffer(content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!result) {
        const auto at = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(0, result.offset));
        diags.error(kinds::lovdata, Span::at(file, at, at + 1), std::string("malformed XML: ") + result.description());
        return std::nullopt;
    }
    AmendingAct act;
    std::vector<pugi::xml_node> document_changes;
    bool header = false;
    each_element(doc, [&](pugi::xml_node n) {
        if (is_tag(n, "dl") && has_class(n, "data-document-key-info")) {
            header = true;
            for (pugi::xml_node dd = n.child("dd"); dd; dd = dd.next_sibling("dd")) {
                const std::string_view key = dd.attribute("class").as_string();
                if (key == "legacyID") act.id = text_of(dd);
                else if (key == "title") act.title = text_of(dd);
                else if (key == "dateInForce") {
                    act.in_force_text = text_of(dd);
                    act.in_force = dates_in(act.in_force_text);
                } else if (key == "dateOfPublication") {
                    const auto dates = dates_in(text_of(dd));
                    if (!dates.empty()) act.announced = dates.front();
                }
            }
            return true;
        }
        if (is_tag(n, "article") && has_class(n, "document-change")) {
            document_changes.push_back(n);
            return true;
        }
        return false;
    });
    if (!header || act.id.empty()) {
        diags.error(kinds::lovdata, Span::whole(file), "no Lovdata document header with a legacyID: not a Lovtidend item");
        return std::nullopt;
    }
    for (pugi::xml_node dc : document_changes) {
        const std::string document = dc.attribute("data-document").as_string();
        if (document.empty()) continue;
        DocumentChanges changes;
        changes.law = index_key(document);
        std::vector<pugi::xml_node> change_nodes;
        each_element(dc, [&](pugi::xml_node n) {
            if (is_tag(n, "article") && has_class(n, "change")) {
                change_nodes.push_back(n);
                return true;
            }
            return false;
        });
        // A document change with no change articles is one instruction itself.
        if (change_nodes.empty()) change_nodes.push_back(dc);
        for (pugi::xml_node c : change_nodes) changes.changes.push_back(read_change(c, document));
        auto same = std::find_if(act.documents.begin(), act.documents.end(),
                                 [&](const DocumentChanges& d) { return d.law == changes.law; });
        if (same == act.documents.end()) act.documents.push_back(std::move(changes));
        else for (auto& c : changes.changes) same->changes.push_back(std::move(c));
    }
    if (act.documents.empty()) return std::nullopt;
    return act;
}

// ------------------------------------------------------------------------
// The index

void AmendmentIndex::add(AmendingAct act) {
    auto same = std::find_if(acts_.begin(), acts_.end(), [&](const AmendingAct& a) { return a.id == act.id; });
    if (same != acts_.end()) acts_.erase(same);
    const auto order = [](const AmendingAct& a, const AmendingAct& b) {
        const Date none{};
        const Date da = a.announced.value_or(none), db = b.announced.value_or(none);
        return da != db ? da < db : a.id < b.id;
    };
    acts_.insert(std::upper_bound(acts_.begin(), acts_.end(), act, order), std::move(act));
}

std::vector<LawChange> AmendmentIndex::changes_to(std::string_view law) const {
    const std::string key = index_key(law);
    std::vector<LawChange> out;
    for (const AmendingAct& act : acts_)
        for (const DocumentChanges& d : act.documents)
            if (d.law == key)
                for (const ProvisionChange& c : d.changes) out.push_back({&act, &c});
    return out;
}

std::vector<LawChange> AmendmentIndex::changes_to(std::string_view law, std::string_view section) const {
    std::vector<LawChange> out;
    for (const LawChange& hit : changes_to(law))
        if (std::any_of(hit.change->sections.begin(), hit.change->sections.end(),
                        [&](const std::string& s) { return same_section_number(s, section); }))
            out.push_back(hit);
    return out;
}

std::vector<LawChange> AmendmentIndex::changes_after(std::string_view law, Date consolidated) const {
    std::vector<LawChange> out;
    for (const LawChange& hit : changes_to(law)) {
        const AmendingAct& act = *hit.act;
        const bool announced_later = act.announced && consolidated < *act.announced;
        // "Kongen bestemmer": the date came later, by royal resolution; the
        // consolidated text may or may not have it, so it counts as later.
        const bool in_force_later =
            act.in_force.empty() || std::any_of(act.in_force.begin(), act.in_force.end(),
                                                [&](Date d) { return consolidated < d; });
        if (announced_later || in_force_later) out.push_back(hit);
    }
    return out;
}

void AmendmentIndex::keep_only(const std::vector<std::string>& laws) {
    std::vector<std::string> keys;
    for (const auto& l : laws) keys.push_back(index_key(l));
    for (AmendingAct& act : acts_)
        std::erase_if(act.documents, [&](const DocumentChanges& d) {
            return std::find(keys.begin(), keys.end(), d.law) == keys.end();
        });
    std::erase_if(acts_, [](const AmendingAct& a) { return a.documents.empty(); });
}

// ------------------------------------------------------------------------
// amendments.json

std::string serialise_amendments(const AmendmentIndex& index) {
    json::array acts;
    for (const AmendingAct& act : index.acts()) {
        json::object a;
        a["id"] = act.id;
        a["title"] = act.title;
        a["announced"] = act.announced ? json::value(act.announced->iso()) : json::value(nullptr);
        a["in_force_text"] = act.in_force_text;
        json::array in_force;
        for (Date d : act.in_force) in_force.emplace_back(d.iso());
        a["in_force"] = std::move(in_force);
        json::array documents;
        for (const DocumentChanges& d : act.documents) {
            json::object dobj;
            dobj["law"] = d.law;
            json::array changes;
            for (const ProvisionChange& c : d.changes) {
                json::object cobj;
                cobj["kind"] = change_kind_name(c.kind);
                json::array parts, sections;
                for (const auto& p : c.parts) parts.emplace_back(p);
                for (const auto& s : c.sections) sections.emplace_back(s);
                cobj["sections"] = std::move(sections);
                cobj["parts"] = std::move(parts);
                cobj["instruction"] = c.instruction;
                cobj["new_text"] = c.new_text;
                changes.emplace_back(std::move(cobj));
            }
            dobj["changes"] = std::move(changes);
            documents.emplace_back(std::move(dobj));
        }
        a["documents"] = std::move(documents);
        acts.emplace_back(std::move(a));
    }
    json::object top;
    top["schema"] = amendments_schema;
    top["acts"] = std::move(acts);
    return pretty_index_json(top);
}

std::optional<AmendmentIndex> parse_amendments(std::uint32_t file, const text::SourceManager& sources,
                                               Diagnostics& diags) {
    const auto value = parse_index_json(file, sources, diags);
    if (!value) return std::nullopt;
    bool ok = true;
    auto fail = [&](const std::string& path, const std::string& what) {
        diags.error(kinds::corpus, Span::whole(file), path + ": " + what);
        ok = false;
    };
    auto str = [&](const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = o.if_contains(key);
        if (v && v->is_string()) return std::string(v->get_string());
        if (!v || !v->is_null()) fail(path + "." + std::string(key), "expected a string");
        return std::string();
    };
    auto arr = [&](const json::object& o, std::string_view key, const std::string& path) -> const json::array* {
        const json::value* v = o.if_contains(key);
        if (v && v->is_array()) return &v->get_array();
        fail(path + "." + std::string(key), "expected an array");
        return nullptr;
    };
    const json::object* top = value->if_object();
    if (!top || str(*top, "schema", "(top level)") != amendments_schema) {
        diags.error(kinds::corpus, Span::whole(file), "not " + std::string(amendments_schema));
        return std::nullopt;
    }
    AmendmentIndex index;
    const json::array* acts = arr(*top, "acts", "");
    if (!acts) return std::nullopt;
    for (std::size_t i = 0; i < acts->size(); ++i) {
        const std::string p = "acts[" + std::to_string(i) + "]";
        const json::object* a = (*acts)[i].if_object();
        if (!a) { fail(p, "expected an object"); continue; }
        AmendingAct act;
        act.id = str(*a, "id", p);
        act.title = str(*a, "title", p);
        if (auto announced = Date::parse(str(*a, "announced", p))) act.announced = *announced;
        act.in_force_text = str(*a, "in_force_text", p);
        if (const json::array* in_force = arr(*a, "in_force", p))
            for (const auto& d : *in_force)
                if (auto date = d.is_string() ? Date::parse(std::string(d.get_string())) : std::nullopt)
                    act.in_force.push_back(*date);
        if (const json::array* documents = arr(*a, "documents", p))
            for (std::size_t j = 0; j < documents->size(); ++j) {
                const std::string dp = p + ".documents[" + std::to_string(j) + "]";
                const json::object* d = (*documents)[j].if_object();
                if (!d) { fail(dp, "expected an object"); continue; }
                DocumentChanges dc;
                dc.law = str(*d, "law", dp);
                if (const json::array* changes = arr(*d, "changes", dp))
                    for (std::size_t k = 0; k < changes->size(); ++k) {
                        const std::string cp = dp + ".changes[" + std::to_string(k) + "]";
                        const json::object* c = (*changes)[k].if_object();
                        if (!c) { fail(cp, "expected an object"); continue; }
                        ProvisionChange pc;
                        const std::string kind = str(*c, "kind", cp);
                        if (auto k2 = parse_change_kind(kind)) pc.kind = *k2;
                        else fail(cp + ".kind", "unknown kind '" + kind + "'");
                        for (const char* key : {"parts", "sections"})
                            if (const json::array* list = arr(*c, key, cp))
                                for (const auto& item : *list)
                                    if (item.is_string())
                                        (std::string_view(key) == "parts" ? pc.parts : pc.sections)
                                            .emplace_back(item.get_string());
                        pc.instruction = str(*c, "instruction", cp);
                        pc.new_text = str(*c, "new_text", cp);
                        dc.changes.push_back(std::move(pc));
                    }
                act.documents.push_back(std::move(dc));
            }
        index.add(std::move(act));
    }
    if (!ok) return std::nullopt;
    return index;
}

AmendmentIndex load_amendments(const std::filesystem::path& dir, Diagnostics& diags) {
    std::error_code ec;
    const auto path = dir / amendments_file;
    if (!std::filesystem::exists(path, ec)) return {};
    text::SourceManager sources;
    Diagnostics local;
    std::optional<AmendmentIndex> index;
    if (auto id = sources.load(path, local)) index = parse_amendments(*id, sources, local);
    text::detach_positions(sources, local, diags);
    return index ? std::move(*index) : AmendmentIndex{};
}

}  // namespace lovsjekk::corpus
