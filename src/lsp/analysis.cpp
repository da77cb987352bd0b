#include "lsp/analysis.hpp"

#include <algorithm>
#include <chrono>

namespace lovsjekk::lsp {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool has_vocabulary(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".regel" && entry.path().filename().string().rfind("vokabular", 0) == 0)
            return true;
    return false;
}

/// The driver's result as the server keeps it.
std::unique_ptr<Analysis> analysis_of(driver::Result&& result) {
    auto a = std::make_unique<Analysis>();
    a->diagnostics = result.all_sorted();
    a->workspace = std::move(result.workspace);
    a->own_corpus = std::move(result.corpus);
    a->shared_corpus = std::move(result.shared_corpus);
    a->options = std::move(result.options);
    a->model = std::move(result.model);
    a->unusable = result.unusable;
    return a;
}

}  // namespace

Analyzer::Analyzer(ServerOptions options) : options_(std::move(options)) {}

fs::path Analyzer::key(const fs::path& path) { return parse::canonical_path(path); }

std::optional<fs::path> Analyzer::rules_root(const fs::path& document) const {
    const fs::path folder = key(document).parent_path();
    const fs::path top = options_.client_root.empty() ? folder : key(options_.client_root);
    std::error_code ec;
    for (fs::path dir = folder;; dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / std::string(driver::project_file_name), ec)) return dir;
        const fs::path relative = dir.lexically_relative(top);
        if (dir == top || relative.empty() || *relative.begin() == ".." || dir == dir.parent_path()) break;
    }
    if (has_vocabulary(folder)) return folder;
    return std::nullopt;
}

std::unique_ptr<Analysis> Analyzer::analyse(const fs::path& path, const std::string& text, const OpenTexts& open) {
    const fs::path self = key(path);
    OpenTexts buffers = open;
    buffers[self] = text;
    driver::Options options = options_.run;
    options.keep_syntax_trees = true;  // definitions, hover and document symbols read the declarations
    // The same paths `check` would be given; the document too, in case it is
    // not on disk yet (the loader reads each file once).
    options.paths.clear();
    if (auto root = rules_root(self)) options.paths.push_back(parse::display_path(*root));
    options.paths.push_back(parse::display_path(self));

    const auto start = Clock::now();
    auto a = analysis_of(driver::run(options, &buffers, &session_));
    a->timing.run = ms_since(start);
    for (std::uint32_t id = 0; id < a->workspace.sources.size(); ++id)
        if (key(a->workspace.sources.file(id).path()) == self) a->shown_source = id;
    for (std::size_t i = 0; i < a->workspace.files.size(); ++i) {
        if (a->workspace.files[i].source != a->shown_source) continue;
        a->document = a->shown_source;
        a->document_file = i;
    }
    return a;
}

const Analysis& Analyzer::bundled() {
    if (!bundled_) {
        driver::Options options = options_.run;
        options.keep_syntax_trees = true;  // definitions, hover and document symbols read the declarations
        options.paths = {driver::bundled_rules_dir()};
        bundled_ = analysis_of(driver::run(options, nullptr, &session_));
    }
    return *bundled_;
}

}  // namespace lovsjekk::lsp
