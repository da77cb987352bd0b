// The LSP base protocol: `Content-Length: N\r\n` headers, a blank line,
// then N bytes of JSON.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace lovsjekk::lsp {

/// Bodies larger than this are read and thrown away, never held.
inline constexpr std::size_t max_message_bytes = 64u * 1024 * 1024;

struct ReadResult {
    enum class Status { message, bad_header, end_of_input } status = Status::end_of_input;
    std::string body;
    std::string problem;  ///< for bad_header: what was wrong (for the log)
};

/// Reads one message. A header block without a usable Content-Length (or
/// one too large) is skipped and reported as bad_header; reading may go on.
ReadResult read_message(std::istream& in);

/// Writes `body` with its Content-Length header and flushes.
void write_message(std::ostream& out, std::string_view body);

}  // namespace lovsjekk::lsp
