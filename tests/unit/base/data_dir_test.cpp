#include "base/data_dir.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace fs = std::filesystem;

namespace {

/// Sets (or unsets, with nullopt) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value->c_str(), 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("the data folder: the source tree holds it, an empty folder does not") {
    CHECK(lovsjekk::holds_data(lovsjekk::testing::source_dir()));
    CHECK_FALSE(lovsjekk::holds_data(lovsjekk::testing::source_dir() / "rules"));
}

TEST_CASE("the data folder is looked for beside the executable, then in LOVSJEKK_DATA_DIR, then in the source tree") {
    // The test binary sits in the build tree, where ../share/lovsjekk holds nothing.
    const ScopedEnv no_fallback("LOVSJEKK_NO_SOURCE_DATA", std::nullopt);
    {
        const ScopedEnv unset("LOVSJEKK_DATA_DIR", std::nullopt);
        const auto candidates = lovsjekk::data_dir_candidates();
        REQUIRE(candidates.size() == 2);
        CHECK(candidates[0].origin == "beside the executable");
        CHECK(candidates[0].path.filename() == "lovsjekk");
        CHECK(candidates[1].origin == "the source tree");
        CHECK(lovsjekk::find_data_dir() == lovsjekk::testing::source_dir().lexically_normal());
    }
    {
        const ScopedEnv set("LOVSJEKK_DATA_DIR", lovsjekk::testing::source_dir().string());
        const ScopedEnv off("LOVSJEKK_NO_SOURCE_DATA", "1");
        const auto candidates = lovsjekk::data_dir_candidates();
        REQUIRE(candidates.size() == 2);
        CHECK(candidates[1].origin == "LOVSJEKK_DATA_DIR");
        CHECK(lovsjekk::find_data_dir() == lovsjekk::testing::source_dir().lexically_normal());
    }
    {
        const ScopedEnv unset("LOVSJEKK_DATA_DIR", std::nullopt);
        const ScopedEnv off("LOVSJEKK_NO_SOURCE_DATA", "1");
        CHECK_FALSE(lovsjekk::find_data_dir().has_value());
    }
    {
        // Set but wrong: an error naming it, not a quiet fall back to the source tree.
        const ScopedEnv wrong("LOVSJEKK_DATA_DIR", (lovsjekk::testing::source_dir() / "rules").string());
        CHECK_THROWS_AS(lovsjekk::find_data_dir(), lovsjekk::DataDirError);
    }
}
