// `lovsjekk fmt`: rewrite rule files in the one canonical layout, or with
// --check (for CI) show what would change and fail.
#include "base/atomic_write.hpp"
#include "base/kinds.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "format/format.hpp"
#include "text/render.hpp"
#include "text/word.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <ostream>
#include <sstream>

namespace lovsjekk::cli {

namespace {

namespace fs = std::filesystem;

/// The files named, with every *.regel below a named folder, in sorted order.
std::vector<fs::path> rule_files(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const std::string& p : paths) {
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->path().extension() == ".regel" && it->is_regular_file(ec) && !it->is_symlink(ec))
                    found.push_back(it->path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            Diagnostic& d = diags.error(kinds::io, Span{}, {});
            d.message_key = "parse.no_such_file";
            d.message_args = {{"path", parse::display_path(p)}};
        }
    }
    return files;
}

std::optional<std::string> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

int cmd_fmt(const Args& args, Io io) {
    const std::vector<OptionSpec> specs = {
        {"check", false, "", "cli.fmt.option.check"},
        {"max-file-size", true, "BYTES", "cli.option.max_file_size"},
        lang_option_spec(),
        {"help", false, "", "cli.option.help"},
    };
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk fmt: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help")) {
        return write_help(io.out, io.err, "fmt", parsed, "lovsjekk fmt [--check] [PATH...]",
                          {"cli.fmt.description", "cli.fmt.exit"}, specs)
                   ? exit_ok
                   : exit_unusable;
    }
    std::string lang;
    if (auto error = read_lang(parsed, lang)) {
        io.err << "lovsjekk fmt: error: " << *error << '\n';
        return exit_unusable;
    }
    const text::Catalogue& messages = text::bundled_catalogue(lang);
    text::SourceLimits limits;
    if (auto size = parsed.get("max-file-size")) {
        std::uint64_t bytes = 0;
        const auto [end, ec] = std::from_chars(size->data(), size->data() + size->size(), bytes);
        limits.max_file_bytes = ec == std::errc{} && end == size->data() + size->size() ? bytes : 0;
        if (limits.max_file_bytes == 0) {
            io.err << "lovsjekk fmt: error: " << messages.format("cli.error.max_file_size", {{"value", *size}}) << '\n';
            return exit_unusable;
        }
    }
    const bool check = parsed.has("check");
    std::vector<std::string> paths = parsed.positional;
    if (paths.empty()) paths.push_back(parse::display_path(bundled_rules_dir()));

    text::SourceManager sources;
    Diagnostics diags;
    std::size_t unformatted = 0, files = 0;
    for (const fs::path& file : rule_files(paths, diags)) {
        ++files;
        const std::string shown = parse::display_path(file);
        auto id = sources.load(file, diags, limits);
        if (!id) continue;
        const auto formatted = format::format_file(sources, *id, diags);
        if (!formatted) continue;
        const auto raw = read_bytes(file);
        if (!raw) {
            diags.error(kinds::io, Span::whole(*id), "cannot read the file again");
            continue;
        }
        if (*raw == *formatted) continue;
        ++unformatted;
        if (check) {
            io.out << format::unified_diff(*raw, *formatted, shown, shown + " (formatted)");
            continue;
        }
        // The new file replaces the old one: it keeps the old one's permissions.
        std::error_code ec;
        const fs::perms permissions = fs::status(file, ec).permissions();
        if (auto error = write_atomically(file, *formatted)) {
            diags.error(kinds::io, Span::whole(*id), *error);
            continue;
        }
        if (!ec) fs::permissions(file, permissions, ec);
        io.err << messages.format("cli.fmt.formatted", {{"file", shown}}) << '\n';
    }
    std::vector<Diagnostic> all = diags.all();
    text::word(all, messages);
    text::sort_diagnostics(all, sources);
    text::render_all(io.err, all, sources, {io.colour, true, lang});
    const bool unusable = std::any_of(all.begin(), all.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    });
    if (check && unformatted > 0)
        io.err << messages.format("cli.fmt.unformatted", {{"n", static_cast<std::int64_t>(unformatted)},
                                                          {"files", static_cast<std::int64_t>(files)}})
               << '\n';
    if (unusable) return exit_unusable;
    if (check && unformatted > 0) return exit_findings;
    return exit_ok;
}

}  // namespace lovsjekk::cli
