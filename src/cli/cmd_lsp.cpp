// `lovsjekk lsp`: the language server over stdin and stdout, for editors.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "lsp/server.hpp"

#include <iostream>
#include <ostream>

namespace lovsjekk::cli {

int cmd_lsp(const Args& args, Io io) {
    std::vector<OptionSpec> specs = {
        {"at", true, "DATE", "evaluate the law in force on DATE (YYYY-MM-DD; default today)"},
        {"corpus", true, "DIR", "the statute index for citations and hover (default: the bundled corpus/)"},
        {"no-corpus", false, "", "do not check citations against a statute index"},
        {"stdio", false, "", "talk over stdin and stdout (the only way; accepted because clients pass it)"},
        {"help", false, "", "show this help"},
    };
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk lsp: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        io.out << format_help("lovsjekk lsp [OPTIONS]",
                              "Run the language server (LSP 3.17) on stdin and stdout, for editors: diagnostics as "
                              "'lovsjekk check' finds them, hover on citations and topics, go to definition, "
                              "document symbols and formatting. Logs go to stderr.",
                              specs);
        return exit_ok;
    }
    lsp::ServerOptions options;
    options.rules_dir = bundled_rules_dir();
    if (!parsed.has("no-corpus")) options.corpus_dir = parsed.get("corpus").value_or(bundled_corpus_dir().string());
    if (auto at = parsed.get("at")) {
        auto d = Date::parse(*at);
        if (!d) {
            io.err << "lovsjekk lsp: error: --at needs a real date as YYYY-MM-DD, not '" << *at << "'\n";
            return exit_unusable;
        }
        options.at = *d;
    }
    if (!parsed.positional.empty()) {
        io.err << "lovsjekk lsp: error: the server takes no paths; the editor opens the files\n";
        return exit_unusable;
    }
    // The protocol's channel is the process's own stdin and stdout.
    std::ios::sync_with_stdio(false);
    return lsp::serve(std::cin, std::cout, io.err, options);
}

}  // namespace lovsjekk::cli
