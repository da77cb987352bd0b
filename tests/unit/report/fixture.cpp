// Running the command line in process for the report tests.
#include "fixture.hpp"

#include "cli/commands.hpp"

#include <filesystem>

namespace lovsjekk::testing {

CliRun run_cli(const std::vector<std::string>& args) {
    // Paths print relative to the working directory, as in the golden cases.
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(source_dir());
    std::ostringstream out, err;
    const int code = cli::run(args, {out, err, false});
    std::filesystem::current_path(previous);
    return {out.str(), err.str(), code};
}

}  // namespace lovsjekk::testing
