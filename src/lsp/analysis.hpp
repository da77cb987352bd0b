// What the server knows about one open document: the driver's run over the
// document (as the editor has it) together with the files it is checked
// with, exactly as `lovsjekk check` would run over the same rules root.
#pragma once

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"
#include "driver/driver.hpp"
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
    corpus::Corpus own_corpus;                        ///< the statute index, when the run read its own
    std::shared_ptr<const corpus::Corpus> shared_corpus;  ///< else the session's
    driver::Options options;                ///< as the run applied them (project file included)
    std::optional<std::uint32_t> document;  ///< source id of the open document (none: not valid UTF-8)
    std::optional<std::size_t> document_file;  ///< its index in workspace.files
    /// The source holding the document's text even when it is not valid
    /// UTF-8 (kept so that the encoding error can point into it).
    std::uint32_t shown_source = Span::no_file;
    model::Model model;
    std::vector<Diagnostic> diagnostics;    ///< input diagnostics and findings, every file, sorted by place
    bool unusable = false;                  ///< input errors: no checks were run

    /// Milliseconds of the last run (for the log and the benchmark).
    struct Timing {
        double run = 0;
    } timing;

    const corpus::Corpus& corpus() const { return shared_corpus ? *shared_corpus : own_corpus; }

    const ast::File* document_ast() const {
        return document_file ? &workspace.files[*document_file] : nullptr;
    }
};

/// Runs the driver for documents; keeps the statute index and the parsed
/// files between runs, so that an edit re-parses only the document.
class Analyzer {
public:
    explicit Analyzer(ServerOptions options);

    /// Other documents open in the editor, by canonical path: their text
    /// stands in for the file on disk.
    using OpenTexts = parse::OpenBuffers;

    /// The document at `path` with the text the editor has, checked over its
    /// rules root (rules_root()) as `lovsjekk check ROOT` checks it, or alone
    /// (with the bundled vocabulary) when it has none.
    std::unique_ptr<Analysis> analyse(const std::filesystem::path& path, const std::string& text,
                                      const OpenTexts& open = {});

    /// The folder a document is checked over: the nearest folder from the
    /// document's own up to the client's root that holds a project file
    /// (lovsjekk.conf), else the document's folder when it holds a
    /// vocabulary (vokabular*.regel); none: the document alone.
    std::optional<std::filesystem::path> rules_root(const std::filesystem::path& document) const;

    /// A path as the analysis keys open documents.
    static std::filesystem::path key(const std::filesystem::path& path);

    /// The bundled rules on their own: every sector, for hover on a topic.
    const Analysis& bundled();

    ServerOptions& options() { return options_; }
    const ServerOptions& options() const { return options_; }

private:
    ServerOptions options_;
    driver::Session session_;
    std::unique_ptr<Analysis> bundled_;
};

}  // namespace lovsjekk::lsp
