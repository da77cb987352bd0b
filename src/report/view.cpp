// The list of findings the richer formats render, and the small facts they
// share: kind descriptions, counts, ages in words, the sector of a file.
#include "report/view.hpp"

#include "base/kinds.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::report {

const char* change_name(Change c) {
    switch (c) {
        case Change::none: return "";
        case Change::added: return "added";
        case Change::removed: return "removed";
        case Change::changed: return "changed";
        case Change::unchanged: return "unchanged";
    }
    return "";
}

View report_view(const ReportInput& input) {
    View view;
    view.current = &input;
    for (const Diagnostic& d : input.findings) view.entries.push_back({&d, &input.sources, Change::none, nullptr});
    return view;
}

std::vector<const Diagnostic*> reading_order(const ReportInput& input) {
    std::vector<const Diagnostic*> order;
    for (const Diagnostic& d : input.findings)
        if (input.include_settled || !d.details.settled) order.push_back(&d);
    // The most serious first. In each severity, the topics are groups (the
    // text report heads each), ordered by their most serious kind in the
    // table's order (a contradiction before a difference in ages, before a
    // gap), then by topic; in a topic, by kind. Findings without a topic
    // (references, names) come after those with one.
    const auto rank = [](const Diagnostic* d) {
        const auto& kinds = all_kinds();
        const auto it = std::find_if(kinds.begin(), kinds.end(), [&](const KindInfo& k) { return k.name == d->kind; });
        return static_cast<int>(it - kinds.begin());
    };
    std::map<std::pair<Severity, std::string>, int> group_rank;
    for (const Diagnostic* d : order) {
        auto [it, inserted] = group_rank.emplace(std::make_pair(d->severity, d->details.topic), rank(d));
        if (!inserted) it->second = std::min(it->second, rank(d));
    }
    std::stable_sort(order.begin(), order.end(), [&](const Diagnostic* a, const Diagnostic* b) {
        if (a->severity != b->severity) return a->severity > b->severity;
        if (a->details.topic.empty() != b->details.topic.empty()) return b->details.topic.empty();
        const int group_a = group_rank.at({a->severity, a->details.topic});
        const int group_b = group_rank.at({b->severity, b->details.topic});
        if (group_a != group_b) return group_a < group_b;
        if (a->details.topic != b->details.topic) return a->details.topic < b->details.topic;
        return rank(a) < rank(b);
    });
    return order;
}

std::int64_t settled_left_out(const ReportInput& input) {
    if (input.include_settled) return 0;
    return std::count_if(input.findings.begin(), input.findings.end(),
                         [](const Diagnostic& d) { return d.details.settled; });
}

View reading_view(const ReportInput& input) {
    View view;
    view.current = &input;
    for (const Diagnostic* d : reading_order(input)) view.entries.push_back({d, &input.sources, Change::none, nullptr});
    return view;
}

View diff_view(const DiffInput& input) {
    View view;
    view.current = &input.after;
    view.baseline = &input.before;
    const FindingDiff& diff = input.diff;
    for (const Diagnostic& d : diff.added) view.entries.push_back({&d, &input.after.sources, Change::added, nullptr});
    for (const FindingChange& c : diff.changed)
        view.entries.push_back({&c.after, &input.after.sources, Change::changed, &c.before});
    for (const Diagnostic& d : diff.removed)
        view.entries.push_back({&d, &input.before.sources, Change::removed, nullptr});
    for (const Diagnostic& d : diff.unchanged)
        view.entries.push_back({&d, &input.after.sources, Change::unchanged, nullptr});
    return view;
}

std::vector<KindDescription> kind_catalogue(const std::vector<Entry>& entries, const text::Catalogue& messages) {
    auto described = [&](const lovsjekk::KindInfo& k) {
        const MessageArgs args = {{"kind", std::string(k.name)}};
        return KindDescription{std::string(k.name), messages.format(std::string(k.title_key), args),
                               messages.format(std::string(k.description_key), args), k.default_severity,
                               std::string(k.sarif_name)};
    };
    // The kinds with a page of their own, in the table's order: the findings,
    // then the input errors (the rules cannot be read, so no report is
    // written, but `check` and the language server name them).
    std::vector<KindDescription> kinds;
    std::set<std::string> known;
    for (const lovsjekk::KindInfo& k : all_kinds()) {
        if (k.title_key == "family.other.title") continue;
        kinds.push_back(described(k));
        known.insert(std::string(k.name));
    }
    std::set<std::string> others;
    for (const Entry& e : entries)
        if (!known.contains(e.finding->kind)) others.insert(e.finding->kind);
    for (const std::string& kind : others) {
        if (const lovsjekk::KindInfo* k = find_kind(kind)) {
            kinds.push_back(described(*k));
            continue;
        }
        kinds.push_back({kind, messages.format("family.other.title", {{"kind", kind}}),
                         messages.format("family.other.description", {{"kind", kind}}), Severity::warning, kind});
    }
    return kinds;
}

std::string ages_text(const FindingDetails& details, const text::Catalogue& messages) {
    const int from = details.age_from;
    const int to = details.age_to;
    if (from < 0 && to < 0) return "";
    const char* span = to < 0 ? (from <= 0 ? "all" : "from") : (from <= 0 ? "under" : "range");
    return messages.format("ages.short",
                           {{"span", span}, {"from", std::int64_t{std::max(from, 0)}}, {"to", std::int64_t{std::max(to, 0)}}});
}

std::string xml_safe(std::string_view text) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') {
            out += replacement;
        } else if (u == 0xEF && text.substr(i, 2) == "\xEF\xBF" && i + 2 < text.size() &&
                   (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
            out += replacement;  // U+FFFE and U+FFFF are not characters in XML either
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::vector<std::string> sector_per_file(const ReportInput& input) {
    // The first sector declared in the file: a file may declare several.
    std::vector<std::string> sectors(input.sources.size());
    std::vector<std::uint32_t> first(input.sources.size(), 0xFFFFFFFFu);
    for (const model::Sector& s : input.model.sectors) {
        if (s.span.file >= sectors.size() || s.span.begin >= first[s.span.file]) continue;
        first[s.span.file] = s.span.begin;
        sectors[s.span.file] = s.id;
    }
    return sectors;
}

bool norm_in_force(const ReportInput& input, const model::Norm& norm) {
    return model::in_force(input.model, norm, model::Evaluation{input.at, input.assume_in_force});
}

const model::Model& model_of(const View& view, const Entry& e) {
    return view.baseline && e.sources == &view.baseline->sources ? view.baseline->model : view.current->model;
}

std::string lovdata_url(const model::Model& model, const model::Citation& citation) {
    const model::Law* law = model.find_law(citation.law);
    if (!law || law->lovdata_id.size() < 5) return "";
    const std::string& id = law->lovdata_id;  // "LOV-1999-07-02-63", "FOR-2022-06-22-1110"
    const std::string kind = id.rfind("FOR-", 0) == 0 ? "forskrift" : "lov";
    const std::string base = "https://lovdata.no/" + kind + "/" + id.substr(4) + "/";
    // Lovdata names an incorporated act's article as the index does: ".../gdpr/a8".
    if (model::is_article_section(citation.section)) return base + citation.section;
    std::string section;
    for (char c : citation.section)
        if (c != ' ') section += c;
    return base + "%C2%A7" + section;
}

std::vector<std::pair<std::string, std::string>> provision_links(const model::Model& model, const Diagnostic& d) {
    std::vector<std::pair<std::string, std::string>> links;
    for (const std::string& p : d.details.provisions) {
        std::string url;
        for (const std::string& rule : d.details.rules)
            if (const model::Norm* n = model.find_norm(rule); n && !n->sources.empty() && n->sources.front().text() == p) {
                url = lovdata_url(model, n->sources.front());
                break;
            }
        links.emplace_back(p, url);
    }
    return links;
}

}  // namespace lovsjekk::report
