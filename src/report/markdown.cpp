// Markdown for a pull-request comment: the counts first, then a table of at
// most 50 findings, most severe first. GitHub renders HTML inside Markdown,
// so every cell is escaped.
#include "report/view.hpp"

#include "text/render.hpp"

#include <algorithm>
#include <map>
#include <ostream>

namespace lovsjekk::report {

namespace {

constexpr std::size_t max_rows = 50;

/// One table cell: no line breaks, and nothing Markdown or HTML would read as markup.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : xml_safe(text)) {
        switch (c) {
            case '\n': out += "<br>"; break;
            case '\r': break;
            case '|': out += "\\|"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '~':
                out += '\\';
                out += c;
                break;
            default: out += c;
        }
    }
    return out;
}

void write(std::ostream& out, const View& view) {
    const text::Catalogue& messages = text::bundled_catalogue(view.current->lang);
    SeverityCounts total;
    std::map<std::string, SeverityCounts> per_kind;
    for (const Entry& e : view.entries) {
        if (e.change == Change::unchanged) continue;  // a diff counts what moved
        ++total[e.finding->severity];
        ++per_kind[e.finding->kind][e.finding->severity];
    }
    const ReportInput& current = *view.current;
    if (view.is_diff()) {
        std::map<Change, int> changes;
        for (const Entry& e : view.entries) ++changes[e.change];
        out << "### "
            << messages.format("markdown.diff.heading", {{"added", std::int64_t{changes[Change::added]}},
                                                         {"removed", std::int64_t{changes[Change::removed]}},
                                                         {"changed", std::int64_t{changes[Change::changed]}}})
            << "\n\n"
            << messages.format("markdown.diff.intro", {{"before", view.baseline->at.iso()},
                                                       {"after", current.at.iso()},
                                                       {"unchanged", std::int64_t{changes[Change::unchanged]}}})
            << "\n\n";
    } else {
        out << "### "
            << messages.format("markdown.heading", {{"errors", std::int64_t{total[Severity::error]}},
                                                    {"warnings", std::int64_t{total[Severity::warning]}},
                                                    {"notes", std::int64_t{total[Severity::note]}}})
            << "\n\n"
            << messages.format("markdown.intro",
                               {{"at", current.at.iso()},
                                {"rules", static_cast<std::int64_t>(current.model.norms.size())},
                                {"sectors", static_cast<std::int64_t>(current.model.sectors.size())}})
            << "\n\n";
    }
    if (per_kind.empty()) {
        out << messages.format(view.is_diff() ? "markdown.diff.none" : "markdown.none") << '\n';
        return;
    }

    // Kinds and severities are machine names, as in --severity KIND=LEVEL.
    out << "| " << messages.format("markdown.column.kind") << " | error | warning | note |\n| --- | ---: | ---: | ---: |\n";
    for (const auto& [kind, counts] : per_kind)
        out << "| " << cell(kind) << " | " << counts[Severity::error] << " | " << counts[Severity::warning] << " | "
            << counts[Severity::note] << " |\n";
    out << "| **" << messages.format("markdown.column.total") << "** | " << total[Severity::error] << " | " << total[Severity::warning] << " | "
        << total[Severity::note] << " |\n\n";

    // Most severe first; within a severity the report's own order (by file
    // and line) stays, so the table is as stable as the report.
    std::vector<const Entry*> rows;
    for (const Entry& e : view.entries)
        if (e.change != Change::unchanged) rows.push_back(&e);
    std::stable_sort(rows.begin(), rows.end(), [](const Entry* a, const Entry* b) {
        if (a->change != b->change) return a->change < b->change;
        return a->finding->severity > b->finding->severity;
    });
    out << (view.is_diff() ? "| " + messages.format("markdown.column.change") + " " : std::string())
        << "| " << messages.format("markdown.column.severity") << " | " << messages.format("markdown.column.kind") << " | "
        << messages.format("markdown.column.message") << " | " << messages.format("markdown.column.location")
        << " | id |\n"
        << (view.is_diff() ? "| --- " : "") << "| --- | --- | --- | --- | --- |\n";
    const std::size_t shown = std::min(rows.size(), max_rows);
    for (std::size_t i = 0; i < shown; ++i) {
        const Entry& e = *rows[i];
        const Diagnostic& d = *e.finding;
        if (view.is_diff()) out << "| " << change_name(e.change) << " ";
        out << "| " << severity_name(d.severity) << " | " << cell(d.kind) << " | " << cell(d.message) << " | "
            << cell(text::location(*e.sources, d.span)) << " | " << (d.id.empty() ? "" : "`" + d.id + "`")
            << " |\n";
    }
    if (rows.size() > shown)
        out << '\n' << messages.format("markdown.more", {{"n", static_cast<std::int64_t>(rows.size() - shown)}}) << '\n';
}

}  // namespace

void write_markdown(std::ostream& out, const ReportInput& input) { write(out, report_view(input)); }

void write_markdown_diff(std::ostream& out, const DiffInput& input) { write(out, diff_view(input)); }

}  // namespace lovsjekk::report
