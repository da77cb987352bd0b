// `lovsjekk corpus info`: what the statute index holds and where it is from.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovtidend.hpp"
#include "parse/parser.hpp"
#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::cli {

namespace {

const std::vector<OptionSpec> corpus_options = {
    {"corpus", true, "DIR", "cli.option.corpus", false},
    lang_option_spec(),
    {"help", false, "", "cli.option.help", false},
};

constexpr const char* corpus_usage = "lovsjekk corpus info [--corpus DIR]";

}  // namespace

int cmd_corpus(const Args& args, Io io) {
    const text::Catalogue& early = catalogue_in(args);
    if (args.empty() || (args[0] != "info" && args[0] != "--help" && args[0] != "-h")) {
        if (!args.empty()) io.err << "lovsjekk corpus: error: " << early.format("cli.corpus.unknown", {{"value", args[0]}}) << '\n';
        io.err << early.format("cli.help.usage", {{"usage", corpus_usage}}) << '\n';
        return exit_unusable;
    }
    const bool help_first = args[0] != "info";
    const ParsedOptions parsed = parse_options(Args(args.begin() + (help_first ? 0 : 1), args.end()), corpus_options);
    if (parsed.error) {
        io.err << "lovsjekk corpus: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (help_first || parsed.has("help"))
        return write_help(io.out, io.err, "corpus", parsed, corpus_usage, {"cli.corpus.description"}, corpus_options)
                   ? exit_ok
                   : exit_unusable;
    std::string lang;
    if (auto error = read_lang(parsed, lang)) {
        io.err << "lovsjekk corpus: error: " << *error << '\n';
        return exit_unusable;
    }
    const text::Catalogue& words = text::bundled_catalogue(lang);
    const std::filesystem::path dir = parse::display_path(parsed.get("corpus").value_or(bundled_corpus_dir().string()));

    text::SourceManager sources;
    Diagnostics diags;
    corpus::Corpus index = corpus::load_corpus(dir, sources, diags);
    std::vector<std::string> all;
    // Read every law with its problems reported, not dropped.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json" && entry.path().filename() != corpus::info_file &&
            entry.path().filename() != corpus::amendments_file && entry.path().filename() != corpus::replacements_file)
            all.push_back(entry.path().stem().string());
    corpus::read_laws(index, all, sources, diags);
    const auto info = corpus::read_corpus_info(dir, diags);
    if (diags.has_errors()) {
        text::render_all(io.err, diags.all(), sources, {io.colour, true, lang});
        return exit_unusable;
    }

    std::int64_t laws = 0, regulations = 0, hand_written = 0, nynorsk = 0, sections = 0;
    for (const corpus::Law* law : index.laws()) {
        if (law->source == "hand-written") ++hand_written;
        else if (law->id.rfind("FOR-", 0) == 0) ++regulations;
        else ++laws;
        if (!law->variant.empty()) ++nynorsk;
        sections += static_cast<std::int64_t>(law->sections.size());
    }
    io.out << words.format("cli.corpus.info.folder", {{"folder", dir.generic_string()}}) << '\n'
           << words.format("cli.corpus.info.date", {{"date", info && !info->data_date.empty() ? info->data_date : "?"}})
           << '\n'
           << words.format("cli.corpus.info.counts", {{"laws", laws},
                                                       {"nynorsk", nynorsk},
                                                       {"regulations", regulations},
                                                       {"hand_written", hand_written},
                                                       {"sections", sections}})
           << '\n';
    if (info && !info->sources.empty()) {
        io.out << words.format("cli.corpus.info.sources") << '\n';
        for (const auto& s : info->sources)
            io.out << "  " << s.name << " ("
                   << words.format("cli.corpus.info.source", {{"date", s.date}, {"documents", s.documents}}) << ")"
                   << (s.url.empty() ? "" : "  " + s.url) << '\n';
    }
    io.out << words.format("cli.corpus.info.licence") << '\n';
    return exit_ok;
}

}  // namespace lovsjekk::cli
