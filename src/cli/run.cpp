// `lovsjekk COMMAND …`: one table of commands, as ninja has for its tools.
#include "cli/commands.hpp"

#include "text/suggest.hpp"

#include <ostream>

namespace lovsjekk::cli {

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const Args&, Io);
};

const Command commands[] = {
    {"check", "validate rule files: exit 0 clean, 1 findings at or above --fail-on, 2 unusable input", cmd_check},
    {"report", "report findings between sectors: text, json, sarif, junit, markdown or html", cmd_report},
    {"diff", "compare the findings on two dates (--at A --vs B) or of two rule trees (OLD NEW)", cmd_diff},
    {"ages", "the age thresholds in force, as a table or JSON, or the dates one child reaches them", cmd_ages},
    {"summary", "a plain-language summary (nb, nn, en) for a child's age, a service or one child, with its LIX", cmd_summary},
    {"explain", "explain a finding (by id) or a kind of finding, with the provisions involved", cmd_explain},
    {"fmt", "lay out rule files the canonical way (--check: show a diff and exit 1 instead)", cmd_fmt},
    {"lsp", "the language server over stdio, for editors", cmd_lsp},
    {"import", "build statute index entries from Lovdata XML (import lovdata FILE...)", cmd_import},
};

void print_usage(std::ostream& out) {
    out << "usage: lovsjekk COMMAND [OPTIONS] [PATH...]\n\n"
           "lovsjekk checks how the laws that serve children and young people (0-24) fit together.\n\n"
           "commands:\n";
    for (const Command& c : commands) {
        std::string name = c.name;
        name.resize(10, ' ');
        out << "  " << name << c.summary << '\n';
    }
    out << "\n'lovsjekk COMMAND --help' describes a command.\n";
}

}  // namespace

int run(const Args& args, Io io) {
    if (args.empty()) {
        print_usage(io.err);
        return exit_unusable;
    }
    const std::string& name = args.front();
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(io.out);
        return exit_ok;
    }
    if (name == "--version") {
        io.out << "lovsjekk " << LOVSJEKK_VERSION << "\n"
               << "Statute index: contains data under the Norwegian licence for Open Government data (NLOD 2.0) "
                  "distributed by Lovdata.\n";
        return exit_ok;
    }
    for (const Command& c : commands)
        if (name == c.name) return c.run(Args(args.begin() + 1, args.end()), io);
    std::vector<std::string_view> names;
    for (const Command& c : commands) names.push_back(c.name);
    io.err << "lovsjekk: error: unknown command '" << name << "'";
    if (auto close = text::closest(name, names)) io.err << "; did you mean '" << *close << "'?";
    io.err << "\n(see 'lovsjekk --help')\n";
    return exit_unusable;
}

}  // namespace lovsjekk::cli
