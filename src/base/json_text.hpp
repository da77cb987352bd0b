// JSON text written straight into a string, byte for byte as
// boost::json::serialize writes the same value: for the large outputs (the
// statute index, the report's findings) that would otherwise build a
// json::value per item only to print and free it.
#pragma once

#include <charconv>
#include <cstring>
#include <cstdint>
#include <string>
#include <string_view>

namespace lovsjekk {

/// `s` as a JSON string, quotes included: '"', '\\' and control characters
/// escaped as json::serialize escapes them, other UTF-8 as it is.
inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // Eight bytes at a time while none needs escaping (a byte below 0x20,
        // '"' or '\\'): most of a report's text is plain.
        while (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            const auto zero_byte = [](std::uint64_t w) { return (w - ones) & ~w & highs; };
            const std::uint64_t control = (word - ones * 0x20) & ~word & highs;  // a byte below 0x20
            if (control | zero_byte(word ^ (ones * '"')) | zero_byte(word ^ (ones * '\\'))) break;
            i += 8;
        }
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\b': out += 'b'; break;
            case '\t': out += 't'; break;
            case '\n': out += 'n'; break;
            case '\f': out += 'f'; break;
            case '\r': out += 'r'; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out += "u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

/// A whole number as JSON writes it.
inline void append_json_number(std::string& out, std::int64_t n) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end);
}

}  // namespace lovsjekk
