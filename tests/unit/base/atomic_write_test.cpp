// Output files are written all or nothing, streamed or whole.
#include "base/atomic_write.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <ostream>
#include <stdexcept>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

/// A fresh folder of this process, removed at the end.
struct Folder {
    fs::path root = fs::temp_directory_path() / ("lovsjekk-atomic-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~Folder() {
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }
    std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(root), {})); }
};

}  // namespace

TEST_CASE("write_atomically streams into place and replaces what was there") {
    Folder folder;
    const fs::path report = folder.root / "report.json";
    std::ofstream(report) << "old";
    const auto error = lovsjekk::write_atomically(report, [](std::ostream& out) {
        for (int i = 0; i < 1000; ++i) out << "line " << i << '\n';
    });
    CHECK_FALSE(error.has_value());
    const std::string written = lovsjekk::testing::read_file(report);
    CHECK(written.rfind("line 0\n", 0) == 0);
    CHECK(written.find("line 999\n") != std::string::npos);
    CHECK(folder.entries() == 1);  // no temporary left beside it
    CHECK_FALSE(lovsjekk::write_atomically(report, "whole").has_value());
    CHECK(lovsjekk::testing::read_file(report) == "whole");
}

TEST_CASE("write_atomically leaves the old file and no temporary when the writer throws or the folder is missing") {
    Folder folder;
    const fs::path report = folder.root / "report.json";
    std::ofstream(report) << "old";
    CHECK_THROWS_AS(lovsjekk::write_atomically(report,
                                               [](std::ostream& out) {
                                                   out << "half";
                                                   throw std::runtime_error("a missing message");
                                               }),
                    std::runtime_error);
    CHECK(lovsjekk::testing::read_file(report) == "old");
    CHECK(folder.entries() == 1);
    const auto error = lovsjekk::write_atomically(folder.root / "no-such-folder" / "r.json", "x");
    REQUIRE(error.has_value());
    CHECK(error->find("cannot create a file there") != std::string::npos);
}
