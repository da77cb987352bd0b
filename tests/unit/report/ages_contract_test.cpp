// `lovsjekk ages --format json` over the bundled rules keeps the
// lovsjekk.ages/1 contract (docs/schemas/lovsjekk.ages-1.schema.json).
#include "cli/commands.hpp"
#include "json_schema.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <sstream>

namespace {

boost::json::value run_ages(std::vector<std::string> args) {
    std::ostringstream out, err;
    args.insert(args.begin(), {"ages", "--format", "json"});
    REQUIRE_MESSAGE(lovsjekk::cli::run(args, {out, err, false}) == 0, err.str());
    return boost::json::parse(out.str());
}

void require_valid(const boost::json::value& doc) {
    const lovsjekk::testing::JsonSchema schema(lovsjekk::testing::read_json_file(
        (lovsjekk::testing::source_dir() / "docs" / "schemas" / "lovsjekk.ages-1.schema.json").string()));
    const auto errors = schema.validate(doc);
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    CHECK_MESSAGE(errors.empty(), all);
}

}  // namespace

TEST_CASE("ages JSON over the bundled rules validates against the contract, today and before the reforms") {
    for (const char* at : {"2026-11-22", "2022-07-31"}) {
        CAPTURE(at);
        const auto doc = run_ages({"--at", at});
        require_valid(doc);
        CHECK(doc.at("thresholds").as_array().size() > 10);
        CHECK(doc.at("at").as_string() == at);
    }
}

TEST_CASE("ages JSON for one child carries the child and the dates") {
    const auto doc = run_ages({"--born", "2010-12-20", "--on", "2026-11-22"});
    require_valid(doc);
    CHECK(doc.at("child").at("age").as_int64() == 15);
    for (const auto& t : doc.at("thresholds").as_array()) CHECK(t.as_object().contains("applies"));
}

TEST_CASE("the schema rejects what the contract forbids") {
    auto doc = run_ages({"--at", "2026-11-22"});
    doc.as_object()["thresholds"].as_array().at(0).as_object()["basis"] = "age";
    const lovsjekk::testing::JsonSchema schema(lovsjekk::testing::read_json_file(
        (lovsjekk::testing::source_dir() / "docs" / "schemas" / "lovsjekk.ages-1.schema.json").string()));
    CHECK(!schema.validate(doc).empty());
}
