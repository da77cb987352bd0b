#include "text/source.hpp"

#include "base/kinds.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>

namespace lovsjekk::text {

namespace {

std::vector<std::uint32_t> compute_line_starts(std::string_view s) {
    std::vector<std::uint32_t> starts{0};
    starts.reserve(s.size() / 32 + 1);  // about a line per 32 bytes in rule files; a guess, not a limit
    for (std::size_t i = s.find('\n'); i != std::string_view::npos; i = s.find('\n', i + 1))
        starts.push_back(static_cast<std::uint32_t>(i + 1));
    return starts;
}

/// Calls `visit(start, end, code_point)` for each character (a negative code
/// point for an ill-formed sequence) until it returns false.
template <typename Visit>
void each_code_point(std::string_view bytes, Visit&& visit) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (!visit(static_cast<std::size_t>(start), static_cast<std::size_t>(i), c)) return;
    }
}

// Replaces every ill-formed sequence (and NUL) with U+FFFD so that the text can be shown.
std::string sanitise(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    each_code_point(bytes, [&](std::size_t start, std::size_t end, UChar32 c) {
        if (c <= 0) out += "\xEF\xBF\xBD";
        else out.append(bytes.substr(start, end - start));
        return true;
    });
    return out;
}

}  // namespace

SourceFile::SourceFile(std::string path, std::string content)
    : path_(std::move(path)), content_(std::move(content)), line_starts_(compute_line_starts(content_)) {}

Position SourceFile::position(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(content_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
    const std::uint32_t start = line_starts_[line - 1];
    // Counting on from the last offset is exact when that offset is a cluster
    // boundary, which it is between two ASCII bytes (LF ends the line, so no
    // CR LF pair can sit there).
    const auto ascii = [this](std::uint32_t i) { return static_cast<unsigned char>(content_[i]) < 0x80; };
    std::uint32_t from = start, before = 0;
    if (last_offset_ > start && last_offset_ <= offset && last_offset_ < content_.size() && ascii(last_offset_) &&
        ascii(last_offset_ - 1)) {
        from = last_offset_;
        before = last_graphemes_;
    }
    const std::uint32_t graphemes = before + grapheme_count(std::string_view(content_).substr(from, offset - from));
    last_offset_ = offset;
    last_graphemes_ = graphemes;
    return {line, graphemes + 1};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    const std::uint32_t start = line_starts_[line - 1];
    std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                                   : static_cast<std::uint32_t>(content_.size());
    return std::string_view(content_).substr(start, end - start);
}

std::uint32_t SourceFile::utf16_column(std::uint32_t offset) const {
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(content_.size()));
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const std::uint32_t start = *(it - 1);
    std::uint32_t units = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(content_.data());
    for (int32_t i = static_cast<int32_t>(start); i < static_cast<int32_t>(offset);) {
        UChar32 c;
        U8_NEXT(s, i, static_cast<int32_t>(offset), c);
        units += c > 0xFFFF ? 2 : 1;
    }
    return units + 1;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    // Rule and index files are mostly ASCII with a few æ, ø, å and §: skip
    // ASCII eight bytes at a time and decode only the characters that are not.
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        if (i + 8 <= length) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            const bool has_high_bit = word & 0x8080808080808080ull;
            const bool may_have_nul = (word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull;
            if (!has_high_bit && !may_have_nul) {
                i += 8;
                continue;
            }
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        // NUL is valid UTF-8 but never valid in a rule or statute file.
        if (c <= 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

bool surely_nfc(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Eight ASCII bytes at a time: most of every rule and index file.
        while (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= text.size()) break;
        if (s[i] < 0xCC) continue;  // ASCII, continuation bytes, leads of U+0080–U+02FF
        if (s[i] == 0xE2 && i + 2 < text.size() && s[i + 1] == 0x80 && s[i + 2] >= 0x90) {
            i += 2;  // U+2010–U+203F
            continue;
        }
        return false;
    }
    return true;
}

std::string normalise_owned(std::string&& text) {
    // The common case, a file already in normal form, keeps its buffer.
    if (!std::string_view(text).starts_with("\xEF\xBB\xBF") && text.find('\r') == std::string::npos &&
        surely_nfc(text))
        return std::move(text);
    return normalise(std::string_view(text));
}

std::string normalise(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string lf;
    if (text.find('\r') == std::string_view::npos) {
        lf.assign(text);  // the common case: nothing to convert, one copy
    } else {
        lf.reserve(text.size());
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\r') {
                lf += '\n';
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            } else {
                lf += text[i];
            }
        }
    }
    if (surely_nfc(lf)) return lf;  // a tenth of the cost of asking ICU
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return lf;
    // Asked of the UTF-8 directly: no UTF-16 copy of the whole file when it is
    // already NFC (as almost every file is).
    if (nfc->isNormalizedUTF8(lf, status) && U_SUCCESS(status)) return lf;
    status = U_ZERO_ERROR;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(lf);
    icu::UnicodeString normalised = nfc->normalize(u, status);
    if (U_FAILURE(status)) return lf;
    std::string out;
    normalised.toUTF8String(out);
    return out;
}

std::uint32_t grapheme_count(std::string_view text) {
    if (text.empty()) return 0;
    // Pure ASCII (the common case) has one grapheme per byte except CR LF.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return static_cast<std::uint32_t>(text.size());
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (!it) return static_cast<std::uint32_t>(text.size());
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return static_cast<std::uint32_t>(text.size());
    it->setText(ut, status);
    std::uint32_t count = 0;
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) ++count;
    utext_close(ut);
    return count;
}

std::optional<std::uint32_t> SourceManager::add(std::string display_path, std::string bytes,
                                                Diagnostics& diags) {
    const auto id = static_cast<std::uint32_t>(files_.size());
    if (auto bad = first_invalid_utf8(bytes)) {
        const std::string prefix = normalise(std::string_view(bytes).substr(0, *bad));
        const unsigned char byte = static_cast<unsigned char>(bytes[*bad]);
        files_.emplace_back(std::move(display_path), prefix + sanitise(std::string_view(bytes).substr(*bad)));
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", byte);
        const auto at = static_cast<std::uint32_t>(prefix.size());
        diags.error(kinds::encoding, Span::at(id, at, at + 1),
                    byte == 0 ? "NUL byte in text (the file may be binary or UTF-16)"
                              : std::string("invalid UTF-8: byte ") + hex + " does not start or continue a valid character");
        return std::nullopt;
    }
    files_.emplace_back(std::move(display_path), normalise_owned(std::move(bytes)));
    return id;
}

void SourceManager::adopt(const SourceManager& from, Diagnostics& found, Diagnostics& into) {
    std::vector<std::uint32_t> copied(from.size(), Span::no_file);
    auto here = [&](Span& span) {
        if (span.file >= from.size()) return;
        if (copied[span.file] == Span::no_file) {
            copied[span.file] = static_cast<std::uint32_t>(files_.size());
            files_.push_back(from.file(span.file));
        }
        span.file = copied[span.file];
    };
    for (Diagnostic& d : found.all()) {
        here(d.span);
        for (Note& n : d.notes) here(n.span);
        into.all().push_back(std::move(d));
    }
    found.all().clear();
}

std::optional<std::uint32_t> SourceManager::load(const std::filesystem::path& path, Diagnostics& diags,
                                                 const SourceLimits& limits) {
    std::error_code ec;
    const auto display = path.generic_string();
    auto whole_file = [&] { return Span{}; };
    if (std::filesystem::is_directory(path, ec)) {
        diags.error(kinds::io, whole_file(), "cannot read '" + display + "': it is a directory");
        return std::nullopt;
    }
    const auto bytes_on_disk = std::filesystem::file_size(path, ec);
    if (ec) {
        diags.error(kinds::io, whole_file(), "cannot read '" + display + "': " + ec.message());
        return std::nullopt;
    }
    if (bytes_on_disk > limits.max_file_bytes) {
        diags.error(kinds::limit, whole_file(),
                    "'" + display + "' is " + std::to_string(bytes_on_disk) + " bytes, over the limit of " +
                        std::to_string(limits.max_file_bytes) + " bytes (raise it with --max-file-size)");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(kinds::io, whole_file(), "cannot read '" + display + "': permission denied or file vanished");
        return std::nullopt;
    }
    // Read whole, in one piece: the size is known.
    std::string bytes(static_cast<std::size_t>(bytes_on_disk), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.peek() != std::ifstream::traits_type::eof()) {  // grew while we read: take the rest too
        std::ostringstream rest;
        rest << in.rdbuf();
        bytes += std::move(rest).str();
    }
    return add(display, std::move(bytes), diags);
}

}  // namespace lovsjekk::text
