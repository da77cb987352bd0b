// The report stage: one sorted vector of findings in, one format out. One
// file per format; none of them decides anything about the law.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "model/model.hpp"
#include "report/diff.hpp"
#include "text/messages.hpp"
#include "text/source.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::report {

struct ReportInput {
    const std::vector<Diagnostic>& findings;  ///< sorted
    const text::SourceManager& sources;
    const model::Model& model;
    Date at;
    /// Pending laws assumed in force (`--assume-in-force`), so that the HTML
    /// timeline shows the same norms the checks saw.
    std::vector<std::string> assume_in_force = {};
    /// The language of the report's own words (findings arrive worded).
    std::string lang = text::default_language;
    /// Text and HTML: show the conflicts that declared exceptions settle
    /// (`--include-settled`); JSON, SARIF and the rest always carry them.
    bool include_settled = false;
    /// JSON only: when set, the findings arrive unworded, their rule texts
    /// deferred, and each is worded as it is written, so that the words of
    /// every finding are never in memory at once
    /// (driver::Options::word_when_written).
    const text::Catalogue* word_with = nullptr;
};

/// Two runs and how their findings compare (`lovsjekk diff`). `before` is
/// the baseline: the `--at` date or the old rule tree.
struct DiffInput {
    const ReportInput& before;
    const ReportInput& after;
    const FindingDiff& diff;
    /// How the two sides are named for people: a date, or a rule tree's path.
    std::string before_label = {};
    std::string after_label = {};
};

/// The side's label, or its date when it has none.
std::string side_label(const ReportInput& side, const std::string& label);

struct WriteOptions {
    bool colour = false;                ///< text only: ANSI colour
    Severity fail_on = Severity::error; ///< JUnit: findings at or above this are failures
};

/// The formats `lovsjekk report --format` and `lovsjekk diff --format` know, in help order.
const std::vector<std::string>& format_names();


void write_text(std::ostream& out, const ReportInput& input, bool colour);
void write_json(std::ostream& out, const ReportInput& input);
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
void write_sarif(std::ostream& out, const ReportInput& input);
/// JUnit XML: one test case per rule file, a failure per finding at or above `fail_on`.
void write_junit(std::ostream& out, const ReportInput& input, Severity fail_on);
/// A compact summary for a pull-request comment.
void write_markdown(std::ostream& out, const ReportInput& input);
/// One self-contained HTML page: summary, age timeline, filterable findings.
void write_html(std::ostream& out, const ReportInput& input);

void write_text_diff(std::ostream& out, const DiffInput& input, bool colour);
/// The lovsjekk.diff/1 contract.
void write_json_diff(std::ostream& out, const DiffInput& input);
/// Results carry baselineState new, absent, updated or unchanged.
void write_sarif_diff(std::ostream& out, const DiffInput& input);
void write_junit_diff(std::ostream& out, const DiffInput& input, Severity fail_on);
void write_markdown_diff(std::ostream& out, const DiffInput& input);
void write_html_diff(std::ostream& out, const DiffInput& input);

/// Dispatches by format name; false for an unknown one.
bool write(const std::string& format, std::ostream& out, const ReportInput& input, const WriteOptions& options);
bool write(const std::string& format, std::ostream& out, const ReportInput& input, bool colour);
bool write_diff(const std::string& format, std::ostream& out, const DiffInput& input, const WriteOptions& options);

}  // namespace lovsjekk::report
