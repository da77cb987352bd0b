// The command line's side of the driver: the options every command that runs
// the pipeline shares, read into driver::Options. The pipeline itself is
// driver::run (src/driver/).
#pragma once

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "driver/driver.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::cli {

// The driver's names under the ones the commands have used.
using PipelineOptions = driver::Options;
using PipelineResult = driver::Result;
using driver::bundled_corpus_dir;
using driver::bundled_rules_dir;
using driver::is_input_error;
inline PipelineResult run_pipeline(const PipelineOptions& options) { return driver::run(options); }

/// The option specs shared by commands that run the pipeline.
std::vector<OptionSpec> pipeline_option_specs();
/// Reads the shared options (and --lang, when given); on a bad value returns an error message.
std::optional<std::string> read_pipeline_options(const ParsedOptions& parsed, PipelineOptions& out);
/// For a run whose input is unusable: writes its input errors to `io.err`
/// (in `lang`) and returns their number; 0, writing nothing, for a usable run.
std::size_t show_input_errors(const PipelineResult& result, const std::string& lang, Io io);

}  // namespace lovsjekk::cli
