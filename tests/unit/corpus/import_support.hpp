// `lovsjekk import …` driven in process, for the import tests.
#pragma once

#include "cli/commands.hpp"

#include <filesystem>
#include <sstream>
#include <string>

#include <unistd.h>

namespace lovsjekk::testing {

struct ImportRun {
    int code = 0;
    std::string out, err;
};

inline ImportRun run_import(const cli::Args& args) {
    std::ostringstream out, err;
    ImportRun r;
    r.code = cli::cmd_import(args, cli::Io{out, err, false});
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// A fresh, empty folder under the system's temporary folder, named with
/// this process's id: two test runs on one machine must not empty each
/// other's folders.
inline std::filesystem::path fresh_temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("lovsjekk-import-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace lovsjekk::testing
