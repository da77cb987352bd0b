// Markdown for pull-request comments: cells escaped, at most 50 rows.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;

TEST_CASE("markdown escapes table cells") {
    testing::ReportFixture f;
    f.add("reference", Severity::error, "a | b <script>alert(1)</script> *x* [l](u)\nnext", "cccc00000001");
    std::ostringstream out;
    report::write_markdown(out, f.input());
    const std::string md = out.str();
    CHECK(md.find("### lovsjekk: 1 feil, 0 advarsler, 0 merknader") == 0);
    CHECK(md.find("a \\| b &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\[l\\](u)<br>next") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find("| error | reference |") != std::string::npos);
    CHECK(md.find("`cccc00000001`") != std::string::npos);
}

TEST_CASE("markdown shows at most 50 findings, most severe first") {
    testing::ReportFixture f;
    for (int i = 0; i < 60; ++i) f.add("gap", Severity::note, "note " + std::to_string(i), "n" + std::to_string(i));
    f.add("conflict", Severity::error, "the error", "e1");
    std::ostringstream out;
    report::write_markdown(out, f.input());
    const std::string md = out.str();
    CHECK(md.find("\nog 11 til\n") != std::string::npos);
    const auto table = md.find("| alvorlighetsgrad | type |");
    REQUIRE(table != std::string::npos);
    CHECK(md.find("| error | conflict |", table) < md.find("| note | gap |", table));
    CHECK(md.find("| gap | 0 | 0 | 60 |") != std::string::npos);
}
