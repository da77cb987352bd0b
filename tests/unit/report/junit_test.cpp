// JUnit XML: well-formed for any rule text, failures at or above --fail-on.
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

using namespace lovsjekk;

namespace {

pugi::xml_document parse_junit(const testing::ReportFixture& f, Severity fail_on) {
    std::ostringstream out;
    report::write_junit(out, f.input(), fail_on);
    pugi::xml_document doc;
    const pugi::xml_parse_result ok = doc.load_string(out.str().c_str());
    INFO(out.str());
    REQUIRE(ok);
    return doc;
}

}  // namespace

TEST_CASE("junit is well-formed XML whatever the rule text holds") {
    testing::ReportFixture f;
    const std::string hostile = "a <b>&amp;</b> \"q\" ]]> \x01 \xEF\xBF\xBF end";
    f.add("reference", Severity::error, hostile, "bbbb00000001");
    const pugi::xml_document doc = parse_junit(f, Severity::error);
    const pugi::xml_node failure = doc.select_node("//failure").node();
    REQUIRE(failure);
    const std::string message = failure.attribute("message").value();
    // Markup characters survive as text; control characters and non-characters XML forbids become U+FFFD.
    CHECK(message.find("a <b>&amp;</b> \"q\" ]]> \xEF\xBF\xBD \xEF\xBF\xBD end") != std::string::npos);
    CHECK(std::string(failure.attribute("type").value()) == "reference");
    CHECK(std::string(failure.text().get()).find("rules/helse.regel:2:10: error: ") == 0);
}

TEST_CASE("junit has a test case per rule file, and --fail-on decides what fails") {
    testing::ReportFixture f;
    f.add("divergence", Severity::warning, "age limits differ", "bbbb00000002");
    f.add("grey-zone", Severity::note, "counted differently", "bbbb00000003");

    pugi::xml_document doc = parse_junit(f, Severity::error);
    pugi::xml_node suite = doc.child("testsuites").child("testsuite");
    CHECK(suite.attribute("tests").as_int() == 2);  // both files, the clean one too
    CHECK(suite.attribute("failures").as_int() == 0);
    pugi::xml_node helse = suite.find_child_by_attribute("testcase", "name", "rules/helse.regel");
    REQUIRE(helse);
    CHECK(!helse.child("failure"));
    CHECK(std::string(helse.child("system-out").text().get()).find("age limits differ") != std::string::npos);

    doc = parse_junit(f, Severity::warning);
    suite = doc.child("testsuites").child("testsuite");
    CHECK(suite.attribute("failures").as_int() == 1);
    helse = suite.find_child_by_attribute("testcase", "name", "rules/helse.regel");
    CHECK(std::distance(helse.children("failure").begin(), helse.children("failure").end()) == 1);
    CHECK(std::string(helse.child("system-out").text().get()).find("counted differently") != std::string::npos);

    doc = parse_junit(f, Severity::note);
    helse = doc.child("testsuites").child("testsuite").find_child_by_attribute("testcase", "name", "rules/helse.regel");
    CHECK(std::distance(helse.children("failure").begin(), helse.children("failure").end()) == 2);
    CHECK(!helse.child("system-out"));
}
