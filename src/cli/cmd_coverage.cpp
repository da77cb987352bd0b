// `lovsjekk coverage`: which of the statute's age phrases the rules encode,
// exclude with a reason, or miss. Exit 1 when any is missing, so CI can hold
// the number at zero.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "report/coverage.hpp"
#include "text/render.hpp"
#include "text/suggest.hpp"

#include <ostream>

namespace lovsjekk::cli {

int cmd_coverage(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"law", true, "SHORT", "cli.coverage.option.law"});
    specs.push_back({"format", true, "FORMAT", "cli.coverage.option.format"});
    specs.push_back({"help", false, "", "cli.option.help"});
    ParsedOptions parsed = parse_options(args, specs);
    const text::Catalogue& words = catalogue_in(args);
    auto fail = [&](const std::string& message) {
        io.err << "lovsjekk coverage: error: " << message << '\n';
        return exit_unusable;
    };
    if (parsed.error) return fail(*parsed.error);
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "coverage", parsed, "lovsjekk coverage [OPTIONS] [PATH...]",
                          {"cli.coverage.description", "cli.coverage.exit"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) return fail(*error);
    const std::string format = parsed.get("format").value_or("text");
    if (format != "text" && format != "json" && format != "html")
        return fail(words.format("cli.error.format", {{"value", format}, {"formats", "text|json|html"}}));

    const PipelineResult result = run_pipeline(options);
    if (result.unusable) {
        std::vector<Diagnostic> errors;
        for (const Diagnostic& d : result.all_sorted())
            if (is_input_error(d)) errors.push_back(d);
        text::render_all(io.err, errors, result.workspace.sources, {io.colour, true, options.lang});
        return exit_unusable;
    }
    report::CoverageQuery query;
    query.when = options.when;
    query.law = parsed.get("law");
    if (query.law && !result.model.laws.contains(*query.law)) {
        std::vector<std::string_view> names;
        for (const auto& [name, law] : result.model.laws) names.push_back(name);
        const auto close = text::closest(*query.law, names);
        return fail(words.format("resolve.unknown_law", {{"name", *query.law},
                                                        {"has_suggestion", close ? "yes" : "no"},
                                                        {"suggestion", close ? std::string(*close) : std::string()}}));
    }
    const report::Coverage coverage = report::compute_coverage(result.model, result.corpus, query);
    const text::Catalogue& messages = text::bundled_catalogue(options.lang);
    if (format == "json") report::write_coverage_json(io.out, coverage);
    else if (format == "html") report::write_coverage_html(io.out, coverage, messages);
    else report::write_coverage_text(io.out, coverage, messages);
    return coverage.any_missing() ? exit_findings : exit_ok;
}

}  // namespace lovsjekk::cli
