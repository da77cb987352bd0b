// JSON report: the lovsjekk.report/1 contract in DESIGN.md, which other
// tools read, and lovsjekk.diff/1 (`lovsjekk diff`), whose findings have the
// same shape. Field names and order are fixed.
#include "report/report.hpp"

#include "base/json_text.hpp"
#include "model/norm_text.hpp"
#include "text/messages.hpp"

#include <ostream>
#include <stdexcept>

namespace lovsjekk::report {

namespace {

template <class Text>
void append_strings(std::string& out, const std::vector<Text>& items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, items[i]);
    }
    out += ']';
}

void append_age(std::string& out, int age) {
    if (age < 0) out += "null";
    else append_json_number(out, age);
}

void append_location(std::string& out, bool& first, const text::SourceManager& sources, const Span& span) {
    if (span.file >= sources.size()) return;
    if (!first) out += ',';
    first = false;
    const text::SourceFile& file = sources.file(span.file);
    out += "{\"file\":";
    append_json_string(out, file.path());
    if (span.valid) {
        const auto p = file.position(span.begin);
        out += ",\"line\":";
        append_json_number(out, p.line);
        out += ",\"column\":";
        append_json_number(out, p.column);
    }
    out += '}';
}

/// One finding of the contract, field for field in its order, as
/// json::serialize would write the same object. Details that name their
/// rules by position (FindingDetails::norms) are written from `model`.
void append_finding(std::string& out, const Diagnostic& d, const text::SourceManager& sources,
                    std::string_view message, std::string_view witness, const model::Model* model = nullptr) {
    out += "{\"id\":";
    append_json_string(out, d.id);
    out += ",\"kind\":";
    append_json_string(out, d.kind);
    out += ",\"severity\":";
    append_json_string(out, severity_name(d.severity));
    out += ",\"topic\":";
    if (d.details.topic.empty()) out += "null";
    else append_json_string(out, d.details.topic);
    out += ",\"ages\":{\"from\":";
    append_age(out, d.details.age_from);
    out += ",\"to\":";
    append_age(out, d.details.age_to);
    out += "},\"sectors\":";
    if (!d.details.norms.empty()) {
        // Never an empty list for a finding the checks made: one the driver
        // did not complete must come with the model it names rules in.
        if (!model)
            throw std::logic_error("report: finding " + d.id + " names its rules by position, and no model was given");
        const model::RuleLists lists = model::rule_lists(*model, d.details.norms);
        append_strings(out, lists.sectors);
        out += ",\"rules\":";
        append_strings(out, lists.rules);
        out += ",\"provisions\":";
        append_strings(out, lists.provisions);
    } else {
        append_strings(out, d.details.sectors);
        out += ",\"rules\":";
        append_strings(out, d.details.rules);
        out += ",\"provisions\":";
        append_strings(out, d.details.provisions);
    }
    out += ",\"message\":";
    append_json_string(out, message);
    if (!witness.empty()) {
        out += ",\"witness\":";
        append_json_string(out, witness);
    }
    out += ",\"locations\":[";
    bool first = true;
    append_location(out, first, sources, d.span);
    for (const Note& n : d.notes) append_location(out, first, sources, n.span);
    out += "]}";
}

/// A finding whose words are in it (worded by the driver).
void append_finding(std::string& out, const Diagnostic& d, const text::SourceManager& sources) {
    append_finding(out, d, sources, d.message, d.details.witness);
}

void append_findings(std::string& out, const std::vector<Diagnostic>& findings, const text::SourceManager& sources) {
    out += '[';
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (i) out += ',';
        append_finding(out, findings[i], sources);
    }
    out += ']';
}

/// An unworded finding's message or witness in words (`fallback` when it has
/// no key), each deferred rule text worded where the pattern uses it: the
/// finding is left as it is, and one finding's words at a time are in memory.
std::string worded(Key key, const MessageArgs& args, const std::string& fallback,
                   const ReportInput& input, const text::RuleTextWords& rule_texts) {
    return key.empty() ? fallback : input.word_with->format(key, args, &rule_texts);
}

}  // namespace

void write_json(std::ostream& out, const ReportInput& input) {
    std::int64_t counts[3] = {0, 0, 0};
    for (const Diagnostic& d : input.findings) ++counts[static_cast<int>(d.severity)];
    // Streamed one finding at a time, each written straight into a buffer
    // that is reused: no json::value per finding, and never a second copy of
    // every finding (a whole document, then its text).
    std::string text = "{\"schema\":\"lovsjekk.report/1\",\"at\":";
    append_json_string(text, input.at.iso());
    text += ",\"summary\":{\"error\":";
    append_json_number(text, counts[2]);
    text += ",\"warning\":";
    append_json_number(text, counts[1]);
    text += ",\"note\":";
    append_json_number(text, counts[0]);
    text += "},\"findings\":[";
    const text::RuleTextWords rule_texts = [&](const RuleText& r) { return model::expanded_text(input.model, r); };
    for (std::size_t i = 0; i < input.findings.size(); ++i) {
        const Diagnostic& d = input.findings[i];
        if (i) text += ',';
        if (input.word_with)
            append_finding(text, d, input.sources, worded(d.message_key, d.message_args, d.message, input, rule_texts),
                           worded(d.details.witness_key, d.details.witness_args, d.details.witness, input, rule_texts),
                           &input.model);
        else
            append_finding(text, d, input.sources, d.message, d.details.witness, &input.model);
        out << text;
        text.clear();
    }
    text += "]}\n";
    out << text;
}

void write_json_diff(std::ostream& out, const DiffInput& input) {
    const FindingDiff& diff = input.diff;
    std::string text = "{\"schema\":\"lovsjekk.diff/1\",\"at\":";
    append_json_string(text, input.before.at.iso());
    text += ",\"vs\":";
    append_json_string(text, input.after.at.iso());
    text += ",\"summary\":{\"added\":";
    append_json_number(text, static_cast<std::int64_t>(diff.added.size()));
    text += ",\"removed\":";
    append_json_number(text, static_cast<std::int64_t>(diff.removed.size()));
    text += ",\"changed\":";
    append_json_number(text, static_cast<std::int64_t>(diff.changed.size()));
    text += ",\"unchanged\":";
    append_json_number(text, static_cast<std::int64_t>(diff.unchanged.size()));
    text += "},\"added\":";
    append_findings(text, diff.added, input.after.sources);
    text += ",\"removed\":";
    append_findings(text, diff.removed, input.before.sources);
    text += ",\"changed\":[";
    for (std::size_t i = 0; i < diff.changed.size(); ++i) {
        if (i) text += ',';
        text += "{\"before\":";
        append_finding(text, diff.changed[i].before, input.before.sources);
        text += ",\"after\":";
        append_finding(text, diff.changed[i].after, input.after.sources);
        text += '}';
    }
    text += "]}\n";
    out << text;
}

}  // namespace lovsjekk::report
