// Text report: compiler-style lines with source and caret, in the order a
// person reads them (errors first, then by topic, each topic under its name),
// and a summary a legal adviser reads first.
#include "report/view.hpp"

#include "check/finding.hpp"
#include "text/render.hpp"

#include <map>
#include <ostream>

namespace lovsjekk::report {

void write_text(std::ostream& out, const ReportInput& input, bool colour) {
    const text::Catalogue& messages = text::bundled_catalogue(input.lang);
    const std::vector<const Diagnostic*> shown = reading_order(input);
    std::map<std::string, int> per_kind;
    for (const Diagnostic* d : shown) ++per_kind[d->kind];
    out << messages.format("report.text.heading", {{"at", input.at.iso()},
                                                   {"rules", static_cast<std::int64_t>(input.model.norms.size())},
                                                   {"sectors", static_cast<std::int64_t>(input.model.sectors.size())}})
        << "\n\n";
    const text::RenderOptions options{colour, true, input.lang};
    const Diagnostic* previous = nullptr;
    for (const Diagnostic* d : shown) {
        if (!previous || previous->severity != d->severity || previous->details.topic != d->details.topic)
            out << messages.format("report.text.group",
                                   {{"severity", severity_name(d->severity)},
                                    {"has_topic", d->details.topic.empty() ? "no" : "yes"},
                                    {"topic", check::topic_name(input.model, d->details.topic, &messages)}})
                << "\n\n";
        text::render_text(out, *d, input.sources, options);
        previous = d;
    }
    if (!shown.empty()) out << '\n';
    // Kinds are machine names (as in --severity KIND=LEVEL), the same in every language.
    std::string kinds;
    for (const auto& [kind, n] : per_kind) kinds += (kinds.empty() ? "" : ", ") + kind + ": " + std::to_string(n);
    std::array<std::int64_t, 3> tally{};
    for (const Diagnostic* d : shown) ++tally[static_cast<std::size_t>(d->severity)];
    out << messages.format("report.text.summary", {{"errors", tally[static_cast<std::size_t>(Severity::error)]},
                                                   {"warnings", tally[static_cast<std::size_t>(Severity::warning)]},
                                                   {"notes", tally[static_cast<std::size_t>(Severity::note)]},
                                                   {"kinds", kinds},
                                                   {"has_kinds", kinds.empty() ? "no" : "yes"},
                                                   {"settled", settled_left_out(input)}})
        << '\n';
}

}  // namespace lovsjekk::report
