// Shared helpers for the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace lovsjekk::testing {

inline std::filesystem::path source_dir() { return LOVSJEKK_SOURCE_DIR; }

/// `../shared` beside the clone (CI has it; a user's fresh clone does not).
/// Tests that need it are skipped with a message when it is absent.
inline std::optional<std::filesystem::path> shared_dir() {
    auto dir = source_dir().parent_path() / "shared";
    if (std::filesystem::is_directory(dir / "lovdata")) return dir;
    return std::nullopt;
}

inline bool no_shared() { return !shared_dir().has_value(); }

/// A file's bytes as written ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace lovsjekk::testing

/// Decorator for test cases that read ../shared: skipped, with the reason in
/// the test name, when it is missing.
#define LOVSJEKK_NEEDS_SHARED doctest::skip(::lovsjekk::testing::no_shared())
