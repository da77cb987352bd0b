// `lovsjekk coverage`: which of the statute's age phrases the rules encode,
// exclude with a reason, or miss. Exit 1 when any is missing, so CI can hold
// the number at zero.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "parse/parser.hpp"
#include "report/coverage.hpp"
#include "text/suggest.hpp"

#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

namespace fs = std::filesystem;

namespace lovsjekk::cli {

namespace {

/// The laws a run's own files take up. A folder with its own vocabulary
/// declares what it means to cover; otherwise the law lines are the bundled
/// defaults, and only the laws the user's files declare or cite count.
std::optional<std::set<std::string>> laws_in_scope(const PipelineResult& result, const std::vector<fs::path>& paths) {
    const parse::Workspace& ws = result.workspace;
    if (ws.preloaded == 0 || paths.empty()) return std::nullopt;
    const fs::path root = fs::weakly_canonical(parse::common_root(paths));
    const fs::path vocabulary = fs::weakly_canonical(fs::path(ws.sources.file(ws.files.front().source).path()));
    if (vocabulary.parent_path() == root) return std::nullopt;
    std::set<std::string> laws;
    for (const auto& [name, law] : result.model.laws)
        if (law.span.valid && law.span.file != Span::no_file) {
            bool own = true;
            for (std::size_t i = 0; i < ws.preloaded; ++i)
                if (ws.files[i].source == law.span.file) own = false;
            if (own) laws.insert(name);
        }
    for (const model::Norm& n : result.model.norms)
        for (const model::Citation& c : n.sources) laws.insert(c.law);
    for (const model::ExcludedRow& row : result.model.excluded)
        for (const model::Citation& c : row.citations) laws.insert(c.law);
    return laws;
}

}  // namespace

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
        show_input_errors(result, options.lang, io);
        return exit_unusable;
    }
    report::CoverageQuery query;
    query.when = options.when;
    query.law = parsed.get("law");
    query.in_scope = laws_in_scope(result, options.paths);
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
