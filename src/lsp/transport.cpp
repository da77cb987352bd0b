#include "lsp/transport.hpp"

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>

namespace lovsjekk::lsp {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

ReadResult read_message(std::istream& in) {
    ReadResult result;
    std::optional<std::size_t> length;
    bool malformed_length = false;
    bool any_header = false;
    std::string line;
    for (;;) {
        if (!std::getline(in, line)) return result;  // end of input
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            if (!any_header) continue;  // stray blank lines between messages
            break;
        }
        any_header = true;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;  // not a header: ignored
        if (lower(trim(std::string_view(line).substr(0, colon))) != "content-length") continue;
        const std::string value = trim(std::string_view(line).substr(colon + 1));
        std::size_t n = 0;
        bool digits = !value.empty() && value.size() <= 12;
        for (char c : value) {
            if (c < '0' || c > '9') {
                digits = false;
                break;
            }
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        if (digits) length = n;
        else malformed_length = true;
    }
    if (!length) {
        result.status = ReadResult::Status::bad_header;
        result.problem = malformed_length ? "a Content-Length that is not a number" : "no Content-Length header";
        return result;
    }
    if (*length > max_message_bytes) {
        in.ignore(static_cast<std::streamsize>(*length));
        result.status = ReadResult::Status::bad_header;
        result.problem = "a message of " + std::to_string(*length) + " bytes, more than the limit";
        return result;
    }
    result.body.resize(*length);
    in.read(result.body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in.gcount()) != *length) {
        result.status = ReadResult::Status::end_of_input;
        result.body.clear();
        return result;
    }
    result.status = ReadResult::Status::message;
    return result;
}

void write_message(std::ostream& out, std::string_view body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

}  // namespace lovsjekk::lsp
