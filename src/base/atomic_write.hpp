// Writing output files all or nothing: a failed run never leaves a
// half-written report or index behind.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace lovsjekk {

/// Writes `content` to a temporary file beside `path` and renames it into
/// place. Returns an error message on failure (and removes the temporary).
std::optional<std::string> write_atomically(const std::filesystem::path& path, std::string_view content);

/// The same, with `write` streaming the content into the temporary file (a
/// report of any size is never held in memory whole). If `write` throws, the
/// temporary is removed and the exception passes on.
std::optional<std::string> write_atomically(const std::filesystem::path& path,
                                            const std::function<void(std::ostream&)>& write);

}  // namespace lovsjekk
