// The lovsjekk commands. Each takes its own arguments (after the command
// name) and writes only to the streams it is given, so tests drive them in
// process. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 unusable input.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace lovsjekk::cli {

struct Io {
    std::ostream& out;
    std::ostream& err;
    bool colour = false;  ///< ANSI colour on diagnostics (only on a terminal, never with NO_COLOR)
    bool colour_out = false;  ///< the same for diagnostics written to `out` (`check`)
};

using Args = std::vector<std::string>;

inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_unusable = 2;

/// Dispatches `lovsjekk COMMAND ARGS...`.
int run(const Args& args, Io io);

/// Runs `body` so that no exception ends in an abort: one that escapes
/// becomes "lovsjekk: error: …" on `err` and exit 2 (main's last line of defence).
int guarded(const std::function<int()>& body, std::ostream& err);

int cmd_check(const Args& args, Io io);
int cmd_report(const Args& args, Io io);
/// `lovsjekk diff`: findings added, removed and changed between two dates or two rule trees.
int cmd_diff(const Args& args, Io io);
int cmd_import(const Args& args, Io io);
/// `lovsjekk corpus info`: the statute index's date, counts and sources.
int cmd_corpus(const Args& args, Io io);
/// `lovsjekk atlas`: every age phrase of the statute index, by age and by law.
int cmd_atlas(const Args& args, Io io);
int cmd_explain(const Args& args, Io io);
int cmd_ages(const Args& args, Io io);
int cmd_summary(const Args& args, Io io);
/// `lovsjekk transitions`: what ends and what goes on at each age a service ends.
int cmd_transitions(const Args& args, Io io);
/// `lovsjekk coverage`: the statute's age phrases, encoded, excluded or missing (exit 1 when any is missing).
int cmd_coverage(const Args& args, Io io);
/// `lovsjekk fmt`: the canonical layout of rule files (--check: a diff and exit 1 instead).
int cmd_fmt(const Args& args, Io io);
/// `lovsjekk lsp`: the language server over stdin and stdout.
int cmd_lsp(const Args& args, Io io);

}  // namespace lovsjekk::cli
