// LSP positions: 0-based lines and a column counted in the negotiated
// encoding (UTF-16 code units by default, else UTF-8 bytes or code points),
// to and from byte offsets into the normalised text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lovsjekk::lsp {

enum class Encoding : std::uint8_t { utf8, utf16, utf32 };

const char* encoding_name(Encoding e);  ///< "utf-8", "utf-16", "utf-32"

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;
};

/// Lines of one text, found once, for many conversions.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    /// The position of byte `offset`.
    Position position(std::size_t offset, Encoding encoding) const;
    /// The byte offset of `position`; a character past the line's end means
    /// its end, a line past the text's end means the end of the text.
    std::size_t offset(Position position, Encoding encoding) const;

private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

}  // namespace lovsjekk::lsp
