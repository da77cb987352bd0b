#include "driver/driver.hpp"

#include "base/kinds.hpp"
#include "check/check.hpp"
#include "check/finding.hpp"
#include "check/policy.hpp"
#include "corpus/index_io.hpp"
#include "corpus/lovdata_import.hpp"
#include "model/resolve.hpp"
#include "text/render.hpp"
#include "text/suggest.hpp"
#include "text/word.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <vector>

namespace lovsjekk::driver {

namespace fs = std::filesystem;

bool is_input_error(const Diagnostic& d) {
    if (d.severity != Severity::error) return false;
    const KindInfo* kind = find_kind(d.kind);
    return kind && kind->stops_checks;
}

// ---- Options -------------------------------------------------------------------

const std::vector<std::string_view>& setting_names() {
    static const std::vector<std::string_view> names = {
        "at",     "assume-in-force", "max-file-size", "max-include-depth", "severity",
        "policy", "corpus",          "no-corpus",     "lovdata",
    };
    return names;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

fs::path from_base(std::string_view value, const fs::path& base) {
    const fs::path p{std::string(value)};
    return base.empty() || p.is_absolute() ? p : fs::path(parse::display_path(base / p));
}

template <typename Number>
std::optional<Number> positive(std::string_view text) {
    Number n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n == 0) return std::nullopt;
    return n;
}

}  // namespace

std::optional<Phrase> set_option(Options& options, std::string_view name, std::string_view value, const fs::path& base) {
    const std::string text(value);
    if (name == "at") {
        auto d = Date::parse(text);
        if (!d) return Phrase{"cli.error.bad_date", {{"option", "--at"}, {"value", text}}};
        options.when.at = *d;
    } else if (name == "assume-in-force") {
        options.when.assume_in_force.push_back(text);
    } else if (name == "max-file-size") {
        auto bytes = positive<std::uint64_t>(value);
        if (!bytes) return Phrase{"cli.error.max_file_size", {{"value", text}}};
        options.limits.max_file_bytes = *bytes;
    } else if (name == "max-include-depth") {
        auto depth = positive<std::size_t>(value);
        if (!depth) return Phrase{"cli.error.max_include_depth", {{"value", text}}};
        options.max_include_depth = *depth;
    } else if (name == "severity") {
        check::Policy probe;
        if (auto error = check::add_severity_setting(probe, value)) return error;
        options.severity_settings.push_back(text);
    } else if (name == "policy") {
        options.policy_files.push_back(from_base(value, base));
    } else if (name == "corpus") {
        options.corpus_dir = from_base(value, base);
    } else if (name == "no-corpus") {
        if (value != "" && value != "true" && value != "false")
            return Phrase{"driver.flag_value", {{"name", std::string(name)}, {"value", text}}};
        options.no_corpus = value != "false";
    } else if (name == "lovdata") {
        options.lovdata_dir = from_base(value, base);
    } else {
        const auto close = text::closest(name, setting_names());
        return Phrase{"driver.unknown_setting",
                      {{"name", std::string(name)},
                       {"has_suggestion", close ? "yes" : "no"},
                       {"suggestion", close ? *close : std::string()}}};
    }
    options.given.insert(std::string(name));
    return std::nullopt;
}

std::optional<fs::path> project_file(const std::vector<fs::path>& paths) {
    if (paths.empty()) return std::nullopt;
    const fs::path file = parse::common_root(paths) / std::string(project_file_name);
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    return fs::path(parse::display_path(file));
}

namespace {

/// Reads the project file's settings (`NAME VALUE` a line, `#` comments)
/// into `options`, under the settings already given there: a list setting
/// adds to them, a single one yields to them.
void apply_project_file(const fs::path& path, Options& options, text::SourceManager& sources, Diagnostics& diags) {
    const auto id = sources.load(path, diags, options.limits);
    if (!id) return;
    Options from_file;
    const text::SourceFile& source = sources.file(*id);
    for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
        const std::string_view raw = source.line_text(line);
        std::string_view text = raw;
        if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
        text = trim(text);
        if (text.empty()) continue;
        const auto space = text.find_first_of(" \t");
        const std::string_view name = text.substr(0, space);
        const std::string_view value = space == std::string_view::npos ? "" : trim(text.substr(space));
        if (auto error = set_option(from_file, name, value, path.parent_path())) {
            const auto offset = source.line_start(line) + static_cast<std::uint32_t>(text.data() - raw.data());
            Diagnostic& d = diags.error(kinds::config, Span::at(*id, offset, offset + static_cast<std::uint32_t>(text.size())), {});
            d.message_key = error->key;
            d.message_args = error->args;
        }
    }
    auto take = [&](const char* name, auto member) {
        if (from_file.given.contains(name) && !options.given.contains(name)) options.*member = from_file.*member;
    };
    take("max-include-depth", &Options::max_include_depth);
    take("corpus", &Options::corpus_dir);
    take("no-corpus", &Options::no_corpus);
    take("lovdata", &Options::lovdata_dir);
    take("max-file-size", &Options::limits);
    if (from_file.given.contains("at") && !options.given.contains("at")) options.when.at = from_file.when.at;
    auto prepend = [](auto& mine, const auto& theirs) { mine.insert(mine.begin(), theirs.begin(), theirs.end()); };
    prepend(options.when.assume_in_force, from_file.when.assume_in_force);
    prepend(options.severity_settings, from_file.severity_settings);
    prepend(options.policy_files, from_file.policy_files);
    options.given.insert(from_file.given.begin(), from_file.given.end());
}

/// What identifies an input diagnostic in every language: its catalogue key
/// and arguments, or its text when it has none (parse, index and io errors).
std::string identity(const Diagnostic& d) {
    if (d.message_key.empty()) return d.message;
    std::string out(d.message_key.view());
    for (const auto& [name, value] : d.message_args) {
        out += '\x1f';
        out += name.view();
        out += '=';
        if (const auto* s = std::get_if<std::string>(&value)) out += *s;
        else if (const auto* n = std::get_if<std::int64_t>(&value)) out += std::to_string(*n);
        else if (const auto* date = std::get_if<Date>(&value)) out += date->iso();
        else if (const auto* phrases = std::get_if<std::vector<Phrase>>(&value))
            for (const Phrase& p : *phrases) {
                out += p.key.view();
                out += ';';
            }
    }
    return out;
}

// Lovdata files given with --lovdata replace the index entries of the same laws.
void read_lovdata_dir(const fs::path& dir, Result& result) {
    // The laws read here change the index: this run gets its own copy.
    if (result.shared_corpus) {
        result.corpus = *result.shared_corpus;
        result.shared_corpus.reset();
    }
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        result.input.error(kinds::io, Span{}, "--lovdata: '" + dir.generic_string() + "' is not a folder");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files)
        if (auto law = corpus::import_lovdata(f, result.workspace.sources, result.input)) result.corpus.add(std::move(*law));
}

std::vector<fs::path> vocabulary_in(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> vocabulary;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("vokabular", 0) == 0 && entry.path().extension() == ".regel") vocabulary.push_back(entry.path());
    }
    std::sort(vocabulary.begin(), vocabulary.end());
    return vocabulary;
}

/// The vocabulary loaded first: the rules root's own (a copied or extended
/// rules tree: its topics, actors and their definitions are the ones beside
/// the files), else the bundled one, so that a single rule file can use it.
std::vector<fs::path> vocabulary_for(const std::vector<fs::path>& paths) {
    if (!paths.empty())
        if (auto own = vocabulary_in(parse::common_root(paths)); !own.empty()) return own;
    return vocabulary_in(bundled_rules_dir());
}

/// The statute index read from `dirs`, a later folder's law replacing an
/// earlier one's (the bundled index, then --corpus); from the session when it
/// holds the same one.
void load_corpus(const std::vector<fs::path>& dirs, Result& result, Session* session) {
    // Relative to the working directory where possible, so that reports
    // never carry one machine's absolute paths.
    std::vector<fs::path> shown;
    for (const fs::path& dir : dirs)  // the bundled folder named again is read once
        if (std::find(shown.begin(), shown.end(), parse::display_path(dir)) == shown.end())
            shown.push_back(parse::display_path(dir));
    if (session && session->corpus && session->corpus_dirs == shown) {
        result.shared_corpus = session->corpus;
        return;
    }
    const std::size_t before = result.input.size();
    result.corpus = corpus::load_corpus(shown.front(), result.workspace.sources, result.input);
    for (std::size_t i = 1; i < shown.size(); ++i)
        result.corpus.add_all(corpus::load_corpus(shown[i], result.workspace.sources, result.input));
    // Only a clean index is kept: a broken one is read (and reported) again.
    if (session && result.input.size() == before) {
        session->corpus_dirs = shown;
        session->corpus = std::make_shared<corpus::Corpus>(std::move(result.corpus));
        result.corpus = {};
        result.shared_corpus = session->corpus;
    }
}

/// The index reads a law when first asked; the laws the rules cite are read
/// now, so that a broken index file is an input error of this run.
void read_cited_laws(Result& result, Session* session) {
    std::vector<std::string> cited;
    for (const auto& [name, law] : result.model.laws) cited.push_back(law.lovdata_id);
    if (result.shared_corpus && !(session && session->corpus == result.shared_corpus)) {
        result.corpus = *result.shared_corpus;
        result.shared_corpus.reset();
    }
    if (!result.shared_corpus) {
        corpus::read_laws(result.corpus, cited, result.workspace.sources, result.input);
        return;
    }
    // The session's index (shared_corpus is the same object): a law read
    // here stays read for the next run; a broken file drops the session's
    // index, so that the next run reads and reports it again.
    const std::size_t before = result.input.size();
    corpus::read_laws(*session->corpus, cited, result.workspace.sources, result.input);
    if (result.input.size() != before) session->corpus.reset();
}

/// The oldest date of the consolidated texts among `dirs` (their corpus.json);
/// a broken corpus.json is the `corpus info` command's to report.
std::optional<Date> statute_text_date(const std::vector<fs::path>& dirs) {
    std::optional<Date> oldest;
    for (const fs::path& dir : dirs) {
        Diagnostics ignored;
        const auto info = corpus::read_corpus_info(dir, ignored);
        const auto date = info ? Date::parse(info->data_date) : std::nullopt;
        if (date && (!oldest || *date < *oldest)) oldest = date;
    }
    return oldest;
}

bool any_input_error(const Diagnostics& diags) {
    return std::any_of(diags.all().begin(), diags.all().end(), is_input_error);
}

}  // namespace

// ---- The pipeline -------------------------------------------------------------

Result run(const Options& given, const parse::OpenBuffers* open, Session* session) {
    Result result;
    result.options = given;
    Options& options = result.options;
    text::SourceManager project_sources;
    Diagnostics project_diags;
    if (options.read_project_file)
        if (auto file = project_file(options.paths)) apply_project_file(*file, options, project_sources, project_diags);

    parse::LoadOptions load;
    load.limits = options.limits;
    load.max_include_depth = options.max_include_depth;
    load.preload = vocabulary_for(options.paths);
    load.open = open;
    load.cache = session ? &session->parsed : nullptr;
    std::vector<fs::path> paths = options.paths;
    if (paths.empty()) paths.push_back(bundled_rules_dir());
    result.workspace = parse::load_workspace(paths, load, result.input);

    // The project file joins the run's sources when its errors point into it.
    result.workspace.sources.adopt(project_sources, project_diags, result.input);

    // --corpus adds to the bundled index; a law given there wins.
    if (!options.no_corpus) {
        std::vector<fs::path> corpus_dirs{bundled_corpus_dir()};
        if (!options.corpus_dir.empty()) corpus_dirs.push_back(options.corpus_dir);
        load_corpus(corpus_dirs, result, session);
        result.statute_text_date = statute_text_date(corpus_dirs);
    }
    if (!options.lovdata_dir.empty()) read_lovdata_dir(options.lovdata_dir, result);
    result.unusable = any_input_error(result.input);
    // The syntax trees are a fifth of the memory of a large run, and no later stage reads them.
    result.model = options.keep_syntax_trees ? model::resolve(result.workspace, result.input)
                                             : model::resolve_releasing(result.workspace, result.input);
    if (!options.no_corpus) read_cited_laws(result, session);
    result.unusable = result.unusable || any_input_error(result.input);

    check::Policy policy;
    for (const auto& setting : options.severity_settings) check::add_severity_setting(policy, setting);
    for (const auto& file : options.policy_files) {
        if (auto id = result.workspace.sources.load(file, result.input, options.limits))
            check::read_policy_file(result.workspace.sources, *id, policy, result.input);
    }
    result.unusable = result.unusable || any_input_error(result.input);
    if (!result.unusable) {
        const corpus::Corpus& index = result.statute_index();
        const check::Context context = check::make_context(result.model, options.when, index.size() ? &index : nullptr);
        result.findings = check::run_all(context);
        result.text_changes = context.text_changes;
        check::apply_policy(policy, options.when.at, result.findings);
    }
    // Input diagnostics get ids too, so that suppressions and SARIF can name them.
    // The same message twice in a file (two syntax errors at the same word) is
    // told apart by position: the first keeps the id of its words alone, each
    // later one hashes its offset too, so every id stays the same run to run.
    std::map<std::string, std::vector<Diagnostic*>> same_words;
    for (Diagnostic& d : result.input.all()) {
        if (!d.id.empty()) continue;
        const std::string file =
            d.span.file < result.workspace.sources.size() ? result.workspace.sources.file(d.span.file).path() : "";
        d.id = stable_id(d.kind, {file, identity(d)});
        same_words[d.id].push_back(&d);
    }
    for (auto& entry : same_words) {
        std::vector<Diagnostic*>& group = entry.second;
        if (group.size() < 2) continue;
        std::stable_sort(group.begin(), group.end(),
                         [](const Diagnostic* a, const Diagnostic* b) { return a->span.begin < b->span.begin; });
        for (std::size_t i = 1; i < group.size(); ++i)
            group[i]->id = stable_id(group[i]->kind, {group[0]->id, "@" + std::to_string(group[i]->span.begin)});
    }
    // Words come last, once, in the language asked for.
    const text::Catalogue& messages = text::bundled_catalogue(options.lang);
    if (!options.word_when_written) check::complete_findings(result.findings, result.model);
    check::use_display_names(result.findings, result.model, &messages);
    if (!options.word_when_written) {
        text::word(result.findings, messages);
        text::word(result.input.all(), messages);
    }
    return result;
}

std::vector<Diagnostic> Result::all_sorted() const {
    std::vector<Diagnostic> all = input.all();
    all.insert(all.end(), findings.begin(), findings.end());
    text::sort_diagnostics(all, workspace.sources);
    return all;
}

namespace {

/// The first of a finding's rule ids, as its details list them (sorted).
std::string_view first_rule(const Diagnostic& d, const model::Model& model) {
    if (d.details.norms.empty()) return d.details.rules.empty() ? std::string_view() : d.details.rules.front();
    // The norms are sorted by id: the first place holds the first id.
    return model.norms.at(*std::min_element(d.details.norms.begin(), d.details.norms.end())).id;
}

std::vector<Diagnostic> in_report_order(std::vector<Diagnostic> all, const model::Model& model) {
    // The tie-breaker is the id (a hash of kind, topic, rules and keys), never
    // the worded message: the order must not change with --lang.
    reorder(all, stable_order_by_text<4>(all, [&](const Diagnostic& d) {
                return std::array<std::string_view, 4>{d.kind, d.details.topic, first_rule(d, model), d.id};
            }));
    return all;
}

}  // namespace

std::vector<Diagnostic> Result::report_order() const& { return in_report_order(all_sorted(), model); }

std::vector<Diagnostic> Result::report_order() && {
    // The findings' own buffer, with the input diagnostics put before them:
    // no second buffer of findings (a Diagnostic is some 400 bytes) when the
    // input has none, as in a clean run.
    std::vector<Diagnostic> all = std::move(findings);
    findings = {};
    std::vector<Diagnostic>& before = input.all();
    all.insert(all.begin(), std::make_move_iterator(before.begin()), std::make_move_iterator(before.end()));
    before.clear();
    text::sort_diagnostics(all, workspace.sources);
    return in_report_order(std::move(all), model);
}

}  // namespace lovsjekk::driver
