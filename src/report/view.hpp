// What the richer formats (SARIF, JUnit, Markdown, HTML) render: one list of
// findings, each with the source files its spans point into and, in a diff,
// how it compares with the baseline. Internal to src/report/.
#pragma once

#include "report/report.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lovsjekk::report {

/// How a finding compares with the baseline; `none` outside a diff.
enum class Change : std::uint8_t { none, added, removed, changed, unchanged };

/// "added", "removed", "changed", "unchanged" ("" for none).
const char* change_name(Change c);

/// One finding to render. Removed findings point into the baseline's sources,
/// the rest into the current run's.
struct Entry {
    const Diagnostic* finding = nullptr;
    const text::SourceManager* sources = nullptr;
    Change change = Change::none;
    const Diagnostic* before = nullptr;  ///< changed: the baseline's version
};

struct View {
    const ReportInput* current = nullptr;   ///< the run reported (a diff's `after`)
    const ReportInput* baseline = nullptr;  ///< a diff's `before`; null for a report
    std::vector<Entry> entries;             ///< report: sorted; diff: added, changed, removed, unchanged

    bool is_diff() const { return baseline != nullptr; }
};

View report_view(const ReportInput& input);

/// The findings in the order a person reads them (text and HTML): errors
/// first, then warnings, then notes; in each, grouped by topic, the topics
/// ordered by their most serious kind (the order of base/kinds.hpp), then by
/// topic; in a topic by kind, then as given; settled
/// conflicts left out unless the input asks for them.
std::vector<const Diagnostic*> reading_order(const ReportInput& input);
/// The settled conflicts reading_order leaves out (0 when they are shown).
std::int64_t settled_left_out(const ReportInput& input);
/// report_view in reading order.
View reading_view(const ReportInput& input);

/// The model an entry's rules belong to: a removed finding's are the baseline's.
const model::Model& model_of(const View& view, const Entry& e);

/// The provision on lovdata.no ("https://lovdata.no/lov/1999-07-02-63/%C2%A74-3"),
/// or "" when the law is not declared.
std::string lovdata_url(const model::Model& model, const model::Citation& citation);

/// A finding's provisions (details.provisions, in full) with their
/// lovdata.no addresses, found through the rules the finding names.
std::vector<std::pair<std::string, std::string>> provision_links(const model::Model& model, const Diagnostic& d);
View diff_view(const DiffInput& input);

/// A finding kind as the formats describe it: the check families, the input
/// errors, and any other kind that occurs (policy and corpus messages).
struct KindDescription {
    std::string kind;
    std::string title;
    std::string description;
    Severity default_severity = Severity::warning;
    std::string sarif_name;  ///< PascalCase: "grey-zone" → "GreyZone"
};

/// Every family and input-error kind in a fixed order, then the other kinds
/// that occur in `entries`, sorted.
std::vector<KindDescription> kind_catalogue(const std::vector<Entry>& entries, const text::Catalogue& messages);

/// Findings by severity: [note, warning, error].
struct SeverityCounts {
    int by_severity[3] = {0, 0, 0};
    int& operator[](Severity s) { return by_severity[static_cast<int>(s)]; }
    int operator[](Severity s) const { return by_severity[static_cast<int>(s)]; }
};

/// The finding's ages in words (key `ages.short`): "7–12 år", "fra 16 år", "under 18 år", "" without ages.
std::string ages_text(const FindingDetails& details, const text::Catalogue& messages);

/// `text` with the control characters XML 1.0 forbids (all of C0 but tab,
/// line feed and carriage return) replaced by U+FFFD, so that any rule text
/// makes well-formed XML and HTML.
std::string xml_safe(std::string_view text);

/// The sector declared in each source file ("" where none is).
std::vector<std::string> sector_per_file(const ReportInput& input);

/// Norms in force on the report's date.
bool norm_in_force(const ReportInput& input, const model::Norm& norm);

}  // namespace lovsjekk::report
