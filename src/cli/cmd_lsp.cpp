// `lovsjekk lsp`: the language server over stdin and stdout, for editors.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "lsp/server.hpp"

#include <iostream>
#include <ostream>

namespace lovsjekk::cli {

int cmd_lsp(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"stdio", false, "", "cli.lsp.option.stdio"});
    specs.push_back({"help", false, "", "cli.option.help"});
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
    // The same options as `check`: the client's initialization options and
    // the project file of each rules root add to them.
    lsp::ServerOptions options;
    if (auto error = read_pipeline_options(parsed, options.run)) {
        io.err << "lovsjekk lsp: error: " << *error << '\n';
        return exit_unusable;
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
