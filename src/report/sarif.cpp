// SARIF 2.1.0 (OASIS), shaped for GitHub code scanning (TECH-NOTES §3): one
// rule per finding kind, one result per finding with a region in UTF-16
// columns, notes as related locations, and the finding id as the partial
// fingerprint so that alerts survive edits that move lines.
#include "base/uri.hpp"
#include "report/pretty_json.hpp"
#include "report/view.hpp"

#include <boost/json.hpp>

#include <map>
#include <ostream>

namespace lovsjekk::report {

namespace json = boost::json;

namespace {

constexpr const char* schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// The project has no public home page yet: a build sets the real one with
// -DLOVSJEKK_INFORMATION_URI=…; until then a reserved, never-resolving name.
#ifndef LOVSJEKK_INFORMATION_URI
#define LOVSJEKK_INFORMATION_URI "https://lovsjekk.example.invalid/"
#endif
constexpr const char* information_uri = LOVSJEKK_INFORMATION_URI;
constexpr const char* source_root = "%SRCROOT%";

const char* level_of(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "warning";
}

/// Paths print as the CLI shows them: relative to the working directory (the
/// repository root in CI), absolute only for files outside it.
json::object artifact_location(const std::string& path) {
    json::object a;
    if (!path.empty() && path.front() == '/') {
        a["uri"] = "file://" + percent_encode_path(path);
    } else {
        a["uri"] = percent_encode_path(path);
        a["uriBaseId"] = source_root;
    }
    return a;
}

/// The region of a span: 1-based lines, UTF-16 columns, endColumn exclusive.
/// GitHub needs a region on every result, so a finding about a whole file
/// points at its first line.
json::object region(const text::SourceFile& file, const Span& span) {
    std::uint32_t begin = span.begin;
    std::uint32_t end = span.end;
    if (!span.valid) {
        begin = file.line_start(1);
        end = begin + static_cast<std::uint32_t>(file.line_text(1).size());
    }
    const std::uint32_t start_line = file.position(begin).line;
    const std::uint32_t start_column = file.utf16_column(begin);
    std::uint32_t end_line = start_line;
    std::uint32_t end_column = start_column + 1;  // an empty span marks the character it stands on
    if (end > begin) {
        end_line = file.position(end).line;
        end_column = file.utf16_column(end);
    } else if (!span.valid) {
        end_column = start_column;
    }
    return json::object{{"startLine", start_line},
                        {"startColumn", start_column},
                        {"endLine", end_line},
                        {"endColumn", end_column}};
}

std::optional<json::object> physical_location(const text::SourceManager& sources, const Span& span) {
    if (span.file >= sources.size()) return std::nullopt;
    const text::SourceFile& file = sources.file(span.file);
    return json::object{{"artifactLocation", artifact_location(file.path())}, {"region", region(file, span)}};
}

json::object text_message(const std::string& text) { return json::object{{"text", text}}; }

json::object rule(const KindDescription& k) {
    const std::string help_text = k.description + "\n\n`lovsjekk explain " + k.kind +
                                  "` explains this kind; `lovsjekk explain ID` one finding. To accept a finding, "
                                  "list its id with a reason in the policy file: accept ID: reason.";
    const std::string help_markdown = "**" + k.title + "**\n\n" + k.description + "\n\nRun `lovsjekk explain " +
                                      k.kind + "` for this kind, or `lovsjekk explain ID` for one finding. To "
                                      "accept a finding, list it in the policy file: `accept ID: reason`.";
    return json::object{
        {"id", k.kind},
        {"name", k.sarif_name},
        {"shortDescription", text_message(k.title)},
        {"fullDescription", text_message(k.description)},
        {"help", json::object{{"text", help_text}, {"markdown", help_markdown}}},
        {"defaultConfiguration", json::object{{"level", level_of(k.default_severity)}}},
        {"properties", json::object{{"tags", json::array{"lovsjekk", k.kind}}}},
    };
}

json::array strings(const std::vector<std::string>& items) {
    json::array a;
    for (const auto& s : items) a.emplace_back(s);
    return a;
}

const char* baseline_state(Change c) {
    switch (c) {
        case Change::added: return "new";
        case Change::removed: return "absent";
        case Change::changed: return "updated";
        case Change::unchanged: return "unchanged";
        case Change::none: break;
    }
    return nullptr;
}

json::object result(const Entry& e, const model::Model& model, std::size_t rule_index, const text::Catalogue& messages) {
    const Diagnostic& d = *e.finding;
    std::string message = d.message;
    // The witness on a line of its own, worded as `check` words it.
    if (!d.details.witness.empty())
        message += "\n" + messages.format("finding.example_sentence", {{"witness", d.details.witness}});

    json::object r;
    r["ruleId"] = d.kind;
    r["ruleIndex"] = rule_index;
    r["level"] = level_of(d.severity);
    r["message"] = text_message(message);
    json::array locations;
    if (auto p = physical_location(*e.sources, d.span)) locations.emplace_back(json::object{{"physicalLocation", *p}});
    r["locations"] = std::move(locations);
    json::array related;
    for (const Note& n : d.notes) {
        json::object loc;
        loc["id"] = related.size();
        if (auto p = physical_location(*e.sources, n.span)) loc["physicalLocation"] = *p;
        loc["message"] = text_message(n.message);
        related.emplace_back(std::move(loc));
    }
    // The provisions' text on lovdata.no, as related locations a viewer can open.
    for (const auto& [provision, url] : provision_links(model, d)) {
        if (url.empty()) continue;
        json::object loc;
        loc["id"] = related.size();
        loc["physicalLocation"] = json::object{{"artifactLocation", json::object{{"uri", url}}}};
        loc["message"] = text_message(provision);
        related.emplace_back(std::move(loc));
    }
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    r["partialFingerprints"] = json::object{{"lovsjekkFindingId/v1", d.id}};
    if (const char* state = baseline_state(e.change)) r["baselineState"] = state;

    // What the finding is about, for tools that read more than the message.
    json::object properties;
    properties["id"] = d.id;
    if (!d.details.topic.empty()) properties["topic"] = d.details.topic;
    if (d.details.age_from >= 0) properties["ageFrom"] = d.details.age_from;
    if (d.details.age_to >= 0) properties["ageTo"] = d.details.age_to;
    if (!d.details.sectors.empty()) properties["sectors"] = strings(d.details.sectors);
    if (!d.details.rules.empty()) properties["rules"] = strings(d.details.rules);
    if (!d.details.provisions.empty()) properties["provisions"] = strings(d.details.provisions);
    if (!d.details.witness.empty()) properties["witness"] = d.details.witness;
    if (e.before) {
        properties["before"] = json::object{{"level", level_of(e.before->severity)},
                                            {"message", e.before->message}};
    }
    r["properties"] = std::move(properties);
    return r;
}

void write(std::ostream& out, const View& view) {
    const text::Catalogue& messages = text::bundled_catalogue(view.current->lang);
    const std::vector<KindDescription> kinds = kind_catalogue(view.entries, messages);
    std::map<std::string, std::size_t> index;
    json::array rules;
    for (const KindDescription& k : kinds) {
        index.emplace(k.kind, rules.size());
        rules.emplace_back(rule(k));
    }
    json::array results;
    for (const Entry& e : view.entries) results.emplace_back(result(e, model_of(view, e), index.at(e.finding->kind), messages));

    json::object driver{
        {"name", "lovsjekk"},
        {"semanticVersion", LOVSJEKK_VERSION},
        {"informationUri", information_uri},
        {"rules", std::move(rules)},
    };
    json::object run;
    run["tool"] = json::object{{"driver", std::move(driver)}};
    // The root is whatever checkout the rules were read from; saying it here
    // would put a machine's path into the output.
    run["originalUriBaseIds"] = json::object{
        {source_root, json::object{{"description", text_message("The root of the repository that holds the rule "
                                                                "files (the directory lovsjekk ran in)")}}}};
    run["results"] = std::move(results);
    run["columnKind"] = "utf16CodeUnits";
    json::object properties{{"at", view.current->at.iso()}};
    if (view.is_diff()) properties["baselineAt"] = view.baseline->at.iso();
    run["properties"] = std::move(properties);

    json::object root;
    root["$schema"] = schema_uri;
    root["version"] = "2.1.0";
    root["runs"] = json::array{std::move(run)};
    write_pretty_json(out, root);
}

}  // namespace

void write_sarif(std::ostream& out, const ReportInput& input) { write(out, report_view(input)); }

void write_sarif_diff(std::ostream& out, const DiffInput& input) { write(out, diff_view(input)); }

}  // namespace lovsjekk::report
