// The driver: the one pipeline every command and the language server run,
// reading like the diagram in DESIGN.md:
//   options → load (disk, or an editor's open buffers) → resolve → checks
//   → policy → findings as values (kinds, keys, arguments) → worded once.
// The command line and the server only translate their input into Options
// and the Result into their output.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "base/message.hpp"
#include "check/check.hpp"
#include "corpus/corpus.hpp"
#include "model/model.hpp"
#include "parse/parser.hpp"
#include "text/messages.hpp"
#include "text/source.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::driver {

/// The folder of bundled rules and of the bundled corpus: the only place the
/// driver learns where lovsjekk's data lies.
std::filesystem::path bundled_rules_dir();
std::filesystem::path bundled_corpus_dir();

/// The project file in a rules root: options that `check` and the language
/// server read alike (see README, "Project file").
inline constexpr std::string_view project_file_name = "lovsjekk.conf";

struct Options {
    std::vector<std::filesystem::path> paths;  ///< empty: the bundled rules/
    model::Evaluation when{Date::today(), {}};  ///< --at (default today), --assume-in-force
    text::SourceLimits limits;
    std::size_t max_include_depth = parse::default_max_include_depth;
    std::vector<std::string> severity_settings;       ///< --severity KIND[/TOPIC]=LEVEL
    std::vector<std::filesystem::path> policy_files;  ///< --policy FILE
    std::filesystem::path corpus_dir;                 ///< added to the bundled corpus/ (its laws win)
    bool no_corpus = false;
    std::filesystem::path lovdata_dir;                ///< --lovdata DIR: Lovdata XML read over the index
    std::string lang = text::default_language;        ///< the language findings are worded in
    /// Read the project file in the rules root (under the options given here).
    bool read_project_file = true;
    /// The settings given, by name: those of a project file do not override them.
    std::set<std::string> given;
    /// Keep each file's declarations after the model is built (the language
    /// server reads them); otherwise they are freed once the model exists.
    bool keep_syntax_trees = false;
    /// Leave the findings and input diagnostics unworded: the caller words
    /// each as it writes it (the JSON report, report::ReportInput::word_with).
    /// They stay incomplete (check::complete_findings): their notes unworded
    /// (the JSON report gives only a note's position) and their rule texts
    /// deferred (the caller expands each finding's as it words it).
    bool word_when_written = false;
};

/// The names of the settings (the command line's long options without
/// dashes, the project file's first words, the server's initialization options).
const std::vector<std::string_view>& setting_names();

/// Sets one option by name, as the command line, the project file and the
/// server's initialization options all give them; relative paths are taken
/// from `base`. What is wrong with it, as a catalogue key and arguments.
std::optional<Phrase> set_option(Options& options, std::string_view name, std::string_view value,
                                 const std::filesystem::path& base = {});

/// The project file of a run: lovsjekk.conf in the rules root of the paths
/// (the folder common to them); none for the bundled rules.
std::optional<std::filesystem::path> project_file(const std::vector<std::filesystem::path>& paths);

/// Kept between runs by a long-lived caller (the language server), so that an
/// edit re-reads only what changed.
struct Session {
    parse::ParseCache parsed;
    std::vector<std::filesystem::path> corpus_dirs;  ///< the directories `corpus` was read from
    /// Not const: the index reads a law's file when a run first cites it.
    std::shared_ptr<corpus::Corpus> corpus;
};

struct Result {
    parse::Workspace workspace;
    model::Model model;
    corpus::Corpus corpus;             ///< the statute index (empty when shared from a Session)
    std::shared_ptr<const corpus::Corpus> shared_corpus;  ///< the session's index, not copied per run
    Options options;                   ///< as applied, project file included
    Diagnostics input;                 ///< load, resolve, project and policy diagnostics
    std::vector<Diagnostic> findings;  ///< from the checks, after the policy
    bool unusable = false;             ///< an input error: exit 2, no report
    /// The date of the consolidated statute texts read (corpus.json; the
    /// earliest, when --corpus adds a folder with its own); none without an index.
    std::optional<Date> statute_text_date;
    /// Changes since that text, in force on the day checked, to what the
    /// norms in force cite (as the `reference` check reports them, computed once).
    std::vector<check::TextChange> text_changes;

    /// The statute index the run used, whichever holds it.
    const corpus::Corpus& statute_index() const { return shared_corpus ? *shared_corpus : corpus; }

    /// Input diagnostics and findings together, sorted by place (for `check`).
    std::vector<Diagnostic> all_sorted() const;
    /// The same, sorted by kind, topic, rules and id: an order that does not
    /// move when norms move within their files, nor with the language (for reports).
    std::vector<Diagnostic> report_order() const&;
    /// The same, taking the diagnostics out of the result rather than copying
    /// them (a report's last use of them: every finding in memory once).
    std::vector<Diagnostic> report_order() &&;
};

/// Runs the pipeline. `open`: texts that stand in for files on disk;
/// `session`: caches kept between runs. Never prints.
Result run(const Options& options, const parse::OpenBuffers* open = nullptr, Session* session = nullptr);

/// Input errors that make the rules unusable (exit code 2).
bool is_input_error(const Diagnostic& d);

}  // namespace lovsjekk::driver
