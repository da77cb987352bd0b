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
        {"at", true, "DATE", "cli.option.at"},
        {"corpus", true, "DIR", "cli.lsp.option.corpus"},
        {"no-corpus", false, "", "cli.option.no_corpus"},
        {"stdio", false, "", "cli.lsp.option.stdio"},
        lang_option_spec(),
        {"help", false, "", "cli.option.help"},
    };
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk lsp: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "lsp", parsed, "lovsjekk lsp [OPTIONS]", {"cli.lsp.description"}, specs)
                   ? exit_ok
                   : exit_unusable;
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
