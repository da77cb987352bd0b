// `lovsjekk summary`: a plain-language summary for services, in bokmål,
// nynorsk or English, of what applies to a child of a given age, what one
// service must do, or the exact dates for one child; with its LIX, and
// `--max-lix` as a readability gate.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "report/summary.hpp"
#include "text/messages.hpp"
#include "text/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <ostream>

namespace lovsjekk::cli {

int cmd_summary(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"age", true, "N", "cli.summary.option.age"});
    specs.push_back({"service", true, "ACTOR", "cli.summary.option.service"});
    specs.push_back({"born", true, "DATE", "cli.summary.option.born"});
    specs.push_back({"on", true, "DATE", "cli.option.on"});
    specs.push_back({"format", true, "FORMAT", "cli.summary.option.format"});
    specs.push_back({"max-lix", true, "N", "cli.summary.option.max_lix"});
    specs.push_back({"help", false, "", "cli.option.help"});
    ParsedOptions parsed = parse_options(args, specs);
    // Errors before --lang is read are worded in the language it names, if it is one.
    const text::Catalogue* words = &catalogue_in(args);
    auto fail = [&](const std::string& message) {
        io.err << "lovsjekk summary: error: " << message << '\n';
        return exit_unusable;
    };
    auto fail_with = [&](const char* key, const MessageArgs& args) { return fail(words->format(key, args)); };
    if (parsed.error) return fail(*parsed.error);
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "summary", parsed,
                          "lovsjekk summary [OPTIONS] [PATH...] (--age N | --service ACTOR | --born DATE --on DATE)",
                          {"cli.summary.description"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    std::string lang;
    if (auto error = read_lang(parsed, lang)) return fail(*error);
    words = &text::bundled_catalogue(lang);
    const std::string format = parsed.get("format").value_or("text");
    if (format != "text" && format != "html" && format != "json")
        return fail_with("cli.error.format", {{"value", format}, {"formats", "text|html|json"}});
    const int asked = parsed.has("age") + parsed.has("service") + parsed.has("born");
    if (asked != 1) return fail_with("cli.error.summary_query", {});
    if (parsed.has("on") && !parsed.has("born")) return fail_with("cli.error.on_without_born", {});
    if (auto on = parsed.get("on")) {
        if (parsed.has("at") && parsed.get("at") != on) return fail_with("cli.error.on_and_at", {});
        parsed.values["at"] = {*on};
    }
    std::optional<int> max_lix;
    if (auto m = parsed.get("max-lix")) {
        max_lix = whole_number(*m, 0, 1000);
        if (!max_lix) return fail_with("cli.error.max_lix", {{"value", *m}});
    }

    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) return fail(*error);
    report::SummaryQuery query;
    query.when = options.when;
    if (auto age = parsed.get("age")) {
        query.age = whole_number(*age, 0, 130);
        if (!query.age) return fail_with("cli.error.age", {{"value", *age}});
    }
    if (auto born = parsed.get("born")) {
        if (!parsed.has("on") && !parsed.has("at")) return fail_with("cli.error.born_without_on", {});
        query.born = Date::parse(*born);
        if (!query.born) return fail_with("cli.error.bad_date", {{"option", "--born"}, {"value", *born}});
        if (options.when.at < *query.born) return fail_with("cli.error.not_born", {{"at", options.when.at.iso()}});
    }
    query.service = parsed.get("service");

    std::vector<std::string> errors;
    const text::Catalogue messages = text::Catalogue::load(text::bundled_messages_dir(), lang, errors);
    if (!errors.empty()) {
        for (const auto& e : errors) io.err << "lovsjekk summary: error: " << e << '\n';
        return exit_unusable;
    }

    const PipelineResult result = run_pipeline(options);
    if (show_input_errors(result, lang, io) > 0) return exit_unusable;
    if (query.service && *query.service == report::child_actor_id())
        return fail_with("cli.error.service_child", {});
    if (query.service && !result.model.actors.contains(*query.service)) {
        std::vector<std::string_view> names;
        for (const auto& [id, actor] : result.model.actors) names.push_back(id);
        const auto close = text::closest(*query.service, names);
        return fail_with("resolve.unknown_actor", {{"name", *query.service},
                                                   {"has_suggestion", close ? "yes" : "no"},
                                                   {"suggestion", close ? std::string(*close) : std::string()}});
    }

    query.statute_text_date = result.statute_text_date;
    query.text_changes = result.text_changes;
    report::Summary summary;
    try {
        summary = report::build_summary(result.model, query, messages);
        if (format == "json") report::write_summary_json(io.out, summary, query);
        else if (format == "html") report::write_summary_html(io.out, summary, query, messages);
        else report::write_summary_text(io.out, summary, query, messages);
    } catch (const text::MessageError& e) {
        return fail(e.what());
    }
    for (const auto& note : summary.notes) io.err << "lovsjekk summary: note: " << note << '\n';
    // Compared as printed (one decimal), so that "40.0" never fails --max-lix 40.
    const double lix = std::round(summary.lix.lix() * 10.0) / 10.0;
    if (max_lix && lix > *max_lix) {
        io.err << "lovsjekk summary: " << words->format("cli.error.lix_above", {{"lix", lix}, {"max", std::int64_t{*max_lix}}})
               << '\n';
        return exit_findings;
    }
    return exit_ok;
}

}  // namespace lovsjekk::cli
