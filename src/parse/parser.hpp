// The parse stage's driver: runs the grammar one declaration at a time,
// turns failures into positioned diagnostics with suggestions, and recovers
// at the next declaration so that one run reports every error in a file.
#pragma once

#include "base/diagnostic.hpp"
#include "grammar/ast.hpp"
#include "text/source.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::parse {

/// Parses one loaded source file. Syntax errors go to `diags`; the
/// declarations that parsed are returned all the same.
ast::File parse_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags);

/// The catalogue key (parse.what.*) that words a grammar rule's readable
/// name ("a whole number" → parse.what.number); empty when it has none.
std::string_view expected_key(std::string_view rule_name);

/// Parses in-memory text (tests, language server): adds it to `sources` first.
ast::File parse_string(text::SourceManager& sources, std::string display_path, std::string text, Diagnostics& diags);

/// All rule files of a run, parsed, with includes followed.
struct Workspace {
    text::SourceManager sources;
    std::vector<ast::File> files;
    /// The rules root: the folder common to the paths given. Each file's
    /// includes must stay below the folder of the path that brought it in
    /// (the folder given, or the folder of the file given).
    std::filesystem::path root;
    std::size_t preloaded = 0;   ///< files[0, preloaded) are the bundled vocabulary, not the user's

    /// Frees every file's declarations (the model is built from them and
    /// needs them no longer), keeping the files and their sources.
    void release_syntax_trees();
};

/// The text of files open in an editor, by canonical path: the loader reads
/// these instead of the disk (the language server's unsaved buffers).
using OpenBuffers = std::map<std::filesystem::path, std::string_view>;

/// Files parsed in an earlier run (the language server keeps one): a file
/// on disk is read and parsed again only when its modification time changes.
struct ParseCache {
    struct Entry {
        std::filesystem::file_time_type modified;
        std::string content;  ///< normalised
        ast::File file;
        std::vector<Diagnostic> diagnostics;  ///< the parse's, for this file
    };
    std::map<std::filesystem::path, Entry> entries;  ///< by canonical path
};

/// A path as the loader keys files: canonical where it can be resolved.
std::filesystem::path canonical_path(const std::filesystem::path& path);

/// The folder common to the paths given (each a file or a folder); "." when none.
std::filesystem::path common_root(const std::vector<std::filesystem::path>& paths);

/// How deep includes may nest (a includes b includes c …) before loading
/// stops with a `limit` error: hostile or generated chains must not exhaust
/// the stack, and no real rule tree comes near it.
inline constexpr std::size_t default_max_include_depth = 64;

struct LoadOptions {
    text::SourceLimits limits;
    std::size_t max_include_depth = default_max_include_depth;
    /// Files always loaded first (the bundled vocabulary), unless empty.
    std::vector<std::filesystem::path> preload;
    /// Read instead of the disk, when set.
    const OpenBuffers* open = nullptr;
    /// Parsed files to reuse, and to keep this run's in, when set.
    ParseCache* cache = nullptr;
};

/// Loads files and folders (every *.regel below a folder, in sorted order),
/// then every file they include.
Workspace load_workspace(const std::vector<std::filesystem::path>& paths, const LoadOptions& options,
                         Diagnostics& diags);

/// A path as shown to the user: relative to the working directory when below it.
std::string display_path(const std::filesystem::path& path);

}  // namespace lovsjekk::parse
