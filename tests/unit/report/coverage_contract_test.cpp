// `lovsjekk coverage --format json` over the bundled rules keeps the
// lovsjekk.coverage/1 contract (docs/schemas/lovsjekk.coverage-1.schema.json),
// and its counts add up; the bundled rules encode or exclude every age
// phrase (issue 14: CI keeps the missing count at zero).
#include "cli/commands.hpp"
#include "json_schema.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <map>
#include <sstream>

namespace {

const lovsjekk::testing::JsonSchema& coverage_schema() {
    static const lovsjekk::testing::JsonSchema schema(lovsjekk::testing::read_json_file(
        (lovsjekk::testing::source_dir() / "docs" / "schemas" / "lovsjekk.coverage-1.schema.json").string()));
    return schema;
}

}  // namespace

TEST_CASE("coverage JSON over the bundled rules validates against the contract, and its counts add up") {
    std::ostringstream out, err;
    const int status = lovsjekk::cli::run({"coverage", "--format", "json", "--at", "2026-12-07"}, {out, err, false});
    REQUIRE_MESSAGE((status == 0 || status == 1), err.str());
    const auto doc = boost::json::parse(out.str());
    const auto errors = coverage_schema().validate(doc);
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    CHECK_MESSAGE(errors.empty(), all);

    std::map<std::string, std::map<std::string, std::int64_t>> counted;  // law → status → phrases
    for (const auto& p : doc.at("phrases").as_array())
        ++counted[std::string(p.at("law").as_string())][std::string(p.at("status").as_string())];
    std::int64_t missing = 0;
    for (const auto& l : doc.at("laws").as_array()) {
        const std::string law(l.at("law").as_string());
        CAPTURE(law);
        CHECK(l.at("encoded").as_int64() == counted[law]["encoded"]);
        CHECK(l.at("excluded").as_int64() == counted[law]["excluded"]);
        CHECK(l.at("missing").as_int64() == counted[law]["missing"]);
        missing += l.at("missing").as_int64();
    }
    CHECK(doc.at("summary").at("missing").as_int64() == missing);
    CHECK(status == (missing > 0 ? 1 : 0));
    // Every law at zero, the articles of incorporated acts too (popplyl's
    // GDPR art. 8 is excluded by an `utelatt popplyl gdpr art. 8 nr. 1`): a
    // missing phrase in any law fails, and names the provision.
    std::string missing_provisions;
    for (const auto& p : doc.at("phrases").as_array())
        if (p.at("status").as_string() == "missing")
            missing_provisions +=
                std::string(p.at("provision").as_string()) + ": " + std::string(p.at("phrase").as_string()) + "\n";
    CHECK_MESSAGE(missing == 0, missing_provisions);
    CHECK(status == 0);
    CHECK(doc.at("summary").at("phrases").as_int64() > 100);
}

TEST_CASE("the coverage schema rejects what the contract forbids") {
    std::ostringstream out, err;
    lovsjekk::cli::run({"coverage", "--format", "json", "--at", "2026-12-07"}, {out, err, false});
    auto doc = boost::json::parse(out.str());
    doc.as_object()["phrases"].as_array().at(0).as_object()["status"] = "covered";
    CHECK(!coverage_schema().validate(doc).empty());
}
