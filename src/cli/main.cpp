// The lovsjekk executable: nothing but main(); the commands live in the
// lovsjekk_cli library so that tests can run them in process.
#include "base/data_dir.hpp"
#include "cli/commands.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    lovsjekk::cli::Args args(argv + 1, argv + argc);
    const bool colour = ::isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
    try {
        return lovsjekk::cli::run(args, {std::cout, std::cerr, colour});
    } catch (const lovsjekk::DataDirError& e) {
        // Before any output: every command words its output from the catalogues.
        std::cerr << "lovsjekk: error: " << e.what() << '\n';
        return lovsjekk::cli::exit_unusable;
    }
}
