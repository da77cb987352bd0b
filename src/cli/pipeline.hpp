// The pipeline as the commands run it, reading like the diagram in DESIGN.md:
// load and parse → resolve → check. Reports are written by the commands.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "check/policy.hpp"
#include "corpus/corpus.hpp"
#include "cli/options.hpp"
#include "model/model.hpp"
#include "parse/parser.hpp"
#include "text/messages.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lovsjekk::cli {

struct PipelineOptions {
    std::vector<std::filesystem::path> paths;  ///< empty: the bundled rules/
    model::Evaluation when;
    text::SourceLimits limits;
    std::size_t max_include_depth = parse::default_max_include_depth;
    std::vector<std::string> severity_settings;       ///< --severity KIND[/TOPIC]=LEVEL
    std::vector<std::filesystem::path> policy_files;  ///< --policy FILE
    std::filesystem::path corpus_dir;                 ///< empty: the bundled corpus/
    bool no_corpus = false;
    std::filesystem::path lovdata_dir;                ///< --lovdata DIR: Lovdata XML read over the index
    std::string lang = text::default_language;        ///< --lang: the language findings are worded in
};

struct PipelineResult {
    parse::Workspace workspace;
    model::Model model;
    corpus::Corpus corpus;
    Diagnostics input;                 ///< parse and resolve diagnostics
    std::vector<Diagnostic> findings;  ///< from the checks
    bool unusable = false;             ///< an input error: exit 2, no report

    /// Input diagnostics and findings together, sorted by place (for `check`).
    std::vector<Diagnostic> all_sorted() const;
    /// The same, sorted by kind, topic, rules and id: an order that does not
    /// move when norms move within their files (for reports).
    std::vector<Diagnostic> report_order() const;
};

/// The option specs shared by commands that run the pipeline.
std::vector<OptionSpec> pipeline_option_specs();
/// Reads the shared options (and --lang, when given); on a bad value returns an error message.
std::optional<std::string> read_pipeline_options(const ParsedOptions& parsed, PipelineOptions& out);

PipelineResult run_pipeline(const PipelineOptions& options);

/// Input errors that make the rules unusable (exit code 2).
bool is_input_error(const Diagnostic& d);

/// The folder of bundled rules and of the bundled corpus.
std::filesystem::path bundled_rules_dir();
std::filesystem::path bundled_corpus_dir();

}  // namespace lovsjekk::cli
