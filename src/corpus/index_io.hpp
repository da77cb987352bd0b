// The index files in corpus/: one JSON file per law (schema
// "lovsjekk.corpus/1", named by id) plus replacements.json (schema
// "lovsjekk.replacements/1"). Numbers, headings, dates, hashes, counts, point
// labels and age phrases; never Lovdata's running text.
#pragma once

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"
#include "text/source.hpp"

#include <boost/json/fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::corpus {

inline constexpr std::string_view index_schema = "lovsjekk.corpus/1";
inline constexpr std::string_view replacements_schema = "lovsjekk.replacements/1";
inline constexpr std::string_view replacements_file = "replacements.json";
/// The corpus's own description (data date, sources), see corpus_info.hpp.
inline constexpr std::string_view info_file = "corpus.json";

/// The index file text of a law: fixed key order, statute order of sections,
/// 2-space indent, objects holding only scalars on one line, trailing newline.
/// The same law always gives the same bytes.
std::string serialise_law(const Law& law);
std::string serialise_replacements(const std::vector<Replacement>& replacements);

/// The layout of every index file: fixed key order as given, 2-space indent,
/// an object or array holding only scalars on one line, a trailing newline.
std::string pretty_index_json(const boost::json::value& v);
/// Parses JSON held in `sources`; a syntax error is a "corpus" diagnostic at
/// its position.
std::optional<boost::json::value> parse_index_json(std::uint32_t file, const text::SourceManager& sources,
                                                   Diagnostics& diags);

/// Parses index JSON held in `sources` (errors are diagnostics of kind
/// "corpus"; a syntax error points at its line and column).
std::optional<Law> parse_law(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags);
std::optional<std::vector<Replacement>> parse_replacements(std::uint32_t file, const text::SourceManager& sources,
                                                           Diagnostics& diags);

/// The file name of a law's index: its index key + ".json"
/// ("LOV-1999-07-02-63.json", "LOV-1814-05-17-NN.json").
std::string index_file_name(const Law& law);
/// True for a key that may name a file: an upper-case letter, then letters,
/// digits and '-' (no '.', '/', '\\'), at most 80 characters.
bool safe_index_key(std::string_view key);

/// Writes `dir/<id>.json` through a temporary file in `dir` and a rename, so
/// no half-written index is ever left. Returns the path, or nullopt (an "io"
/// diagnostic) on failure.
std::optional<std::filesystem::path> write_law_index(const Law& law, const std::filesystem::path& dir,
                                                     Diagnostics& diags);

/// Reads replacements.json of `dir` and registers every other *.json as an
/// unread law: a file named by its key ("LOV-….json", "FOR-….json") is read
/// on its first lookup, any other *.json at once. Unreadable or invalid files
/// read at once are reported and skipped.
Corpus load_corpus(const std::filesystem::path& dir, text::SourceManager& sources, Diagnostics& diags);
/// As above with a private SourceManager: positions go into the messages
/// ("…: invalid JSON (corpus/x.json, line 3, column 5)") and spans stay invalid.
Corpus load_corpus(const std::filesystem::path& dir, Diagnostics& diags);

/// One archive or file the corpus was built from (corpus.json).
struct CorpusSource {
    std::string name;       ///< "gjeldende-lover.tar.bz2", "lovdata/sf-20001220-1554.xml"
    std::string url;        ///< where it is published
    std::string date;       ///< the date of Lovdata's data (YYYY-MM-DD)
    std::int64_t documents = 0;
};

/// corpus.json (schema "lovsjekk.corpus-info/1"): when the data is from and
/// where it came from. Written by tools/update_corpus.sh.
struct CorpusInfo {
    std::string data_date;  ///< the date of the consolidated texts
    std::vector<CorpusSource> sources;
};

inline constexpr std::string_view info_schema = "lovsjekk.corpus-info/1";

/// Reads `dir`/corpus.json; nullopt (a "corpus" diagnostic when it exists but
/// is broken) when there is none.
std::optional<CorpusInfo> read_corpus_info(const std::filesystem::path& dir, Diagnostics& diags);

/// Reads the unread laws among `ids` (ids or refids) and the laws their
/// replacements point to, reporting broken files into `diags` (a lookup that
/// reads a law itself drops its problems). Call it with the laws the rules
/// cite before checking.
void read_laws(Corpus& corpus, const std::vector<std::string>& ids, text::SourceManager& sources,
               Diagnostics& diags);

}  // namespace lovsjekk::corpus
