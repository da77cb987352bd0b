// Source files as the rest of lovsjekk sees them: validated UTF-8, NFC,
// LF line ends, and a way back from byte offsets to what a person sees
// (line, column in user-perceived characters).
#pragma once

#include "base/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::text {

struct Position {
    std::uint32_t line = 0;    ///< 1-based
    std::uint32_t column = 0;  ///< 1-based, in grapheme clusters
};

class SourceFile {
public:
    SourceFile(std::string path, std::string content);

    const std::string& path() const { return path_; }
    std::string_view content() const { return content_; }

    Position position(std::uint32_t offset) const;
    /// The line holding `offset`, without its line end.
    std::string_view line_text(std::uint32_t line) const;
    std::uint32_t line_start(std::uint32_t line) const { return line_starts_.at(line - 1); }
    std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
    /// Column of `offset` counted in UTF-16 code units (SARIF, LSP) and code points.
    std::uint32_t utf16_column(std::uint32_t offset) const;

private:
    std::string path_;
    std::string content_;
    std::vector<std::uint32_t> line_starts_;
    // The last position computed: diagnostics come in offset order, and
    // Lovdata's files are one line of up to a megabyte, so the next column is
    // counted on from here instead of from the line's start.
    mutable std::uint32_t last_offset_ = 0;
    mutable std::uint32_t last_graphemes_ = 0;
};

/// Limits protecting lovsjekk from hostile or accidental huge input.
struct SourceLimits {
    std::uint64_t max_file_bytes = 64ull * 1024 * 1024;
};

class SourceManager {
public:
    /// Reads, validates and normalises a file. On failure (unreadable,
    /// invalid UTF-8, too large) reports into `diags` and returns nullopt; a
    /// file with invalid UTF-8 is still kept (with U+FFFD for the bad bytes)
    /// so that the error can show its line.
    std::optional<std::uint32_t> load(const std::filesystem::path& path, Diagnostics& diags,
                                      const SourceLimits& limits = {});
    /// Adds in-memory text under a display name (tests, LSP, stdin). The same
    /// validation applies.
    std::optional<std::uint32_t> add(std::string display_path, std::string bytes, Diagnostics& diags);

    const SourceFile& file(std::uint32_t id) const { return files_.at(id); }
    std::size_t size() const { return files_.size(); }

    /// Moves `found`, the diagnostics of files read into `from` (a manager
    /// of their own), into `into`, each position pointed at a copy here of
    /// the file it is in: a file is copied once, and only when a diagnostic
    /// points into it. So a file that reads cleanly (an index of the statute
    /// corpus, the larger part of a big run's input) is not kept after it is read.
    void adopt(const SourceManager& from, Diagnostics& found, Diagnostics& into);

private:
    std::vector<SourceFile> files_;
};

/// Validates UTF-8 and returns the byte offset of the first ill-formed
/// sequence, or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

/// Strips a BOM, turns CRLF and lone CR into LF, and normalises to NFC.
std::string normalise(std::string_view valid_utf8);
/// The same, reusing the text's buffer when it is already normal.
std::string normalise_owned(std::string&& valid_utf8);

/// Whether valid UTF-8 is certainly NFC without asking ICU: every code point
/// below U+0300 (no combining mark, nothing NFC_QC=No/Maybe) or in
/// U+2010–U+203F (dashes, quotes, bullets, "…", all NFC_QC=Yes). Rule files
/// and most of a law's text are; false sends the rest to ICU.
bool surely_nfc(std::string_view valid_utf8);

/// Number of grapheme clusters in `text` (ICU character break iteration).
std::uint32_t grapheme_count(std::string_view text);

}  // namespace lovsjekk::text
