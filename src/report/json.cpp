// JSON report: the lovsjekk.report/1 contract in DESIGN.md, which other
// tools read. Field names and order are fixed.
#include "report/report.hpp"

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

}  // namespace

void write_json(std::ostream& out, const ReportInput& input) {
    int counts[3] = {0, 0, 0};
    json::array findings;
    for (const Diagnostic& d : input.findings) {
        ++counts[static_cast<int>(d.severity)];
        json::object f;
        f["id"] = d.id;
        f["kind"] = d.kind;
        f["severity"] = severity_name(d.severity);
        f["topic"] = d.details.topic.empty() ? json::value(nullptr) : json::value(d.details.topic);
        f["ages"] = json::object{{"from", age_or_null(d.details.age_from)}, {"to", age_or_null(d.details.age_to)}};
        f["sectors"] = strings(d.details.sectors);
        f["rules"] = strings(d.details.rules);
        f["provisions"] = strings(d.details.provisions);
        f["message"] = d.message;
        if (!d.details.witness.empty()) f["witness"] = d.details.witness;
        json::array locations;
        locate(locations, input.sources, d.span);
        for (const Note& n : d.notes) locate(locations, input.sources, n.span);
        f["locations"] = std::move(locations);
        findings.emplace_back(std::move(f));
    }
    json::object root;
    root["schema"] = "lovsjekk.report/1";
    root["at"] = input.at.iso();
    root["summary"] = json::object{{"error", counts[2]}, {"warning", counts[1]}, {"note", counts[0]}};
    root["findings"] = std::move(findings);
    out << json::serialize(root) << '\n';
}

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = {"text", "json"};
    return names;
}

bool write(const std::string& format, std::ostream& out, const ReportInput& input, bool colour) {
    if (format == "text") write_text(out, input, colour);
    else if (format == "json") write_json(out, input);
    else return false;
    return true;
}

}  // namespace lovsjekk::report
