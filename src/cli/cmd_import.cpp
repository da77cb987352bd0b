// `lovsjekk import lovdata ARCHIVE|FILE|DIR... [-o OUT]`: builds corpus index
// entries from Lovdata's archives, XML files and folders of them.
#include "base/kinds.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovdata_archive.hpp"
#include "corpus/lovdata_import.hpp"
#include "corpus/lovtidend.hpp"
#include "base/atomic_write.hpp"
#include "text/render.hpp"

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <ostream>

namespace lovsjekk::cli {

namespace {

const std::vector<OptionSpec> import_options = {
    {"output", true, "DIR", "cli.import.option.output", false},
    {"max-entry-size", true, "SIZE", "cli.import.option.max_entry_size", false},
    {"max-entries", true, "N", "cli.import.option.max_entries", false},
    {"law", true, "ID", "cli.import.option.law", true},
    lang_option_spec(),
    {"help", false, "", "cli.option.help", false},
};

constexpr const char* import_usage =
    "lovsjekk import lovdata|lovtidend ARCHIVE|FILE|DIR... [-o DIR]";

/// The help in the language of a --lang among `args` (read before the
/// options are parsed, since `import --help` comes before the format).
bool write_import_help(std::ostream& out, std::ostream& err, const Args& args) {
    ParsedOptions lang;
    lang.values["lang"] = {lang_in(args)};
    return write_help(out, err, "import", lang, import_usage, {"cli.import.description"}, import_options);
}

/// "64M", "500K", "1G" or a number of bytes; nullopt when it is none of these.
std::optional<std::uint64_t> parse_size(const std::string& text) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end == text.data()) return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    const int shift = unit.empty() ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : -1;
    if (shift < 0 || n == 0 || n > (std::uint64_t{1} << (62 - shift))) return std::nullopt;
    return n << shift;
}

/// The *.xml files under a folder, in name order.
std::vector<std::filesystem::path> xml_files_under(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->path().extension() == ".xml" && it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

/// One import run: documents in, index files out, problems on `io.err` as
/// each document is done (so an archive's 755 documents never sit in memory
/// together).
/// For `import lovtidend`, the amending acts are gathered and written as one
/// amendments.json at the end.
class Importer {
public:
    Importer(Io io, std::filesystem::path out_dir, bool lovtidend, Args args)
        : io_(io), out_dir_(std::move(out_dir)), lovtidend_(lovtidend), args_(std::move(args)) {}

    void file(const std::filesystem::path& path) {
        text::SourceManager sources;
        Diagnostics diags;
        if (auto id = sources.load(path, diags)) one(*id, path.generic_string(), sources, diags);
        else show(sources, diags);
    }

    void document(const std::string& archive, corpus::ArchiveDocument&& doc) {
        text::SourceManager sources;
        Diagnostics diags;
        const std::string name = archive + ":" + doc.name;
        if (auto id = sources.add(name, std::move(doc.bytes), diags)) one(*id, name, sources, diags);
        else show(sources, diags);
    }

    /// `import lovtidend`: keeps the acts touching `laws` (all when empty)
    /// and writes out_dir/amendments.json.
    void finish(const std::vector<std::string>& laws) {
        if (!lovtidend_) return;
        if (!laws.empty()) amendments_.keep_only(laws);
        std::size_t changes = 0;
        for (const auto& act : amendments_.acts())
            for (const auto& d : act.documents) changes += d.changes.size();
        std::error_code ec;
        std::filesystem::create_directories(out_dir_, ec);
        const auto path = out_dir_ / corpus::amendments_file;
        if (auto problem = ec ? std::optional<std::string>(ec.message())
                              : write_atomically(path, corpus::serialise_amendments(amendments_))) {
            io_.err << "lovsjekk: error: " << *problem << '\n';
            failed_ = true;
            return;
        }
        io_.out << catalogue_in(args_).format("cli.import.indexed",
                                              {{"acts", static_cast<std::int64_t>(amendments_.acts().size())},
                                               {"changes", static_cast<std::int64_t>(changes)},
                                               {"file", path.generic_string()}})
                << '\n';
    }

    /// Decompression (one thread) and import (this thread) overlap: each
    /// takes about half the time. At most a few documents wait in between.
    void archive(const std::filesystem::path& path, const corpus::ArchiveLimits& limits) {
        Diagnostics diags;
        const std::string name = path.generic_string();
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<corpus::ArchiveDocument> waiting;
        bool finished = false;
        bool whole = false;
        constexpr std::size_t max_waiting = 8;
        std::thread reader([&] {
            whole = corpus::read_lovdata_archive(
                path, limits,
                [&](corpus::ArchiveDocument&& doc) {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return waiting.size() < max_waiting; });
                    waiting.push_back(std::move(doc));
                    changed.notify_all();
                },
                diags);
            std::lock_guard lock(mutex);
            finished = true;
            changed.notify_all();
        });
        while (true) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !waiting.empty() || finished; });
            if (waiting.empty()) break;
            corpus::ArchiveDocument doc = std::move(waiting.front());
            waiting.pop_front();
            changed.notify_all();
            lock.unlock();
            document(name, std::move(doc));
        }
        reader.join();
        if (!whole || diags.has_errors()) failed_ = true;
        text::SourceManager none;
        text::render_all(io_.err, diags.all(), none, text::RenderOptions{io_.colour, false});
    }

    bool failed() const { return failed_; }

private:
    void one(std::uint32_t id, const std::string& name, const text::SourceManager& sources, Diagnostics& diags) {
        if (lovtidend_) {
            if (auto act = corpus::read_amending_act(id, sources, diags)) amendments_.add(std::move(*act));
            if (diags.has_errors()) failed_ = true;
            show(sources, diags);
            return;
        }
        auto law = corpus::import_lovdata(id, sources, diags);
        done(law, name, sources, diags);
    }

    void show(const text::SourceManager& sources, Diagnostics& diags) {
        if (diags.has_errors()) failed_ = true;
        text::sort_diagnostics(diags.all(), sources);
        text::render_all(io_.err, diags.all(), sources, text::RenderOptions{io_.colour, false});
    }

    void done(std::optional<corpus::Law>& law, const std::string& name, const text::SourceManager& sources,
              Diagnostics& diags) {
        if (law) {
            const std::string key = corpus::index_key(*law);
            if (auto [it, fresh] = written_.try_emplace(key, name); !fresh) {
                diags.add(kinds::lovdata, Severity::warning, Span{},
                          name + ": " + key + " was imported from " + it->second + " too; this one replaces it");
                it->second = name;
            }
            if (const auto written = corpus::write_law_index(*law, out_dir_, diags))
                io_.out << "imported " << key << " (" << law->sections.size() << " sections) -> "
                        << written->generic_string() << '\n';
        }
        if (!law) failed_ = true;
        // Lovdata files are one long line: show positions, not source lines.
        show(sources, diags);
    }

    Io io_;
    std::filesystem::path out_dir_;
    bool lovtidend_ = false;
    Args args_;  // for the language of the messages
    corpus::AmendmentIndex amendments_;
    std::map<std::string, std::string> written_;  // index key -> where it came from
    bool failed_ = false;
};

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
    if (args[0] != "lovdata" && args[0] != "lovtidend") {
        io.err << "lovsjekk: error: unknown import format '" << args[0] << "'; the formats are 'lovdata' and 'lovtidend'\n"
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
    const text::Catalogue& words = catalogue_in(args);
    corpus::ArchiveLimits limits;
    if (auto size = options.get("max-entry-size")) {
        const auto bytes = parse_size(*size);
        if (!bytes) {
            io.err << "lovsjekk: error: "
                   << words.format("cli.error.bad_size", {{"option", "--max-entry-size"}, {"value", *size}}) << '\n';
            return exit_unusable;
        }
        limits.max_entry_bytes = *bytes;
    }
    if (auto count = options.get("max-entries")) {
        std::uint64_t n = 0;
        auto [end, ec] = std::from_chars(count->data(), count->data() + count->size(), n);
        if (ec != std::errc{} || end != count->data() + count->size() || n == 0) {
            io.err << "lovsjekk: error: "
                   << words.format("cli.error.bad_count", {{"option", "--max-entries"}, {"value", *count}}) << '\n';
            return exit_unusable;
        }
        limits.max_entries = n;
    }

    Importer importer(io, out_dir, args[0] == "lovtidend", args);
    for (const std::string& input : options.positional) {
        const std::filesystem::path path(input);
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            for (const auto& file : xml_files_under(path)) importer.file(file);
        } else if (std::filesystem::exists(path, ec) && corpus::looks_like_archive(path)) {
            importer.archive(path, limits);
        } else {
            importer.file(path);  // a missing file is reported by the loader
        }
    }
    importer.finish(options.all("law"));
    return importer.failed() ? exit_unusable : exit_ok;
}

}  // namespace lovsjekk::cli
