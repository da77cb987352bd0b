// `lovsjekk COMMAND …`: one table of commands, as ninja has for its tools.
#include "cli/commands.hpp"

#include "cli/options.hpp"
#include "text/messages.hpp"
#include "text/suggest.hpp"

#include <algorithm>
#include <ostream>

namespace lovsjekk::cli {

namespace {

struct Command {
    const char* name;
    int (*run)(const Args&, Io);
};

// What each does is the catalogue key cli.command.<name>.
const Command commands[] = {
    {"check", cmd_check},   {"report", cmd_report}, {"diff", cmd_diff}, {"ages", cmd_ages},     {"summary", cmd_summary},
    {"coverage", cmd_coverage}, {"explain", cmd_explain}, {"fmt", cmd_fmt}, {"lsp", cmd_lsp}, {"import", cmd_import},
    {"corpus", cmd_corpus}, {"atlas", cmd_atlas}, {"transitions", cmd_transitions},
};

void print_usage(std::ostream& out, const text::Catalogue& messages) {
    out << messages.format("cli.help.usage", {{"usage", "lovsjekk COMMAND [OPTIONS] [PATH...]"}}) << "\n\n"
        << messages.format("cli.intro") << "\n\n"
        << messages.format("cli.commands") << '\n';
    for (const Command& c : commands) {
        std::string name = c.name;
        name.resize(std::max<std::size_t>(10, name.size() + 1), ' ');
        out << "  " << name << messages.format(std::string("cli.command.") + c.name) << '\n';
    }
    out << '\n' << messages.format("cli.more") << '\n';
}

/// The catalogue for the top-level help: --lang among the arguments, else nb;
/// null (with an error on `err`) for a language without one.
const text::Catalogue* usage_catalogue(const Args& args, std::ostream& err) {
    ParsedOptions lang;
    lang.values["lang"] = {lang_in(args)};
    std::string code;
    if (auto error = read_lang(lang, code)) {
        err << "lovsjekk: error: " << *error << '\n';
        return nullptr;
    }
    return &text::bundled_catalogue(code);
}

}  // namespace

int guarded(const std::function<int()>& body, std::ostream& err) {
    // The catalogues themselves may be what failed: these words are fixed.
    try {
        return body();
    } catch (const std::exception& e) {
        err << "lovsjekk: error: " << e.what() << '\n';
    } catch (...) {
        err << "lovsjekk: error: an unexpected failure stopped the run\n";
    }
    return exit_unusable;
}

int run(const Args& args, Io io) {
    if (args.empty()) {
        print_usage(io.err, text::bundled_catalogue(text::default_language));
        return exit_unusable;
    }
    // `lovsjekk --lang en --help` as well as `lovsjekk --help --lang en`.
    const bool lang_first = args.front() == "--lang" || args.front().rfind("--lang=", 0) == 0;
    const std::size_t first = lang_first ? (args.front() == "--lang" ? 2 : 1) : 0;
    if (first >= args.size()) {
        const text::Catalogue* messages = usage_catalogue(args, io.err);
        if (messages) print_usage(io.err, *messages);
        return exit_unusable;
    }
    const std::string& name = args[first];
    if (name == "--help" || name == "-h" || name == "help") {
        const text::Catalogue* messages = usage_catalogue(args, io.err);
        if (!messages) return exit_unusable;
        print_usage(io.out, *messages);
        return exit_ok;
    }
    if (lang_first) {
        // A command's options go after its name: `lovsjekk check --lang en`.
        Args rest(args.begin() + static_cast<std::ptrdiff_t>(first), args.end());
        rest.insert(rest.begin() + 1, args.begin(), args.begin() + static_cast<std::ptrdiff_t>(first));
        return run(rest, io);
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
    const auto close = text::closest(name, names);
    io.err << "lovsjekk: error: "
           << catalogue_in(args).format("cli.error.unknown_command",
                                        {{"command", name},
                                         {"has_suggestion", close ? "yes" : "no"},
                                         {"suggestion", close ? std::string(*close) : std::string()}})
           << '\n';
    return exit_unusable;
}

}  // namespace lovsjekk::cli
