// Paths in URIs (SARIF artifact locations, LSP document URIs): one encoder.
#pragma once

#include <string>
#include <string_view>

namespace lovsjekk {

/// RFC 3986: everything but the unreserved characters and '/' percent-encoded,
/// so that 'vidaregåande.regel' or a space in a folder name is a valid URI path.
inline std::string percent_encode_path(std::string_view path) {
    static constexpr const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace lovsjekk
