// `lovsjekk diff`: what a law change does to the findings. Either the same
// rules on two dates (--at A --vs B: a change coming into force between
// them), or two rule trees on one date (OLD NEW: a change to the encoding).
// Findings are matched by their stable id.
#include "base/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "report/diff.hpp"
#include "report/report.hpp"
#include "text/render.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <unistd.h>

namespace lovsjekk::cli {

namespace {

/// Prints one side's input errors; true when that side is unusable.
/// `side` is "at", "vs" or a rule tree's folder.
bool report_unusable(const PipelineResult& result, const std::string& side, const std::string& lang, Io io) {
    if (!result.unusable) return false;
    const std::size_t errors = show_input_errors(result, lang, io);
    const bool date = side == "at" || side == "vs";
    io.err << "lovsjekk diff: "
           << text::bundled_catalogue(lang).format("cli.error.no_diff",
                                                   {{"side", date ? side : std::string("dir")},
                                                    {"dir", side},
                                                    {"n", static_cast<std::int64_t>(errors)}})
           << '\n';
    return true;
}

bool fails(const report::FindingDiff& diff, Severity fail_on) {
    const bool added = std::any_of(diff.added.begin(), diff.added.end(),
                                   [&](const Diagnostic& d) { return d.severity >= fail_on; });
    const bool changed = std::any_of(diff.changed.begin(), diff.changed.end(),
                                     [&](const report::FindingChange& c) { return c.after.severity >= fail_on; });
    return added || changed;
}

}  // namespace

int cmd_diff(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    std::string formats;
    for (const auto& f : report::format_names()) formats += (formats.empty() ? "" : "|") + f;
    specs.push_back({"vs", true, "DATE", "cli.diff.option.vs"});
    specs.push_back({"format", true, "FORMAT", "cli.report.option.format", false, {{"formats", formats}}});
    specs.push_back({"output", true, "FILE", "cli.diff.option.output"});
    specs.push_back({"fail-on", true, "LEVEL", "cli.diff.option.fail_on"});
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk diff: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "diff", parsed,
                          "lovsjekk diff [OPTIONS] [PATH...] --at DATE --vs DATE\n       lovsjekk diff [OPTIONS] OLD_DIR NEW_DIR",
                          {"cli.diff.description", "cli.diff.exit"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    PipelineOptions before;
    if (auto error = read_pipeline_options(parsed, before)) {
        io.err << "lovsjekk diff: error: " << *error << '\n';
        return exit_unusable;
    }
    const text::Catalogue& messages = text::bundled_catalogue(before.lang);
    PipelineOptions after = before;
    std::string before_label, after_label;
    if (auto vs = parsed.get("vs")) {
        auto date = Date::parse(*vs);
        if (!date) {
            io.err << "lovsjekk diff: error: " << messages.format("cli.error.bad_date", {{"option", "--vs"}, {"value", *vs}})
                   << '\n';
            return exit_unusable;
        }
        after.when.at = *date;
    } else {
        std::error_code ec;
        const auto& p = parsed.positional;
        if (p.size() != 2 || !std::filesystem::is_directory(p[0], ec) || !std::filesystem::is_directory(p[1], ec)) {
            io.err << "lovsjekk diff: error: " << messages.format("cli.error.diff_sides") << '\n';
            return exit_unusable;
        }
        before.paths = {p[0]};
        after.paths = {p[1]};
        before_label = p[0];
        after_label = p[1];
    }
    const std::string format = parsed.get("format").value_or("text");
    const auto& names = report::format_names();
    if (std::find(names.begin(), names.end(), format) == names.end()) {
        io.err << "lovsjekk diff: error: " << messages.format("cli.error.format", {{"value", format}, {"formats", formats}})
               << '\n';
        return exit_unusable;
    }
    report::WriteOptions write_options;
    if (auto level = parsed.get("fail-on")) {
        auto severity = parse_severity(*level);
        if (!severity) {
            io.err << "lovsjekk diff: error: " << messages.format("cli.error.fail_on", {{"value", *level}}) << '\n';
            return exit_unusable;
        }
        write_options.fail_on = *severity;
    }

    const PipelineResult first = run_pipeline(before);
    const PipelineResult second = run_pipeline(after);
    const bool unusable_first = report_unusable(first, before_label.empty() ? "at" : before_label, before.lang, io);
    const bool unusable_second = report_unusable(second, after_label.empty() ? "vs" : after_label, after.lang, io);
    if (unusable_first || unusable_second) return exit_unusable;

    const std::vector<Diagnostic> first_all = first.all_sorted();
    const std::vector<Diagnostic> second_all = second.all_sorted();
    const report::FindingDiff diff = report::diff_findings(first_all, second_all);
    const report::ReportInput first_input{first_all, first.workspace.sources, first.model, before.when.at,
                                          before.when.assume_in_force, before.lang};
    const report::ReportInput second_input{second_all, second.workspace.sources, second.model, after.when.at,
                                           after.when.assume_in_force, after.lang};
    const report::DiffInput input{first_input, second_input, diff, before_label, after_label};
    const int status = fails(diff, write_options.fail_on) ? exit_findings : exit_ok;

    if (auto file = parsed.get("output")) {
        const auto write = [&](std::ostream& out) { report::write_diff(format, out, input, write_options); };
        if (auto error = write_atomically(*file, write)) {
            io.err << "lovsjekk diff: error: " << *error << '\n';
            return exit_unusable;
        }
        return status;
    }
    // As in `report`: colour only when the diff itself goes to a terminal.
    write_options.colour = format == "text" && io.colour && &io.out == &std::cout && ::isatty(STDOUT_FILENO) != 0;
    report::write_diff(format, io.out, input, write_options);
    return status;
}

}  // namespace lovsjekk::cli
