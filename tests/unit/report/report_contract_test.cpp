// `lovsjekk report --format json` keeps the lovsjekk.report/1 contract
// (docs/schemas/lovsjekk.report-1.schema.json): over the bundled rules at two
// dates, and over every golden case that yields a report.
#include "cli/commands.hpp"
#include "json_schema.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace {

const lovsjekk::testing::JsonSchema& report_schema() {
    static const lovsjekk::testing::JsonSchema schema(lovsjekk::testing::read_json_file(
        (lovsjekk::testing::source_dir() / "docs" / "schemas" / "lovsjekk.report-1.schema.json").string()));
    return schema;
}

std::string schema_errors(const boost::json::value& doc) {
    std::string all;
    for (const auto& e : report_schema().validate(doc)) all += e + "\n";
    return all;
}

}  // namespace

TEST_CASE("report JSON over the bundled rules validates against lovsjekk.report/1, today and before the reforms") {
    for (const char* at : {"2026-11-22", "2022-07-31"}) {
        CAPTURE(at);
        std::ostringstream out, err;
        REQUIRE_MESSAGE(lovsjekk::cli::run({"report", "--format", "json", "--at", at}, {out, err, false}) == 0,
                        err.str());
        const auto doc = boost::json::parse(out.str());
        const std::string errors = schema_errors(doc);
        CHECK_MESSAGE(errors.empty(), errors);
        const auto& summary = doc.at("summary").as_object();
        const auto total = summary.at("error").as_int64() + summary.at("warning").as_int64() +
                           summary.at("note").as_int64();
        CHECK(total == static_cast<std::int64_t>(doc.at("findings").as_array().size()));
        CHECK(total > 20);
        // The report is streamed a finding at a time: the bytes are those the
        // whole document serializes to (field order, escapes, one newline).
        CHECK(out.str() == boost::json::serialize(doc) + "\n");
    }
}

TEST_CASE("report JSON of every golden case that yields a report validates against lovsjekk.report/1") {
    namespace fs = std::filesystem;
    int validated = 0;
    for (const auto& entry : fs::directory_iterator(lovsjekk::testing::source_dir() / "tests" / "cases")) {
        if (entry.path().extension() != ".regel") continue;
        std::ostringstream out, err;
        const int code = lovsjekk::cli::run({"report", "--format", "json", "--at", "2026-11-22", "--no-corpus",
                                             entry.path().string()},
                                            {out, err, false});
        if (code == 2) continue;  // unusable input: no report is written
        CAPTURE(entry.path().filename().string());
        const std::string errors = schema_errors(boost::json::parse(out.str()));
        CHECK_MESSAGE(errors.empty(), errors);
        ++validated;
    }
    CHECK(validated > 30);
}

TEST_CASE("the report schema rejects what the contract forbids") {
    std::ostringstream out, err;
    REQUIRE(lovsjekk::cli::run({"report", "--format", "json", "--at", "2026-11-22"}, {out, err, false}) == 0);
    auto doc = boost::json::parse(out.str());
    auto& finding = doc.as_object()["findings"].as_array().at(0).as_object();
    SUBCASE("an unknown severity") { finding["severity"] = "fatal"; }
    SUBCASE("a location without a file") { finding["locations"].as_array().at(0).as_object().erase("file"); }
    SUBCASE("a negative age") { finding["ages"].as_object()["from"] = -1; }
    SUBCASE("a missing id") { finding.erase("id"); }
    CHECK_FALSE(schema_errors(doc).empty());
}
