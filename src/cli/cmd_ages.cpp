// `lovsjekk ages`: the age thresholds in force, for a legal adviser's table
// or another tool's JSON, or the exact dates one child reaches them.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "report/ages.hpp"
#include "text/suggest.hpp"

#include <ostream>

namespace lovsjekk::cli {

int cmd_ages(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"age", true, "N", "cli.ages.option.age"});
    specs.push_back({"topic", true, "TOPIC", "cli.ages.option.topic"});
    specs.push_back({"born", true, "DATE", "cli.ages.option.born"});
    specs.push_back({"on", true, "DATE", "cli.option.on"});
    specs.push_back({"format", true, "FORMAT", "cli.ages.option.format"});
    specs.push_back({"help", false, "", "cli.option.help"});
    ParsedOptions parsed = parse_options(args, specs);
    // Errors before --lang is read are worded in the language it names, if it is one.
    const text::Catalogue& words = catalogue_in(args);
    auto fail = [&](const std::string& message) {
        io.err << "lovsjekk ages: error: " << message << '\n';
        return exit_unusable;
    };
    if (parsed.error) return fail(*parsed.error);
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "ages", parsed, "lovsjekk ages [OPTIONS] [PATH...]", {"cli.ages.description"},
                          specs)
                   ? exit_ok
                   : exit_unusable;
    }
    if (auto on = parsed.get("on")) {
        if (parsed.has("at") && parsed.get("at") != on) return fail(words.format("cli.error.on_and_at"));
        parsed.values["at"] = {*on};
    }
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) return fail(*error);
    report::AgesQuery query;
    query.when = options.when;
    query.topic = parsed.get("topic");
    if (auto age = parsed.get("age")) {
        query.age = whole_number(*age, 0, 130);
        if (!query.age) return fail(words.format("cli.error.age", {{"value", *age}}));
    }
    if (auto born = parsed.get("born")) {
        query.born = Date::parse(*born);
        if (!query.born) return fail(words.format("cli.error.bad_date", {{"option", "--born"}, {"value", *born}}));
        if (options.when.at < *query.born) return fail(words.format("cli.error.not_born", {{"at", options.when.at.iso()}}));
    }
    const std::string format = parsed.get("format").value_or("text");
    if (format != "text" && format != "json")
        return fail(words.format("cli.error.format", {{"value", format}, {"formats", "text|json"}}));

    const PipelineResult result = run_pipeline(options);
    if (show_input_errors(result, options.lang, io) > 0) return exit_unusable;
    if (query.topic && !result.model.topics.contains(*query.topic)) {
        std::vector<std::string_view> names;
        for (const auto& [id, topic] : result.model.topics) names.push_back(id);
        const auto close = text::closest(*query.topic, names);
        return fail(words.format("resolve.unknown_topic", {{"name", *query.topic},
                                                          {"has_suggestion", close ? "yes" : "no"},
                                                          {"suggestion", close ? std::string(*close) : std::string()}}));
    }
    const auto thresholds = report::select_thresholds(result.model, query);
    if (format == "json") report::write_ages_json(io.out, result.model, query, thresholds);
    else report::write_ages_text(io.out, result.model, query, thresholds, text::bundled_catalogue(options.lang));
    return exit_ok;
}

}  // namespace lovsjekk::cli
