// Lovdata's archives (gjeldende-lover.tar.bz2, lovtidend-avd1-2025.tar.bz2,
// …): a tar stream, compressed with bzip2 or gzip or not at all, of one XML
// document per law, regulation or Lovtidend item. Read with libarchive
// straight into memory, one entry at a time: nothing is unpacked to disk and
// an entry's name is only ever shown, never used as a path.
#pragma once

#include "base/diagnostic.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace lovsjekk::corpus {

/// Bounds on what an (untrusted) archive may make the reader do.
struct ArchiveLimits {
    std::uint64_t max_entry_bytes = 64ull << 20;  ///< --max-entry-size: one document, uncompressed
    std::uint64_t max_entries = 100'000;          ///< --max-entries: entries of any kind
};

/// One document read from an archive.
struct ArchiveDocument {
    std::string name;   ///< the entry's name as printable text ("nl/nl-19990702-063.xml")
    std::string bytes;  ///< the entry's content
};

/// Calls `on_document` for each regular entry whose name ends in ".xml", in
/// archive order. Entries whose name is absolute or holds a ".." part are
/// refused (error, the rest go on); other kinds of entry (links, devices)
/// are skipped with a warning; folders silently. An entry over
/// `max_entry_bytes`, more than `max_entries` entries, a damaged or
/// truncated stream and a file that is no tar archive are errors of kind
/// "archive" naming the archive (and the entry); reading stops at a damaged
/// stream or at the entry limit. Returns false when the archive could not be
/// read to its end.
bool read_lovdata_archive(const std::filesystem::path& archive, const ArchiveLimits& limits,
                          const std::function<void(ArchiveDocument&&)>& on_document, Diagnostics& diags);

/// True when `path` names an archive by its ending (.tar, .tar.bz2, .tbz2,
/// .tar.gz, .tgz) or starts like one (bzip2, gzip, tar).
bool looks_like_archive(const std::filesystem::path& path);

}  // namespace lovsjekk::corpus
