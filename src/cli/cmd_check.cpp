// `lovsjekk check`: validate rule files, for people and for CI.
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "text/render.hpp"

#include <algorithm>
#include <ostream>

namespace lovsjekk::cli {

int cmd_check(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"fail-on", true, "LEVEL", "cli.check.option.fail_on"});
    specs.push_back({"quiet", false, "", "cli.check.option.quiet"});
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk check: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "check", parsed, "lovsjekk check [OPTIONS] [PATH...]",
                          {"cli.check.description", "cli.check.exit"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) {
        io.err << "lovsjekk check: error: " << *error << '\n';
        return exit_unusable;
    }
    Severity fail_on = Severity::error;
    if (auto level = parsed.get("fail-on")) {
        auto l = parse_severity(*level);
        if (!l) {
            io.err << "lovsjekk check: error: "
                   << text::bundled_catalogue(options.lang).format("cli.error.fail_on", {{"value", *level}}) << '\n';
            return exit_unusable;
        }
        fail_on = *l;
    }

    const PipelineResult result = run_pipeline(options);
    const std::vector<Diagnostic> all = result.all_sorted();
    // Findings are the command's output (`check > fil.txt` keeps them);
    // input that cannot be used is an error, on standard error.
    std::ostream& shown = result.unusable ? io.err : io.out;
    const bool colour = result.unusable ? io.colour : io.colour_out;
    if (!parsed.has("quiet")) text::render_all(shown, all, result.workspace.sources, {colour, true, options.lang});

    const bool failing = std::any_of(all.begin(), all.end(), [&](const Diagnostic& d) { return d.severity >= fail_on; });
    const auto tally = severity_tally(all);
    shown << text::bundled_catalogue(options.lang)
                  .format("check.summary",
                          {{"errors", tally[static_cast<std::size_t>(Severity::error)]},
                           {"warnings", tally[static_cast<std::size_t>(Severity::warning)]},
                           {"notes", tally[static_cast<std::size_t>(Severity::note)]},
                           {"files", static_cast<std::int64_t>(result.workspace.files.size() - result.workspace.preloaded)},
                           {"rules", static_cast<std::int64_t>(result.model.norms.size())}})
           << '\n';
    if (result.unusable) return exit_unusable;
    return failing ? exit_findings : exit_ok;
}

}  // namespace lovsjekk::cli
