// JSON report: the lovsjekk.report/1 contract in DESIGN.md, which other
// tools read, and lovsjekk.diff/1 (`lovsjekk diff`), whose findings have the
// same shape. Field names and order are fixed.
#include "report/report.hpp"
#include "text/word.hpp"

#include <boost/json.hpp>

#include <ostream>

namespace lovsjekk::report {

namespace json = boost::json;

namespace {

json::array strings(const std::vector<std::string>& items) {
    json::array a;
    for (const auto& s : items) a.emplace_back(s);
    return a;
}

json::value age_or_null(int age) { return age < 0 ? json::value(nullptr) : json::value(age); }

void locate(json::array& locations, const text::SourceManager& sources, const Span& span) {
    if (span.file >= sources.size()) return;
    const text::SourceFile& file = sources.file(span.file);
    json::object loc;
    loc["file"] = file.path();
    if (span.valid) {
        const auto p = file.position(span.begin);
        loc["line"] = p.line;
        loc["column"] = p.column;
    }
    locations.emplace_back(std::move(loc));
}

json::object finding_json(const Diagnostic& d, const text::SourceManager& sources, std::string_view message,
                          std::string_view witness) {
    json::object f;
    f["id"] = d.id;
    f["kind"] = d.kind;
    f["severity"] = severity_name(d.severity);
    f["topic"] = d.details.topic.empty() ? json::value(nullptr) : json::value(d.details.topic);
    f["ages"] = json::object{{"from", age_or_null(d.details.age_from)}, {"to", age_or_null(d.details.age_to)}};
    f["sectors"] = strings(d.details.sectors);
    f["rules"] = strings(d.details.rules);
    f["provisions"] = strings(d.details.provisions);
    f["message"] = message;
    if (!witness.empty()) f["witness"] = witness;
    json::array locations;
    locate(locations, sources, d.span);
    for (const Note& n : d.notes) locate(locations, sources, n.span);
    f["locations"] = std::move(locations);
    return f;
}

/// A finding whose words are in it (worded by the driver).
json::object finding_json(const Diagnostic& d, const text::SourceManager& sources) {
    return finding_json(d, sources, d.message, d.details.witness);
}

json::array findings_json(const std::vector<Diagnostic>& findings, const text::SourceManager& sources) {
    json::array a;
    for (const Diagnostic& d : findings) a.emplace_back(finding_json(d, sources));
    return a;
}

}  // namespace

void write_json(std::ostream& out, const ReportInput& input) {
    int counts[3] = {0, 0, 0};
    for (const Diagnostic& d : input.findings) ++counts[static_cast<int>(d.severity)];
    // Streamed one finding at a time, so that the report never holds a second
    // copy of every finding (a whole document, then its text); the bytes are
    // those json::serialize gives the whole document, field for field.
    out << "{\"schema\":\"lovsjekk.report/1\",\"at\":" << json::serialize(json::string(input.at.iso()))
        << ",\"summary\":"
        << json::serialize(json::object{{"error", counts[2]}, {"warning", counts[1]}, {"note", counts[0]}})
        << ",\"findings\":[";
    bool first = true;
    for (const Diagnostic& d : input.findings) {
        if (!first) out << ',';
        first = false;
        if (input.word_with) {
            out << json::serialize(finding_json(d, input.sources, text::worded_message(d, *input.word_with),
                                                text::worded_witness(d, *input.word_with)));
        } else {
            out << json::serialize(finding_json(d, input.sources));
        }
    }
    out << "]}\n";
}

void write_json_diff(std::ostream& out, const DiffInput& input) {
    const FindingDiff& diff = input.diff;
    json::array changed;
    for (const FindingChange& c : diff.changed)
        changed.emplace_back(json::object{{"before", finding_json(c.before, input.before.sources)},
                                          {"after", finding_json(c.after, input.after.sources)}});
    json::object root;
    root["schema"] = "lovsjekk.diff/1";
    root["at"] = input.before.at.iso();
    root["vs"] = input.after.at.iso();
    root["summary"] = json::object{{"added", diff.added.size()},
                                   {"removed", diff.removed.size()},
                                   {"changed", diff.changed.size()},
                                   {"unchanged", diff.unchanged.size()}};
    root["added"] = findings_json(diff.added, input.after.sources);
    root["removed"] = findings_json(diff.removed, input.before.sources);
    root["changed"] = std::move(changed);
    out << json::serialize(root) << '\n';
}

}  // namespace lovsjekk::report
