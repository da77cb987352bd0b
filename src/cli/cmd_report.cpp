// `lovsjekk report`: the findings between sectors, in the format the reader's
// tools take.
#include "base/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "report/report.hpp"
#include "text/render.hpp"
#include "text/word.hpp"

#include <algorithm>
#include <iostream>
#include <ostream>
#include <unistd.h>

namespace lovsjekk::cli {

namespace {

/// Colour only when the report itself goes to a terminal: `report > file`
/// with a terminal on standard error must not put escape codes in the file.
bool writes_to_terminal(const Io& io) {
    return io.colour && &io.out == &std::cout && ::isatty(STDOUT_FILENO) != 0;
}

}  // namespace

int cmd_report(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    std::string formats;
    for (const auto& f : report::format_names()) formats += (formats.empty() ? "" : "|") + f;
    specs.push_back({"format", true, "FORMAT", "cli.report.option.format", false, {{"formats", formats}}});
    specs.push_back({"output", true, "FILE", "cli.report.option.output"});
    specs.push_back({"fail-on", true, "LEVEL", "cli.report.option.fail_on"});
    specs.push_back({"include-settled", false, "", "cli.report.option.include_settled"});
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk report: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "report", parsed, "lovsjekk report [OPTIONS] [PATH...]",
                          {"cli.report.description", "cli.report.exit"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) {
        io.err << "lovsjekk report: error: " << *error << '\n';
        return exit_unusable;
    }
    const std::string format = parsed.get("format").value_or("text");
    const auto& names = report::format_names();
    if (std::find(names.begin(), names.end(), format) == names.end()) {
        io.err << "lovsjekk report: error: "
               << text::bundled_catalogue(options.lang).format("cli.error.format", {{"value", format}, {"formats", formats}})
               << '\n';
        return exit_unusable;
    }

    report::WriteOptions write_options;
    if (auto level = parsed.get("fail-on")) {
        auto severity = parse_severity(*level);
        if (!severity) {
            io.err << "lovsjekk report: error: "
                   << text::bundled_catalogue(options.lang).format("cli.error.fail_on", {{"value", *level}}) << '\n';
            return exit_unusable;
        }
        write_options.fail_on = *severity;
    }

    // The JSON report words each finding as it writes it (the largest
    // reports are JSON, and their words would otherwise all be in memory).
    const text::Catalogue& messages = text::bundled_catalogue(options.lang);
    options.word_when_written = format == "json";
    PipelineResult result = run_pipeline(options);
    const std::vector<Diagnostic> all = std::move(result).report_order();
    if (result.unusable) {
        std::vector<Diagnostic> errors;
        std::copy_if(all.begin(), all.end(), std::back_inserter(errors), is_input_error);
        if (options.word_when_written) text::word(errors, messages);
        text::render_all(io.err, errors, result.workspace.sources, {io.colour, true, options.lang});
        io.err << "lovsjekk report: "
               << text::bundled_catalogue(options.lang)
                      .format("cli.error.no_report", {{"n", static_cast<std::int64_t>(errors.size())}})
               << '\n';
        return exit_unusable;
    }
    const report::ReportInput input{all,          result.workspace.sources, result.model, options.when.at,
                                    options.when.assume_in_force, options.lang, parsed.has("include-settled"),
                                    options.word_when_written ? &messages : nullptr};
    if (auto file = parsed.get("output")) {
        const auto write = [&](std::ostream& out) { report::write(format, out, input, write_options); };
        if (auto error = write_atomically(*file, write)) {
            io.err << "lovsjekk report: error: " << *error << '\n';
            return exit_unusable;
        }
        return exit_ok;
    }
    // io.colour says whether standard error is a terminal (and NO_COLOR is
    // unset); the report goes to standard output, which may be a file.
    write_options.colour = format == "text" && writes_to_terminal(io);
    report::write(format, io.out, input, write_options);
    return exit_ok;
}

}  // namespace lovsjekk::cli
