// Golden-file runner: runs lovsjekk on every tests/cases/NAME.regel and
// compares what it prints (stdout, then "# stderr:" and stderr, then the exit code) with
// NAME.expected. `--update` rewrites the expected files for review with
// `git diff`.
//
// A case file may say how to run it in a comment on its first lines:
//   # ARGS: report --format json {file}
// ({file} is the case's path); the default is `check --at 2026-12-07 {file}`.
// A case runs on a day of its own (`--at`), never on the day the suite runs:
// statute changes coming into force change the findings, and the expected
// files were written for 2026-12-07.
#include "cli/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> split_words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::vector<std::string> case_args(const fs::path& file, const std::string& shown) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::vector<std::string> args = {"check", "--at", "2026-12-07", "{file}"};
    for (int n = 0; n < 5 && std::getline(in, line); ++n) {
        if (auto at = line.find("# ARGS:"); at != std::string::npos) {
            args = split_words(line.substr(at + 7));
            break;
        }
    }
    for (auto& a : args)
        if (auto at = a.find("{file}"); at != std::string::npos) a.replace(at, 6, shown);
    return args;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: lovsjekk_golden CASES_DIR [--update] [NAME...]\n";
        return 2;
    }
    const fs::path dir = argv[1];
    bool update = false;
    std::vector<std::string> only;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--update") update = true;
        else only.push_back(argv[i]);
    }
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".regel" && entry.is_regular_file()) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());

    int passed = 0, failed = 0;
    for (const fs::path& c : cases) {
        const std::string name = c.stem().string();
        if (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()) continue;
        const std::string shown = fs::relative(c).generic_string();
        std::ostringstream out, err;
        const int code = lovsjekk::cli::run(case_args(c, shown), {out, err, false});
        // Standard error after a marker line, so that a case says which stream carries what.
        const std::string actual = out.str() + (err.str().empty() ? "" : "# stderr:\n" + err.str()) + "# exit: " +
                                   std::to_string(code) + "\n";
        fs::path expected_path = c;
        expected_path.replace_extension(".expected");
        if (update) {
            std::ofstream(expected_path, std::ios::binary) << actual;
            std::cout << "updated " << expected_path.generic_string() << '\n';
            ++passed;
            continue;
        }
        if (!fs::exists(expected_path)) {
            std::cout << "FAIL " << name << ": no " << expected_path.filename() << " (run with --update)\n";
            ++failed;
            continue;
        }
        const std::string expected = read_file(expected_path);
        if (expected == actual) {
            ++passed;
        } else {
            ++failed;
            std::cout << "FAIL " << name << "\n--- expected\n" << expected << "--- actual\n" << actual << "---\n";
        }
    }
    std::cout << "golden: " << passed << " passed, " << failed << " failed\n";
    return failed == 0 && passed > 0 ? 0 : 1;
}
