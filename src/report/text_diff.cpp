// Text diff of two runs' findings: one line per finding that was added (+),
// removed (-) or changed (~), the changed ones with what they said before.
// Unchanged findings are only counted: the reader wants what moved.
#include "report/report.hpp"
#include "report/view.hpp"

#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::report {

namespace {

void line(std::ostream& out, char mark, const char* colour_code, const Diagnostic& d,
          const text::SourceManager& sources, bool colour) {
    if (colour) out << colour_code;
    out << mark << ' ' << text::location(sources, d.span) << ": " << severity_name(d.severity) << ": " << d.message;
    if (!d.id.empty()) out << " [" << d.id << "]";
    if (colour) out << "\x1b[0m";
    out << '\n';
}

std::string with_ages(const Diagnostic& d, const text::Catalogue& messages) {
    const std::string ages = ages_text(d.details, messages);
    return ages.empty() ? std::string() : " (" + ages + ")";
}

}  // namespace

void write_text_diff(std::ostream& out, const DiffInput& input, bool colour) {
    const FindingDiff& diff = input.diff;
    const text::Catalogue& messages = text::bundled_catalogue(input.after.lang);
    out << messages.format("diff.text.heading", {{"before", side_label(input.before, input.before_label)},
                                                 {"after", side_label(input.after, input.after_label)},
                                                 {"added", static_cast<std::int64_t>(diff.added.size())},
                                                 {"removed", static_cast<std::int64_t>(diff.removed.size())},
                                                 {"changed", static_cast<std::int64_t>(diff.changed.size())},
                                                 {"unchanged", static_cast<std::int64_t>(diff.unchanged.size())}})
        << '\n';
    if (diff.empty()) return;
    out << '\n';
    for (const Diagnostic& d : diff.added) line(out, '+', "\x1b[32m", d, input.after.sources, colour);
    for (const Diagnostic& d : diff.removed) line(out, '-', "\x1b[31m", d, input.before.sources, colour);
    for (const FindingChange& c : diff.changed) {
        line(out, '~', "\x1b[33m", c.after, input.after.sources, colour);
        out << "    " << messages.format("diff.text.before") << ' ' << severity_name(c.before.severity) << ": "
            << c.before.message << with_ages(c.before, messages) << '\n';
        if (c.before.message == c.after.message && c.before.severity == c.after.severity)
            out << "    " << messages.format("diff.text.after") << ' ' << severity_name(c.after.severity) << ": "
                << c.after.message << with_ages(c.after, messages) << '\n';
    }
}

}  // namespace lovsjekk::report
