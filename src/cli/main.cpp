// The lovsjekk executable: nothing but main(); the commands live in the
// lovsjekk_cli library so that tests can run them in process.
#include "cli/commands.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    lovsjekk::cli::Args args(argv + 1, argv + argc);
    const bool wanted = std::getenv("NO_COLOR") == nullptr;
    const lovsjekk::cli::Io io{std::cout, std::cerr, wanted && ::isatty(STDERR_FILENO) != 0,
                               wanted && ::isatty(STDOUT_FILENO) != 0};
    // guarded(): a missing data folder (DataDirError) or any other exception
    // ends in "lovsjekk: error: …" and exit 2, never an abort.
    return lovsjekk::cli::guarded([&] { return lovsjekk::cli::run(args, io); }, std::cerr);
}
