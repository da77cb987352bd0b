#include "lsp/positions.hpp"

#include <algorithm>

namespace lovsjekk::lsp {

namespace {

/// Bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::uint32_t units(std::size_t bytes, Encoding encoding) {
    switch (encoding) {
    case Encoding::utf8: return static_cast<std::uint32_t>(bytes);
    case Encoding::utf16: return bytes == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    case Encoding::utf32: return 1;
    }
    return 1;
}

}  // namespace

const char* encoding_name(Encoding e) {
    switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
    }
    return "utf-16";
}

LineIndex::LineIndex(std::string_view text) : text_(text), line_starts_{0} {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
}

Position LineIndex::position(std::size_t offset, Encoding encoding) const {
    if (offset > text_.size()) offset = text_.size();
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    Position p;
    p.line = static_cast<std::uint32_t>(it - line_starts_.begin() - 1);
    for (std::size_t i = *(it - 1); i < offset;) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
        p.character += units(n, encoding);
        i += n;
    }
    return p;
}

std::size_t LineIndex::offset(Position position, Encoding encoding) const {
    if (position.line >= line_starts_.size()) return text_.size();
    std::size_t i = line_starts_[position.line];
    std::uint32_t column = 0;
    while (i < text_.size() && text_[i] != '\n' && column < position.character) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
        // A position inside a surrogate pair stays before the character.
        if (column + units(n, encoding) > position.character) break;
        column += units(n, encoding);
        i += n;
    }
    return std::min(i, text_.size());
}

}  // namespace lovsjekk::lsp
