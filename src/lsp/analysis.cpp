#include "lsp/analysis.hpp"

#include "check/check.hpp"
#include "corpus/index_io.hpp"
#include "model/resolve.hpp"
#include "text/word.hpp"
#include "text/messages.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace lovsjekk::lsp {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool is_input_error(const Diagnostic& d) {
    return d.severity == Severity::error && (d.kind == "syntax" || d.kind == "encoding" || d.kind == "io" ||
                                             d.kind == "limit" || d.kind == "config" || d.kind == "corpus");
}

fs::path canonical_path(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? p : c;
}

std::vector<fs::path> regel_files(const fs::path& dir, bool vocabulary_only) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".regel" || !entry.is_regular_file(ec)) continue;
        if (vocabulary_only && entry.path().filename().string().rfind("vokabular", 0) != 0) continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

Analyzer::Analyzer(ServerOptions options) : options_(std::move(options)) {
    if (!options_.corpus_dir.empty()) {
        Diagnostics ignored;  // a broken index shows in `lovsjekk check`; the editor goes on without it
        corpus_ = corpus::load_corpus(options_.corpus_dir, ignored);
    }
}

std::vector<fs::path> Analyzer::vocabulary() const {
    return options_.rules_dir.empty() ? std::vector<fs::path>{} : regel_files(options_.rules_dir, true);
}

const Analyzer::Parsed* Analyzer::parsed(const fs::path& path) {
    const fs::path key = canonical_path(path);
    std::error_code ec;
    const auto modified = fs::last_write_time(key, ec);
    if (ec) return nullptr;
    if (auto it = cache_.find(key); it != cache_.end() && it->second.modified == modified) return &it->second;
    text::SourceManager sources;
    Diagnostics diags;
    auto id = sources.load(key, diags);
    if (!id) return nullptr;
    Parsed p{modified, parse::display_path(key), std::string(sources.file(*id).content()), {}};
    p.file = parse::parse_file(sources, *id, diags);
    return &(cache_[key] = std::move(p));
}

fs::path Analyzer::key(const fs::path& path) { return canonical_path(path); }

std::unique_ptr<Analysis> Analyzer::analyse(const fs::path& path, const std::string& text, const OpenTexts& open) {
    auto result = std::make_unique<Analysis>();
    parse::Workspace& ws = result->workspace;
    Diagnostics diags;
    // Errors in another open document show there; they do not stop this one's checks.
    Diagnostics other_documents;
    const fs::path self = canonical_path(path);
    ws.root = self.parent_path();

    auto start = Clock::now();
    std::vector<fs::path> context = vocabulary();
    const std::size_t preloaded = context.size();
    if (!regel_files(self.parent_path(), true).empty())
        for (const fs::path& sibling : regel_files(self.parent_path(), false)) context.push_back(sibling);
    std::set<fs::path> seen{self};
    auto add_context = [&](const fs::path& file) {
        const fs::path canonical = canonical_path(file);
        if (!seen.insert(canonical).second) return;
        if (auto edited = open.find(canonical); edited != open.end()) {
            auto id = ws.sources.add(parse::display_path(canonical), std::string(edited->second), other_documents);
            if (id) ws.files.push_back(parse::parse_file(ws.sources, *id, other_documents));
            return;
        }
        const Parsed* p = parsed(file);
        if (!p) return;
        Diagnostics ignored;  // the file was valid when it was parsed
        auto id = ws.sources.add(p->display_path, p->content, ignored);
        if (!id) return;
        ast::File copy = p->file;
        copy.source = *id;
        ws.files.push_back(std::move(copy));
    };
    for (std::size_t i = 0; i < context.size(); ++i) {
        add_context(context[i]);
        if (i + 1 == preloaded) ws.preloaded = ws.files.size();
    }

    result->timing.context = ms_since(start);
    start = Clock::now();
    const std::string display = parse::display_path(path);
    result->document = ws.sources.add(display, text, diags);
    if (result->document) result->shown_source = *result->document;
    else if (ws.sources.size() > 0 && ws.sources.file(static_cast<std::uint32_t>(ws.sources.size() - 1)).path() == display)
        result->shown_source = static_cast<std::uint32_t>(ws.sources.size() - 1);
    if (result->document) {
        ws.files.push_back(parse::parse_file(ws.sources, *result->document, diags));
        result->document_file = ws.files.size() - 1;
        // Included files that are not already part of the run.
        std::vector<std::string> includes;
        for (const auto& d : ws.files.back().declarations)
            if (auto inc = std::get_if<ast::Include>(&d.value)) includes.push_back(inc->path.value);
        for (const std::string& include : includes) {
            const fs::path target = canonical_path(self.parent_path() / include);
            const fs::path relative = target.lexically_relative(ws.root);
            if (!relative.empty() && *relative.begin() != "..") add_context(target);
        }
    }

    result->timing.parse = ms_since(start);
    result->unusable = std::any_of(diags.all().begin(), diags.all().end(), is_input_error);
    start = Clock::now();
    result->model = model::resolve(ws, diags);
    result->timing.resolve = ms_since(start);
    result->unusable =
        result->unusable || std::any_of(diags.all().begin(), diags.all().end(), is_input_error);
    result->diagnostics = diags.all();
    result->diagnostics.insert(result->diagnostics.end(), other_documents.all().begin(), other_documents.all().end());
    // The editor gets the default language, as `lovsjekk check` without --lang.
    text::word(result->diagnostics, text::bundled_catalogue(text::default_language));
    if (!result->unusable) {
        model::Evaluation when;
        when.at = options_.at;
        start = Clock::now();
        auto findings = check::run_all(result->model, when, corpus_.size() ? &corpus_ : nullptr,
                                       text::bundled_catalogue(text::default_language));
        result->diagnostics.insert(result->diagnostics.end(), std::make_move_iterator(findings.begin()),
                                   std::make_move_iterator(findings.end()));
        result->timing.checks = ms_since(start);
    }
    return result;
}

const Analysis& Analyzer::bundled() {
    if (!bundled_) {
        bundled_ = std::make_unique<Analysis>();
        Diagnostics diags;
        parse::LoadOptions load;
        load.preload = vocabulary();
        if (!options_.rules_dir.empty()) bundled_->workspace = parse::load_workspace({options_.rules_dir}, load, diags);
        bundled_->model = model::resolve(bundled_->workspace, diags);
    }
    return *bundled_;
}

}  // namespace lovsjekk::lsp
