// Text report: compiler-style lines with source and caret, grouped by kind,
// and a summary a legal adviser reads first.
#include "report/report.hpp"

#include "text/render.hpp"

#include <map>
#include <ostream>

namespace lovsjekk::report {

void write_text(std::ostream& out, const ReportInput& input, bool colour) {
    std::map<std::string, int> per_kind;
    for (const Diagnostic& d : input.findings) ++per_kind[d.kind];
    out << "lovsjekk report: the law in force on " << input.at.iso() << ", " << input.model.norms.size()
        << " rules in " << input.model.sectors.size() << " sectors\n\n";
    text::render_all(out, input.findings, input.sources, {colour, true});
    if (!input.findings.empty()) out << '\n';
    out << "summary: " << severity_counts(input.findings);
    if (!per_kind.empty()) {
        out << " (";
        bool first = true;
        for (const auto& [kind, n] : per_kind) {
            out << (first ? "" : ", ") << kind << ": " << n;
            first = false;
        }
        out << ")";
    }
    out << '\n';
}

}  // namespace lovsjekk::report
