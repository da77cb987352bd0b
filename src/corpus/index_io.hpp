// The index files in corpus/: one JSON file per law (schema
// "lovsjekk.corpus/1", named by id) plus replacements.json (schema
// "lovsjekk.replacements/1"). Numbers, headings, dates, hashes, counts, point
// labels and age phrases; never Lovdata's running text.
#pragma once

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"
#include "text/source.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::corpus {

inline constexpr std::string_view index_schema = "lovsjekk.corpus/1";
inline constexpr std::string_view replacements_schema = "lovsjekk.replacements/1";
inline constexpr std::string_view replacements_file = "replacements.json";

/// The index file text of a law: fixed key order, statute order of sections,
/// 2-space indent, objects holding only scalars on one line, trailing newline.
/// The same law always gives the same bytes.
std::string serialise_law(const Law& law);
std::string serialise_replacements(const std::vector<Replacement>& replacements);

/// Parses index JSON held in `sources` (errors are diagnostics of kind
/// "corpus"; a syntax error points at its line and column).
std::optional<Law> parse_law(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags);
std::optional<std::vector<Replacement>> parse_replacements(std::uint32_t file, const text::SourceManager& sources,
                                                           Diagnostics& diags);

/// The file name of a law's index: "LOV-1999-07-02-63.json".
std::string index_file_name(const Law& law);

/// Writes `dir/<id>.json` through a temporary file in `dir` and a rename, so
/// no half-written index is ever left. Returns the path, or nullopt (an "io"
/// diagnostic) on failure.
std::optional<std::filesystem::path> write_law_index(const Law& law, const std::filesystem::path& dir,
                                                     Diagnostics& diags);

/// Reads every *.json in `dir` (sorted by name) and replacements.json into a
/// Corpus. Unreadable or invalid files are reported and skipped.
Corpus load_corpus(const std::filesystem::path& dir, text::SourceManager& sources, Diagnostics& diags);
/// As above with a private SourceManager: positions go into the messages
/// ("…: invalid JSON (corpus/x.json, line 3, column 5)") and spans stay invalid.
Corpus load_corpus(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace lovsjekk::corpus
