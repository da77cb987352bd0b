#include "base/data_dir.hpp"

#include <cstdlib>
#include <mutex>
#include <system_error>

namespace lovsjekk {

namespace fs = std::filesystem;

namespace {

DataDirCandidate candidate(std::string origin, fs::path path) {
    // Lexically only: resolving symlinks would stat the path before its turn.
    return {std::move(origin), path.lexically_normal()};
}

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

}  // namespace

bool holds_data(const fs::path& dir) {
    std::error_code ec;
    for (const char* sub : {"rules", "corpus", "messages"})
        if (!fs::is_directory(dir / sub, ec)) return false;
    return true;
}

std::vector<DataDirCandidate> data_dir_candidates() {
    std::vector<DataDirCandidate> out;
    // The executable's own path, not argv[0]: right whatever the working
    // directory and however it was started (PATH, a symlink, a relative path).
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !self.empty())
        out.push_back(candidate("beside the executable", self.parent_path() / LOVSJEKK_DATA_RELATIVE));
    if (env_set("LOVSJEKK_DATA_DIR")) out.push_back(candidate("LOVSJEKK_DATA_DIR", std::getenv("LOVSJEKK_DATA_DIR")));
    if (!env_set("LOVSJEKK_NO_SOURCE_DATA")) out.push_back(candidate("the source tree", LOVSJEKK_SOURCE_DIR));
    return out;
}

std::optional<fs::path> find_data_dir() {
    const std::vector<DataDirCandidate> candidates = data_dir_candidates();
    for (const DataDirCandidate& c : candidates) {
        if (holds_data(c.path)) return c.path;
        if (c.origin == "LOVSJEKK_DATA_DIR")
            throw DataDirError("LOVSJEKK_DATA_DIR is " + c.path.string() +
                               ", which does not hold rules/, corpus/ and messages/");
    }
    return std::nullopt;
}

const fs::path& data_dir() {
    static std::mutex guard;
    static std::optional<fs::path> found;
    const std::lock_guard lock(guard);
    if (found) return *found;
    found = find_data_dir();
    if (found) return *found;
    std::string tried;
    for (const DataDirCandidate& c : data_dir_candidates()) tried += "\n  " + c.origin + ": " + c.path.string();
    throw DataDirError(
        "cannot find lovsjekk's data (the folders rules/, corpus/ and messages/); looked in:" + tried +
        "\nInstall lovsjekk with `cmake --install`, or set LOVSJEKK_DATA_DIR to the folder that holds them.");
}

}  // namespace lovsjekk
