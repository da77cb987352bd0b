// `lovsjekk import lovdata …` driven in process.
#include "cli/commands.hpp"

#include "import_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace lovsjekk;

namespace {

using testing::run_import;

testing::ImportRun import(const cli::Args& args) { return run_import(args); }

std::filesystem::path temp_dir(const char* name) { return testing::fresh_temp_dir("" + std::string(name)); }

}  // namespace

TEST_CASE("corpus: import --help and bad usage") {
    auto help = import({"lovdata", "--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("bruk: lovsjekk import lovdata") != std::string::npos);
    auto english = import({"--help", "--lang", "en"});
    CHECK(english.code == 0);
    CHECK(english.out.find("usage: lovsjekk import lovdata") != std::string::npos);
    CHECK(import({"--help", "--lang", "xx"}).code == 2);
    CHECK(import({}).code == 2);
    auto wrong = import({"eurlex", "x.xml"});
    CHECK(wrong.code == 2);
    CHECK(wrong.err.find("unknown import format") != std::string::npos);
    CHECK(import({"lovdata"}).code == 2);
    auto bad_option = import({"lovdata", "--ouput", "x", "a.xml"});
    CHECK(bad_option.code == 2);
    CHECK(bad_option.err.find("Mente du «--output»?") != std::string::npos);
}

TEST_CASE("corpus: import of unusable files exits 2 with file:line:column") {
    const auto dir = temp_dir("bad");
    const auto bad = dir / "bad.xml";
    std::ofstream(bad) << "<html>\n<body>\n<main class=\"documentBody\"></mian>\n</body></html>";
    auto r = import({"lovdata", bad.string(), "-o", (dir / "out").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find(bad.string() + ":3:") != std::string::npos);
    CHECK(r.err.find("error: malformed XML") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out"));

    auto missing = import({"lovdata", (dir / "missing.xml").string(), "-o", (dir / "out").string()});
    CHECK(missing.code == 2);
    CHECK(!missing.err.empty());
    std::filesystem::remove_all(dir);
}

TEST_CASE("corpus: import writes one index per law" * LOVSJEKK_NEEDS_SHARED) {
    const auto dir = temp_dir("ok");
    const auto lovdata = *testing::shared_dir() / "lovdata";
    auto r = import({"lovdata", (lovdata / "nl-19990702-063.xml").string(), (lovdata / "sf-20001220-1554.xml").string(),
                     "--output", dir.string()});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("imported LOV-1999-07-02-63 (80 sections) -> ") != std::string::npos);
    CHECK(r.out.find("imported FOR-2000-12-20-1554 (7 sections) -> ") != std::string::npos);
    CHECK(std::filesystem::exists(dir / "LOV-1999-07-02-63.json"));
    CHECK(std::filesystem::exists(dir / "FOR-2000-12-20-1554.json"));
    std::filesystem::remove_all(dir);
}
