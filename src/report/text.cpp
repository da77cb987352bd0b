// Text report: compiler-style lines with source and caret, grouped by kind,
// and a summary a legal adviser reads first.
#include "report/report.hpp"

#include "text/render.hpp"

#include <map>
#include <ostream>

namespace lovsjekk::report {

void write_text(std::ostream& out, const ReportInput& input, bool colour) {
    const text::Catalogue& messages = text::bundled_catalogue(input.lang);
    std::map<std::string, int> per_kind;
    for (const Diagnostic& d : input.findings) ++per_kind[d.kind];
    out << messages.format("report.text.heading", {{"at", input.at.iso()},
                                                   {"rules", static_cast<std::int64_t>(input.model.norms.size())},
                                                   {"sectors", static_cast<std::int64_t>(input.model.sectors.size())}})
        << "\n\n";
    text::render_all(out, input.findings, input.sources, {colour, true, input.lang});
    if (!input.findings.empty()) out << '\n';
    // Kinds are machine names (as in --severity KIND=LEVEL), the same in every language.
    std::string kinds;
    for (const auto& [kind, n] : per_kind) kinds += (kinds.empty() ? "" : ", ") + kind + ": " + std::to_string(n);
    const auto tally = severity_tally(input.findings);
    out << messages.format("report.text.summary", {{"errors", tally[static_cast<std::size_t>(Severity::error)]},
                                                   {"warnings", tally[static_cast<std::size_t>(Severity::warning)]},
                                                   {"notes", tally[static_cast<std::size_t>(Severity::note)]},
                                                   {"kinds", kinds},
                                                   {"has_kinds", kinds.empty() ? "no" : "yes"}})
        << '\n';
}

}  // namespace lovsjekk::report
