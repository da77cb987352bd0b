// HTML report: escaped by construction, self-contained, with the timeline
// and the filters' data. The browser test (tests/browser/) runs the script.
#include "fixture.hpp"

#include "report/view.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("html escapes every rule text and fetches nothing") {
    testing::ReportFixture f;
    f.add("reference", Severity::error, "</script><script>alert(1)</script><style>", "dddd00000001").details.witness =
        "\"><img src=x onerror=alert(1)>";
    std::ostringstream out;
    report::write_html(out, f.input());
    const std::string html = out.str();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(html, "<script") == 1);
    CHECK(count(html, "</script>") == 1);
    CHECK(count(html, "<style") == 1);
    CHECK(count(html, "<img") == 0);
    CHECK(html.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    // Self-contained: no URL to fetch anything from.
    CHECK(html.find(" src=\"") == std::string::npos);
    CHECK(html.find(" href=\"") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("Content-Security-Policy") != std::string::npos);
    // HTML elements are never self-closed except the void ones.
    CHECK(html.find("<td />") == std::string::npos);
    CHECK(html.find("<script />") == std::string::npos);
    CHECK(html.find("Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Lovdata") !=
          std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("html rows carry the data the filters read") {
    testing::ReportFixture f;
    f.add("divergence", Severity::warning, "age limits differ", "dddd00000002");
    std::ostringstream out;
    report::write_html(out, f.input());
    const std::string html = out.str();
    CHECK(html.find("<tr data-kind=\"divergence\" data-sector=\"familie helse\" data-severity=\"warning\">") !=
          std::string::npos);
    CHECK(html.find("<option value=\"divergence\">divergence</option>") != std::string::npos);
    CHECK(html.find("<option value=\"familie\">familie</option>") != std::string::npos);
}

TEST_CASE("html timeline: a row per topic and sector, bounds marked by basis, titled with the provision") {
    const testing::CliRun run =
        testing::run_cli({"report", "--format", "html", "--at", "2026-11-22", "tests/cases/report-html.regel"});
    REQUIRE(run.code == 0);
    const std::string& html = run.out;
    CHECK(html.find("data-topic=\"samtykke.helsehjelp\" data-sector=\"helse\"") != std::string::npos);
    CHECK(html.find("<title>pbrl § 4-3 første ledd bokstav b: over 16 år</title>") != std::string::npos);
    CHECK(html.find("class=\"mark birthday lower\"") != std::string::npos);
    CHECK(html.find("class=\"mark calendar_year lower\"") != std::string::npos);
    CHECK(html.find("class=\"mark school_year upper\"") != std::string::npos);
    CHECK(html.find("class=\"mark maturity lower\"") != std::string::npos);
    // The divergence on bli-hørt is shaded on each of the topic's three rows.
    CHECK(count(html, "data-kind=\"divergence\" data-id=") == 3);
    // The rule title's markup characters stay text.
    CHECK(html.find("&lt;i&gt;&amp;&lt;/i&gt;") != std::string::npos);
}

TEST_CASE("a provision links to its text on lovdata.no: law or regulation, the section without spaces") {
    model::Model m;
    m.laws["pbrl"] = model::Law{"pbrl", "pasient- og brukerrettighetsloven", "LOV-1999-07-02-63", {}, {}};
    m.laws["fbl"] = model::Law{"fbl", "barnehageforskriften", "FOR-2005-12-16-1512", {}, {}};
    model::Citation c;
    c.law = "pbrl";
    c.section = "4-3";
    c.ledd = 1;
    CHECK(report::lovdata_url(m, c) == "https://lovdata.no/lov/1999-07-02-63/%C2%A74-3");
    c.law = "fbl";
    c.section = "6 a";
    CHECK(report::lovdata_url(m, c) == "https://lovdata.no/forskrift/2005-12-16-1512/%C2%A76a");
    // An incorporated act's article: Lovdata's own address, without the "§".
    m.laws["popplyl"] = model::Law{"popplyl", "personopplysningsloven", "LOV-2018-06-15-38", {}, {}};
    c.law = "popplyl";
    c.section = "gdpr/a8";
    CHECK(report::lovdata_url(m, c) == "https://lovdata.no/lov/2018-06-15-38/gdpr/a8");
    c.law = "ukjent";  // an undeclared law has no address rather than a wrong one
    CHECK(report::lovdata_url(m, c).empty());
}

TEST_CASE("html and sarif link each provision of a finding, cited in full") {
    const testing::CliRun html =
        testing::run_cli({"report", "--format", "html", "--at", "2026-11-22", "tests/cases/report-html.regel"});
    REQUIRE(html.code == 0);
    CHECK(html.out.find("<a href=\"https://lovdata.no/lov/1999-07-02-63/%C2%A74-4\">pbrl § 4-4 femte ledd</a>") !=
          std::string::npos);
    const testing::CliRun sarif =
        testing::run_cli({"report", "--format", "sarif", "--at", "2026-11-22", "tests/cases/report-html.regel"});
    REQUIRE(sarif.code == 0);
    CHECK(sarif.out.find("\"uri\": \"https://lovdata.no/lov/1999-07-02-63/%C2%A74-4\"") != std::string::npos);
}
