// Output is the same whatever the order of the input: files given in any
// order give byte-identical JSON, SARIF and HTML; norms in any order give the
// same findings.
#include "cli/commands.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) { return lovsjekk::testing::read_file(p); }

std::string report(std::vector<std::string> args, const std::string& format = "json") {
    std::ostringstream out, err;
    args.insert(args.begin(), {"report", "--format", format, "--at", "2026-11-22"});
    const int code = lovsjekk::cli::run(args, {out, err, false});
    REQUIRE_MESSAGE(code == 0, err.str());
    return out.str();
}

/// Splits a rule file into its header (before the first rule) and its rules.
std::pair<std::string, std::vector<std::string>> split_rules(const std::string& text) {
    std::vector<std::string> rules;
    std::size_t first = text.find("\nregel ");
    if (first == std::string::npos) return {text, rules};
    const std::string header = text.substr(0, first + 1);
    std::size_t at = first + 1;
    while (at < text.size()) {
        std::size_t next = text.find("\nregel ", at);
        const std::size_t end = next == std::string::npos ? text.size() : next + 1;
        rules.push_back(text.substr(at, end - at));
        at = end;
    }
    return {header, rules};
}

/// The JSON report without its locations (line numbers move when norms move).
std::string without_locations(std::string json) {
    for (std::size_t at = json.find("\"locations\":"); at != std::string::npos; at = json.find("\"locations\":", at)) {
        std::size_t end = json.find(']', at);
        json.erase(at, end - at + 1);
    }
    return json;
}

/// Where two outputs first differ, with a little context, instead of both in full.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    if (i == a.size() && i == b.size()) return "identical";
    const std::size_t from = i > 120 ? i - 120 : 0;
    return "at byte " + std::to_string(i) + ":\n  " + a.substr(from, 240) + "\nvs\n  " + b.substr(from, 240);
}

}  // namespace

TEST_CASE("file order does not change the report") {
    const fs::path cases = lovsjekk::testing::source_dir() / "tests" / "cases";
    const std::vector<std::string> files = {(cases / "conflict-forbid.regel").string(),
                                            (cases / "divergence-ladder.regel").string(),
                                            (cases / "gap-ladder.regel").string()};
    const std::string first = report(files);
    std::vector<std::string> shuffled = files;
    std::mt19937 random(20261122);
    for (int i = 0; i < 5; ++i) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        const std::string again = report(shuffled);
        CHECK_MESSAGE(again == first, first_difference(first, again));
    }
}

TEST_CASE("the bundled rules given file by file in any order: byte-identical JSON, SARIF and HTML") {
    const fs::path rules = lovsjekk::testing::source_dir() / "rules";
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(rules))
        if (e.path().extension() == ".regel") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 5);
    std::mt19937 random(1);
    for (const std::string format : {"json", "sarif", "html"}) {
        CAPTURE(format);
        const std::string first = report(files, format);
        CHECK(first.size() > 1000);
        std::vector<std::string> shuffled = files;
        for (int i = 0; i < 3; ++i) {
            std::shuffle(shuffled.begin(), shuffled.end(), random);
            const std::string again = report(shuffled, format);
            CHECK_MESSAGE(again == first, first_difference(first, again));
        }
    }
}

TEST_CASE("norm order does not change the findings") {
    const fs::path dir = fs::temp_directory_path() / "lovsjekk-determinism";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path rules = lovsjekk::testing::source_dir() / "rules";
    std::vector<fs::path> sources;
    for (const auto& e : fs::directory_iterator(rules))
        if (e.path().extension() == ".regel" && e.path().filename().string().rfind("vokabular", 0) != 0)
            sources.push_back(e.path());
    std::sort(sources.begin(), sources.end());
    REQUIRE(!sources.empty());

    const std::string original = without_locations(report({rules.string()}));
    std::mt19937 random(7);
    for (const fs::path& p : sources) {
        auto [header, parts] = split_rules(read(p));
        std::shuffle(parts.begin(), parts.end(), random);
        std::ofstream out(dir / p.filename(), std::ios::binary);
        out << header;
        for (const auto& r : parts) out << r << (r.ends_with("\n") ? "" : "\n");
    }
    const std::string shuffled = without_locations(report({dir.string()}));
    CHECK_MESSAGE(shuffled == original, first_difference(original, shuffled));
    fs::remove_all(dir);
}
