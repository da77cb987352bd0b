#include "corpus/lovdata_archive.hpp"

#include "base/kinds.hpp"
#include "corpus/statute_text.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <fstream>
#include <memory>

namespace lovsjekk::corpus {

namespace {

struct ArchiveCloser {
    void operator()(archive* a) const { archive_read_free(a); }
};

/// A name no one could mistake for a place outside the archive's own tree.
bool safe_entry_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return false;
    if (name.size() >= 2 && name[1] == ':') return false;  // "C:…"
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        if (name.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string size_text(std::uint64_t bytes) {
    return bytes >= (1u << 20) && bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + "M"
                                                          : std::to_string(bytes);
}

}  // namespace

bool looks_like_archive(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    for (const char* tail : {".tar", ".tar.bz2", ".tbz2", ".tbz", ".tar.gz", ".tgz"})
        if (ends_with(name, tail)) return true;
    // Or by its first bytes: bzip2 "BZh", gzip 1f 8b, tar's "ustar" at 257.
    std::ifstream in(path, std::ios::binary);
    char head[262] = {};
    in.read(head, sizeof head);
    const auto got = static_cast<std::size_t>(in.gcount());
    const std::string_view bytes(head, got);
    return bytes.starts_with("BZh") || bytes.starts_with("\x1f\x8b") ||
           (got >= 262 && bytes.substr(257, 5) == "ustar");
}

bool read_lovdata_archive(const std::filesystem::path& path, const ArchiveLimits& limits,
                          const std::function<void(ArchiveDocument&&)>& on_document, Diagnostics& diags) {
    const std::string where = path.string();
    std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
    // Only the compressions Lovdata uses, each by its library: libarchive's
    // fallbacks to external programs are not wanted for untrusted input.
    archive_read_support_filter_bzip2(reader.get());
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_filter_none(reader.get());
    archive_read_support_format_tar(reader.get());
    auto fail = [&](const std::string& what) {
        const char* detail = archive_error_string(reader.get());
        diags.error(kinds::archive, Span{},
                    where + ": " + what + (detail ? std::string(": ") + printable(detail) : std::string()));
        return false;
    };
    if (archive_read_open_filename(reader.get(), where.c_str(), 1 << 16) != ARCHIVE_OK)
        // libarchive reports an unrecognised format as EILSEQ (its private
        // ARCHIVE_ERRNO_FILE_FORMAT on systems without EFTYPE).
        return fail(archive_errno(reader.get()) == EILSEQ
                        ? "not a tar archive (plain, bzip2 or gzip)"
                        : "cannot be read: damaged or truncated at its start");

    std::uint64_t entries = 0;
    std::string buffer;
    while (true) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status == ARCHIVE_FATAL || status == ARCHIVE_RETRY) {
            // The open recognised the format: what fails now is the stream.
            return fail(entries == 0 ? std::string("damaged or truncated before its first entry")
                                     : "damaged or truncated after entry " + std::to_string(entries));
        }
        // ARCHIVE_WARN: the header was read; libarchive's note is not fatal.
        if (++entries > limits.max_entries) {
            diags.error(kinds::archive, Span{},
                        where + ": more than " + std::to_string(limits.max_entries) +
                            " entries; stopped (raise the limit with --max-entries)");
            return false;
        }
        const char* raw_name = archive_entry_pathname(entry);
        const std::string name = printable(raw_name ? raw_name : "");
        const std::string at = where + ": " + name;
        const auto type = archive_entry_filetype(entry);
        if (type == AE_IFDIR) continue;
        if (!raw_name || !safe_entry_name(raw_name)) {
            diags.error(kinds::archive, Span{},
                        at + ": unsafe entry name (absolute, or with a '..' part); entry refused");
            continue;
        }
        if (type != AE_IFREG) {
            diags.add(kinds::archive, Severity::warning, Span{}, at + ": not a regular file; skipped");
            continue;
        }
        if (!ends_with(raw_name, ".xml")) continue;
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0 &&
            static_cast<std::uint64_t>(archive_entry_size(entry)) > limits.max_entry_bytes) {
            diags.error(kinds::archive, Span{},
                        at + ": " + std::to_string(archive_entry_size(entry)) + " bytes, over the limit of " +
                            size_text(limits.max_entry_bytes) + " bytes; skipped (raise it with --max-entry-size)");
            continue;  // libarchive skips the data on the next header
        }
        buffer.clear();
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0)
            buffer.reserve(static_cast<std::size_t>(archive_entry_size(entry)));
        bool over = false;
        char block[1 << 16];
        while (true) {
            const la_ssize_t n = archive_read_data(reader.get(), block, sizeof block);
            if (n == 0) break;
            if (n < 0) {
                if (n == ARCHIVE_WARN) continue;
                return fail("damaged or truncated in entry " + name);
            }
            // The header's size may lie: count what really comes.
            if (buffer.size() + static_cast<std::size_t>(n) > limits.max_entry_bytes) {
                over = true;
                break;
            }
            buffer.append(block, static_cast<std::size_t>(n));
        }
        if (over) {
            diags.error(kinds::archive, Span{},
                        at + ": over the limit of " + size_text(limits.max_entry_bytes) +
                            " bytes; skipped (raise it with --max-entry-size)");
            continue;
        }
        on_document(ArchiveDocument{name, std::move(buffer)});
        buffer = std::string();
    }
    return true;
}

}  // namespace lovsjekk::corpus
