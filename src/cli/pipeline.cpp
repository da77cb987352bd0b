#include "cli/pipeline.hpp"

#include "corpus/index_io.hpp"
#include "corpus/lovdata_import.hpp"
#include "model/resolve.hpp"
#include "text/render.hpp"
#include "text/word.hpp"

#include <algorithm>
#include <charconv>

namespace lovsjekk::cli {

namespace fs = std::filesystem;

fs::path bundled_rules_dir() { return fs::path(LOVSJEKK_SOURCE_DIR) / "rules"; }
fs::path bundled_corpus_dir() { return fs::path(LOVSJEKK_SOURCE_DIR) / "corpus"; }

bool is_input_error(const Diagnostic& d) {
    return d.severity == Severity::error &&
           (d.kind == "syntax" || d.kind == "encoding" || d.kind == "io" || d.kind == "limit" || d.kind == "config" ||
            d.kind == "corpus");
}

std::vector<OptionSpec> pipeline_option_specs() {
    return {
        {"at", true, "DATE", "cli.option.at"},
        {"assume-in-force", true, "LAW", "cli.option.assume_in_force", true},
        {"max-file-size", true, "BYTES", "cli.option.max_file_size"},
        {"max-include-depth", true, "N", "cli.option.max_include_depth"},
        {"severity", true, "KIND=LEVEL", "cli.option.severity", true},
        {"policy", true, "FILE", "cli.option.policy", true},
        {"corpus", true, "DIR", "cli.option.corpus"},
        {"no-corpus", false, "", "cli.option.no_corpus"},
        {"lovdata", true, "DIR", "cli.option.lovdata"},
        lang_option_spec(),
    };
}

std::optional<std::string> read_pipeline_options(const ParsedOptions& parsed, PipelineOptions& out) {
    if (auto error = read_lang(parsed, out.lang)) return error;
    const text::Catalogue& messages = text::bundled_catalogue(out.lang);
    for (const auto& p : parsed.positional) out.paths.emplace_back(p);
    out.when.at = Date::today();
    if (auto at = parsed.get("at")) {
        auto d = Date::parse(*at);
        if (!d) return messages.format("cli.error.bad_date", {{"option", "--at"}, {"value", *at}});
        out.when.at = *d;
    }
    out.when.assume_in_force = parsed.all("assume-in-force");
    out.severity_settings = parsed.all("severity");
    for (const auto& f : parsed.all("policy")) out.policy_files.emplace_back(f);
    if (auto dir = parsed.get("corpus")) out.corpus_dir = *dir;
    out.no_corpus = parsed.has("no-corpus");
    if (auto dir = parsed.get("lovdata")) out.lovdata_dir = *dir;
    check::Policy probe;
    for (const auto& setting : out.severity_settings)
        if (auto error = check::add_severity_setting(probe, setting))
            return "--severity: " + messages.format(error->key, error->args);
    if (auto size = parsed.get("max-file-size")) {
        std::uint64_t bytes = 0;
        auto [ptr, ec] = std::from_chars(size->data(), size->data() + size->size(), bytes);
        if (ec != std::errc{} || ptr != size->data() + size->size() || bytes == 0)
            return messages.format("cli.error.max_file_size", {{"value", *size}});
        out.limits.max_file_bytes = bytes;
    }
    if (auto depth = parsed.get("max-include-depth")) {
        std::size_t n = 0;
        auto [ptr, ec] = std::from_chars(depth->data(), depth->data() + depth->size(), n);
        if (ec != std::errc{} || ptr != depth->data() + depth->size() || n == 0)
            return messages.format("cli.error.max_include_depth", {{"value", *depth}});
        out.max_include_depth = n;
    }
    return std::nullopt;
}

namespace {

/// What identifies an input diagnostic in every language: its catalogue key
/// and arguments, or its text when it has none (parse, index and io errors).
std::string identity(const Diagnostic& d) {
    if (d.message_key.empty()) return d.message;
    std::string out = d.message_key;
    for (const auto& [name, value] : d.message_args) {
        out += '\x1f' + name + '=';
        if (const auto* s = std::get_if<std::string>(&value)) out += *s;
        else if (const auto* n = std::get_if<std::int64_t>(&value)) out += std::to_string(*n);
        else if (const auto* date = std::get_if<Date>(&value)) out += date->iso();
        else if (const auto* phrases = std::get_if<std::vector<Phrase>>(&value))
            for (const Phrase& p : *phrases) out += p.key + ';';
    }
    return out;
}

void add_corpus(corpus::Corpus& to, const corpus::Corpus& from) {
    for (const corpus::Law* law : from.laws()) to.add(*law);
    for (const corpus::Replacement& r : from.replacements()) to.add_replacement(r);
}

// Lovdata files given with --lovdata replace the index entries of the same laws.
void read_lovdata_dir(const fs::path& dir, PipelineResult& result) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        result.input.error("io", Span{}, "--lovdata: '" + dir.generic_string() + "' is not a folder");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files)
        if (auto law = corpus::import_lovdata(f, result.workspace.sources, result.input)) result.corpus.add(std::move(*law));
}

}  // namespace

PipelineResult run_pipeline(const PipelineOptions& options) {
    PipelineResult result;
    parse::LoadOptions load;
    load.limits = options.limits;
    load.max_include_depth = options.max_include_depth;
    std::vector<fs::path> paths = options.paths;
    if (paths.empty()) paths.push_back(bundled_rules_dir());
    // The bundled vocabulary is always there, so a single rule file can use it.
    std::error_code ec;
    std::vector<fs::path> vocabulary;
    for (const auto& entry : fs::directory_iterator(bundled_rules_dir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("vokabular", 0) == 0 && entry.path().extension() == ".regel") vocabulary.push_back(entry.path());
    }
    std::sort(vocabulary.begin(), vocabulary.end());
    load.preload = vocabulary;

    result.workspace = parse::load_workspace(paths, load, result.input);
    if (!options.no_corpus) {
        // Relative to the working directory where possible, so that reports
        // never carry one machine's absolute paths.
        result.corpus = corpus::load_corpus(parse::display_path(bundled_corpus_dir()), result.workspace.sources,
                                            result.input);
        // --corpus adds to the bundled index; a law given there wins.
        if (!options.corpus_dir.empty()) add_corpus(result.corpus, corpus::load_corpus(parse::display_path(options.corpus_dir),
                                                                                      result.workspace.sources, result.input));
    }
    if (!options.lovdata_dir.empty()) read_lovdata_dir(options.lovdata_dir, result);
    result.unusable = std::any_of(result.input.all().begin(), result.input.all().end(), is_input_error);
    result.model = model::resolve(result.workspace, result.input);
    result.unusable = result.unusable ||
                      std::any_of(result.input.all().begin(), result.input.all().end(), is_input_error);
    check::Policy policy;
    for (const auto& setting : options.severity_settings) check::add_severity_setting(policy, setting);
    for (const auto& file : options.policy_files) {
        if (auto id = result.workspace.sources.load(file, result.input, options.limits))
            check::read_policy_file(result.workspace.sources, *id, policy, result.input);
    }
    result.unusable = result.unusable ||
                      std::any_of(result.input.all().begin(), result.input.all().end(), is_input_error);
    if (!result.unusable) {
        const text::Catalogue& messages = text::bundled_catalogue(options.lang);
        result.findings =
            check::run_all(result.model, options.when, result.corpus.size() ? &result.corpus : nullptr, messages);
        check::apply_policy(policy, options.when.at, result.findings);
        text::word(result.findings, messages);
    }
    // Input diagnostics get ids too, so that suppressions and SARIF can name them.
    for (Diagnostic& d : result.input.all()) {
        if (!d.id.empty()) continue;
        const std::string file =
            d.span.file < result.workspace.sources.size() ? result.workspace.sources.file(d.span.file).path() : "";
        d.id = stable_id(d.kind, {file, identity(d)});
    }
    text::word(result.input.all(), text::bundled_catalogue(options.lang));
    return result;
}

std::vector<Diagnostic> PipelineResult::all_sorted() const {
    std::vector<Diagnostic> all = input.all();
    all.insert(all.end(), findings.begin(), findings.end());
    text::sort_diagnostics(all, workspace.sources);
    return all;
}

}  // namespace lovsjekk::cli

namespace lovsjekk::cli {

std::vector<Diagnostic> PipelineResult::report_order() const {
    std::vector<Diagnostic> all = all_sorted();
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const std::string& ra = a.details.rules.empty() ? a.message : a.details.rules.front();
        const std::string& rb = b.details.rules.empty() ? b.message : b.details.rules.front();
        return std::tie(a.kind, a.details.topic, ra, a.id) < std::tie(b.kind, b.details.topic, rb, b.id);
    });
    return all;
}

}  // namespace lovsjekk::cli
