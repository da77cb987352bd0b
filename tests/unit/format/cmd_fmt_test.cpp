// `lovsjekk fmt` on files: rewritten in place when not formatted, left alone
// when formatted or broken, and --check changes nothing.
#include "cli/commands.hpp"

#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) { return lovsjekk::testing::read_file(p); }

struct Run {
    int code;
    std::string out, err;
};

Run fmt(std::vector<std::string> args) {
    std::ostringstream out, err;
    args.insert(args.begin(), "fmt");
    const int code = lovsjekk::cli::run(args, {out, err, false});
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("fmt rewrites what is not formatted, leaves the rest, and refuses broken files untouched") {
    const fs::path dir = fs::temp_directory_path() / "lovsjekk-fmt-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    const std::string messy = "tema   t  \"a\"\nregel r {\ntema t\n}\n";
    const std::string formatted = "tema t \"a\"\n\nregel r {\n  tema     t\n}\n";
    const std::string broken = "regel r {\n  alderr over 16 år\n}\n";
    std::ofstream(dir / "messy.regel") << messy;
    std::ofstream(dir / "sub" / "tidy.regel") << formatted;
    std::ofstream(dir / "broken.regel") << broken;
    std::ofstream(dir / "notes.txt") << messy;  // not a rule file

    SUBCASE("--check changes nothing, shows the diff and exits 2 for the broken file") {
        const Run r = fmt({"--check", dir.string()});
        CHECK(r.code == 2);
        CHECK(r.out.find("+++ ") != std::string::npos);
        CHECK(r.out.find("messy.regel") != std::string::npos);
        CHECK(r.out.find("tidy.regel") == std::string::npos);
        CHECK(r.err.find("broken.regel:2:3: error: ukjent felt «alderr»") != std::string::npos);
        CHECK(read(dir / "messy.regel") == messy);
    }
    SUBCASE("--check on formatted files alone exits 0 and prints nothing") {
        const Run r = fmt({"--check", (dir / "sub").string()});
        CHECK(r.code == 0);
        CHECK(r.out.empty());
        CHECK(r.err.empty());
    }
    SUBCASE("--check on an unformatted file exits 1") {
        CHECK(fmt({"--check", (dir / "messy.regel").string()}).code == 1);
    }
    SUBCASE("without --check the files are rewritten, except the broken one") {
        const Run r = fmt({dir.string()});
        CHECK(r.code == 2);
        CHECK(read(dir / "messy.regel") == formatted);
        CHECK(read(dir / "sub" / "tidy.regel") == formatted);
        CHECK(read(dir / "broken.regel") == broken);
        CHECK(read(dir / "notes.txt") == messy);
        CHECK(fmt({"--check", (dir / "messy.regel").string()}).code == 0);
        // No temporary files are left behind.
        std::size_t files = 0;
        for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(dir)) ++files;
        CHECK(files == 5);
    }
    SUBCASE("a missing path and an unknown option are errors") {
        CHECK(fmt({(dir / "nothing.regel").string()}).code == 2);
        CHECK(fmt({"--chekc"}).code == 2);
        const Run size = fmt({"--max-file-size", "12abc", dir.string()});
        CHECK(size.code == 2);
        CHECK(size.err.find("--max-file-size trenger et positivt antall byte, ikke «12abc»") != std::string::npos);
        const Run small = fmt({"--check", "--max-file-size", "10", (dir / "messy.regel").string()});
        CHECK(small.code == 2);
        CHECK(read(dir / "messy.regel") == messy);
    }
    fs::remove_all(dir);
}
