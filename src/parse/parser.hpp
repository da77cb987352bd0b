// The parse stage's driver: runs the grammar one declaration at a time,
// turns failures into positioned diagnostics with suggestions, and recovers
// at the next declaration so that one run reports every error in a file.
#pragma once

#include "base/diagnostic.hpp"
#include "grammar/ast.hpp"
#include "text/source.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lovsjekk::parse {

/// Parses one loaded source file. Syntax errors go to `diags`; the
/// declarations that parsed are returned all the same.
ast::File parse_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags);

/// Parses in-memory text (tests, language server): adds it to `sources` first.
ast::File parse_string(text::SourceManager& sources, std::string display_path, std::string text, Diagnostics& diags);

/// All rule files of a run, parsed, with includes followed.
struct Workspace {
    text::SourceManager sources;
    std::vector<ast::File> files;
    std::filesystem::path root;  ///< includes must stay below this folder
    std::size_t preloaded = 0;   ///< files[0, preloaded) are the bundled vocabulary, not the user's
};

/// How deep includes may nest (a includes b includes c …) before loading
/// stops with a `limit` error: hostile or generated chains must not exhaust
/// the stack, and no real rule tree comes near it.
inline constexpr std::size_t default_max_include_depth = 64;

struct LoadOptions {
    text::SourceLimits limits;
    std::size_t max_include_depth = default_max_include_depth;
    /// Files always loaded first (the bundled vocabulary), unless empty.
    std::vector<std::filesystem::path> preload;
};

/// Loads files and folders (every *.regel below a folder, in sorted order),
/// then every file they include.
Workspace load_workspace(const std::vector<std::filesystem::path>& paths, const LoadOptions& options,
                         Diagnostics& diags);

/// A path as shown to the user: relative to the working directory when below it.
std::string display_path(const std::filesystem::path& path);

}  // namespace lovsjekk::parse
