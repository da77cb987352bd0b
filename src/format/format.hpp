// The formatter: one canonical layout for .regel files. It keeps the lines
// the author broke and every comment, and decides only what layout means:
// indentation, the aligned column after a field keyword, single spaces
// between tokens, blank lines around rules, and the order of consecutive
// includes. Strings and free text to the end of a line are never touched.
#pragma once

#include "base/diagnostic.hpp"
#include "grammar/ast.hpp"
#include "text/source.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace lovsjekk::format {

/// Formats one loaded source file (normalised text: NFC, LF). Returns
/// nullopt when it does not parse; the syntax errors go to `diags`. The
/// result is checked to parse to the same syntax tree (see describe()); if it
/// would not, an error goes to `diags` and nullopt is returned.
std::optional<std::string> format_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags);

/// Formats in-memory text (tests, language server).
std::optional<std::string> format_text(std::string display_path, std::string text, Diagnostics& diags);

/// The syntax tree without positions, one declaration per line, runs of
/// consecutive includes sorted: two files mean the same when their
/// descriptions are equal.
std::string describe(const ast::File& file);

/// A unified-style diff of two texts, line by line, with three lines of
/// context ("--- a" / "+++ b" headers, "@@ -l,n +l,n @@" hunks). Empty when equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name);

}  // namespace lovsjekk::format
