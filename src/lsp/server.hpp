// The language server (LSP 3.17 over stdio): diagnostics from the whole
// pipeline on open and change, hover on citations and topics, go to
// definition, document symbols and formatting. Messages in and out are
// JSON-RPC bodies; framing (Content-Length headers) is in transport.hpp.
#pragma once

#include "base/date.hpp"
#include "driver/driver.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::lsp {

struct ServerOptions {
    /// The driver's options, as `lovsjekk check` takes them; the client's
    /// initialization options and each rules root's project file add to them.
    driver::Options run;
    /// The client's root folder: the project file is looked for up to it.
    std::filesystem::path client_root;
};

class Analyzer;

/// One server session. Not thread-safe; one message at a time.
class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();

    /// Handles one JSON-RPC message body; returns the messages to send
    /// (responses and notifications), in order. Never throws.
    std::vector<std::string> handle(std::string_view body);

    /// Frees what the last messages made obsolete (a replaced analysis of a
    /// large file takes milliseconds to free): call once the replies are out.
    void release_retired();

    /// True after `exit`; exit_code() is then 0 when `shutdown` came first.
    bool exited() const { return exited_; }
    int exit_code() const { return shutdown_ ? 0 : 1; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    bool exited_ = false;
    bool shutdown_ = false;
};

/// Reads framed messages from `in`, answers on `out`, logs to `log`, until
/// `exit` or the end of input. Returns the process exit code.
int serve(std::istream& in, std::ostream& out, std::ostream& log, const ServerOptions& options);

}  // namespace lovsjekk::lsp
