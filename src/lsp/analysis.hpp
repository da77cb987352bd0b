// What the server knows about one open document: the pipeline of
// `lovsjekk check` run over the document (as the editor has it) together with
// the files it is checked with, as `check` would load them.
#pragma once

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"
#include "lsp/server.hpp"
#include "model/model.hpp"
#include "parse/parser.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::lsp {

struct Analysis {
    parse::Workspace workspace;
    std::optional<std::uint32_t> document;  ///< source id of the open document (none: not valid UTF-8)
    std::optional<std::size_t> document_file;  ///< its index in workspace.files
    /// The source holding the document's text even when it is not valid
    /// UTF-8 (kept so that the encoding error can point into it).
    std::uint32_t shown_source = Span::no_file;
    model::Model model;
    std::vector<Diagnostic> diagnostics;    ///< input diagnostics and findings, every file
    bool unusable = false;                  ///< input errors: no checks were run

    /// Milliseconds per stage of the last run (for the log and the benchmark).
    struct Timing {
        double context = 0, parse = 0, resolve = 0, checks = 0;
    } timing;

    const ast::File* document_ast() const {
        return document_file ? &workspace.files[*document_file] : nullptr;
    }
};

/// Runs the pipeline for documents; keeps the statute index and the parsed
/// files a document is checked with, so that an edit re-parses only the document.
class Analyzer {
public:
    explicit Analyzer(ServerOptions options);

    /// Other documents open in the editor, by canonical path: their text
    /// stands in for the file on disk.
    using OpenTexts = std::map<std::filesystem::path, std::string_view>;

    /// The document at `path` with the text the editor has. Checked with the
    /// bundled vocabulary and, when its folder is a rule tree (it has its own
    /// vokabular*.regel), with the other rule files there.
    std::unique_ptr<Analysis> analyse(const std::filesystem::path& path, const std::string& text,
                                      const OpenTexts& open = {});

    /// A path as the analysis keys open documents.
    static std::filesystem::path key(const std::filesystem::path& path);

    /// The bundled rules on their own: every sector, for hover on a topic.
    const Analysis& bundled();

    const corpus::Corpus& corpus() const { return corpus_; }
    const ServerOptions& options() const { return options_; }

private:
    struct Parsed {
        std::filesystem::file_time_type modified;
        std::string display_path;
        std::string content;  ///< normalised
        ast::File file;
    };
    const Parsed* parsed(const std::filesystem::path& path);
    std::vector<std::filesystem::path> vocabulary() const;

    ServerOptions options_;
    corpus::Corpus corpus_;
    std::map<std::filesystem::path, Parsed> cache_;  ///< by canonical path
    std::unique_ptr<Analysis> bundled_;
};

}  // namespace lovsjekk::lsp
