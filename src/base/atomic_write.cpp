#include "base/atomic_write.hpp"

#include <fstream>
#include <system_error>
#include <unistd.h>

namespace lovsjekk {

std::optional<std::string> write_atomically(const std::filesystem::path& path, std::string_view content) {
    return write_atomically(path, [&](std::ostream& out) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    });
}

std::optional<std::string> write_atomically(const std::filesystem::path& path,
                                            const std::function<void(std::ostream&)>& write) {
    namespace fs = std::filesystem;
    const fs::path temporary = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write '" + path.generic_string() + "': cannot create a file there";
        try {
            write(out);
        } catch (...) {
            out.close();
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw;
        }
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return "cannot write '" + path.generic_string() + "': write failed (disk full?)";
        }
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return "cannot write '" + path.generic_string() + "': " + ec.message();
    }
    return std::nullopt;
}

}  // namespace lovsjekk
