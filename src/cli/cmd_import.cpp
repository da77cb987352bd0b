// `lovsjekk import lovdata FILE... [-o OUT]`: builds corpus index entries
// from Lovdata XML files.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovdata_import.hpp"
#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::cli {

namespace {

const std::vector<OptionSpec> import_options = {
    {"output", true, "DIR", "cli.import.option.output", false},
    lang_option_spec(),
    {"help", false, "", "cli.option.help", false},
};

constexpr const char* import_usage = "lovsjekk import lovdata FILE... [-o DIR]";

/// The help in the language of a --lang among `args` (read before the
/// options are parsed, since `import --help` comes before the format).
bool write_import_help(std::ostream& out, std::ostream& err, const Args& args) {
    ParsedOptions lang;
    lang.values["lang"] = {lang_in(args)};
    return write_help(out, err, "import", lang, import_usage, {"cli.import.description"}, import_options);
}

}  // namespace

int cmd_import(const Args& args, Io io) {
    // `lovsjekk --lang en import lovdata …` hands the language over first:
    // it belongs after the format word, with the other options.
    if (args.size() > 2 && args[0] == "--lang") {
        Args moved(args.begin() + 2, args.end());
        moved.insert(moved.begin() + 1, args.begin(), args.begin() + 2);
        return cmd_import(moved, io);
    }
    if (args.size() > 1 && args[0].rfind("--lang=", 0) == 0) {
        Args moved(args.begin() + 1, args.end());
        moved.insert(moved.begin() + 1, args[0]);
        return cmd_import(moved, io);
    }
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        const bool written = write_import_help(args.empty() ? io.err : io.out, io.err, args);
        return written && !args.empty() ? exit_ok : exit_unusable;
    }
    if (args[0] != "lovdata") {
        io.err << "lovsjekk: error: unknown import format '" << args[0] << "'; the only format is 'lovdata'\n"
               << "usage: " << import_usage << '\n';
        return exit_unusable;
    }
    const ParsedOptions options = parse_options(Args(args.begin() + 1, args.end()), import_options);
    if (options.error) {
        io.err << "lovsjekk: error: " << *options.error << '\n';
        return exit_unusable;
    }
    if (options.has("help")) return write_import_help(io.out, io.err, args) ? exit_ok : exit_unusable;
    if (options.positional.empty()) {
        io.err << "lovsjekk: error: no input files\nusage: " << import_usage << '\n';
        return exit_unusable;
    }
    const std::filesystem::path out_dir = options.get("output").value_or("corpus");

    text::SourceManager sources;
    Diagnostics diags;
    bool failed = false;
    for (const std::string& file : options.positional) {
        auto law = corpus::import_lovdata(std::filesystem::path(file), sources, diags);
        if (!law) {
            failed = true;
            continue;
        }
        const auto written = corpus::write_law_index(*law, out_dir, diags);
        if (!written) {
            failed = true;
            continue;
        }
        io.out << "imported " << law->id << " (" << law->sections.size() << " sections) -> "
               << written->generic_string() << '\n';
    }
    // Lovdata files are one long line: show positions, not source lines.
    text::sort_diagnostics(diags.all(), sources);
    text::render_all(io.err, diags.all(), sources, text::RenderOptions{io.colour, false});
    return failed || diags.has_errors() ? exit_unusable : exit_ok;
}

}  // namespace lovsjekk::cli
