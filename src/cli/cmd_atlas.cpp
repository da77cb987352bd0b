// `lovsjekk atlas`: every age phrase in every law of the statute index, by
// age and by law, marked where a rule encodes it.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "corpus/index_io.hpp"
#include "report/atlas.hpp"
#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::cli {

int cmd_atlas(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"min-age", true, "N", "cli.atlas.option.min_age"});
    specs.push_back({"max-age", true, "N", "cli.atlas.option.max_age"});
    specs.push_back({"law", true, "SHORT", "cli.atlas.option.law"});
    specs.push_back({"format", true, "FORMAT", "cli.atlas.option.format"});
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    const text::Catalogue& words = catalogue_in(args);
    auto fail = [&](const std::string& message) {
        io.err << "lovsjekk atlas: error: " << message << '\n';
        return exit_unusable;
    };
    if (parsed.error) return fail(*parsed.error);
    if (parsed.has("help"))
        return write_help(io.out, io.err, "atlas", parsed,
                          "lovsjekk atlas [--min-age N] [--max-age N] [--law SHORT] [--format text|json|html] [PATH...]",
                          {"cli.atlas.description"}, specs)
                   ? exit_ok
                   : exit_unusable;
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) return fail(*error);
    if (options.no_corpus) return fail(words.format("cli.atlas.no_corpus"));
    report::AtlasQuery query;
    for (const char* name : {"min-age", "max-age"}) {
        auto value = parsed.get(name);
        if (!value) continue;
        const auto n = whole_number(*value, 0, 130);
        if (!n) return fail(words.format("cli.error.age_option", {{"option", std::string("--") + name}, {"value", *value}}));
        (std::string_view(name) == "min-age" ? query.min_age : query.max_age) = *n;
    }
    query.law = parsed.get("law");
    const std::string format = parsed.get("format").value_or("text");
    if (format != "text" && format != "json" && format != "html")
        return fail(words.format("cli.error.format", {{"value", format}, {"formats", "text|json|html"}}));

    const PipelineResult result = run_pipeline(options);
    if (show_input_errors(result, options.lang, io) > 0) return exit_unusable;
    const auto entries = report::build_atlas(result.statute_index(), result.model, query);
    const text::Catalogue& messages = text::bundled_catalogue(options.lang);
    if (format == "json") report::write_atlas_json(io.out, entries);
    else if (format == "html") report::write_atlas_html(io.out, entries, messages);
    else report::write_atlas_text(io.out, entries, messages);
    return exit_ok;
}

}  // namespace lovsjekk::cli
