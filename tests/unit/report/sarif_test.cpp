// SARIF: the shape GitHub code scanning needs, UTF-16 columns, and validity
// against the official SARIF 2.1.0 schema (../shared/schemas).
#include "fixture.hpp"
#include "json_schema.hpp"

#include "check/check.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace lovsjekk;
namespace json = boost::json;

namespace {

json::value sarif_of(const testing::ReportFixture& f) {
    std::ostringstream out;
    report::write_sarif(out, f.input());
    return json::parse(out.str());
}

const json::object& first_run(const json::value& v) { return v.at("runs").at(0).as_object(); }

std::string joined(const std::vector<std::string>& errors) {
    std::string s;
    for (std::size_t i = 0; i < errors.size() && i < 20; ++i) s += errors[i] + "\n";
    return s;
}

}  // namespace

TEST_CASE("the schema validator finds what it should") {
    // Fail first: each broken instance must be caught, or the SARIF test below proves nothing.
    const testing::JsonSchema schema(json::parse(R"({
      "type": "object", "additionalProperties": false, "required": ["a"],
      "properties": {
        "a": {"$ref": "#/definitions/positive"},
        "b": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}, "uniqueItems": true, "minItems": 1},
        "c": {"type": "string", "pattern": "^[0-9]+$"},
        "d": {"type": "string", "format": "uri"},
        "e": {"type": "object", "oneOf": [{"required": ["p"]}, {"required": ["q"]}]},
        "f": {"type": "string", "format": "uri-reference"}
      },
      "definitions": {"positive": {"type": "integer", "minimum": 1}}
    })"));
    CHECK(schema.validate(json::parse(R"({"a": 1, "b": ["x"], "c": "12", "d": "https://x.invalid/", "e": {"p": 1},
                                          "f": "rules/vidareg%C3%A5ande.regel"})"))
              .empty());
    CHECK(schema.validate(json::parse(R"({"b": ["x"]})")).size() == 1);           // required
    CHECK(schema.validate(json::parse(R"({"a": 0})")).size() == 1);               // minimum through $ref
    CHECK(schema.validate(json::parse(R"({"a": 1.5})")).size() == 1);             // integer
    CHECK(schema.validate(json::parse(R"({"a": 1, "z": 1})")).size() == 1);       // additionalProperties
    CHECK(schema.validate(json::parse(R"({"a": 1, "b": ["x", "x"]})")).size() == 1);  // uniqueItems
    CHECK(schema.validate(json::parse(R"({"a": 1, "b": []})")).size() == 1);      // minItems
    CHECK(schema.validate(json::parse(R"({"a": 1, "b": ["z"]})")).size() == 1);   // enum
    CHECK(schema.validate(json::parse(R"({"a": 1, "c": "1a"})")).size() == 1);    // pattern
    CHECK(schema.validate(json::parse(R"({"a": 1, "d": "no scheme"})")).size() == 1);  // format uri
    CHECK(schema.validate(json::parse(R"({"a": 1, "e": {"p": 1, "q": 2}})")).size() == 1);  // oneOf: two match
    CHECK(schema.validate(json::parse(R"({"a": 1, "e": {}})")).size() == 1);      // oneOf: none match
    CHECK(schema.validate(json::parse(R"({"a": 1, "f": "vidaregåande skule.regel"})")).size() == 1);
}

TEST_CASE("sarif regions count UTF-16 code units and end after the last character") {
    testing::ReportFixture f;
    f.add("divergence", Severity::warning, "age limits differ", "d41c00000001");
    const json::value v = sarif_of(f);
    const json::object& run = first_run(v);
    CHECK(run.at("columnKind") == "utf16CodeUnits");
    const json::object& region =
        run.at("results").at(0).at("locations").at(0).at("physicalLocation").at("region").as_object();
    // "æ😀 alder " before the span: æ is one code unit, 😀 two (a surrogate
    // pair), "alder" and the spaces seven: column 11 (a person sees column 10).
    CHECK(region.at("startLine") == 2);
    CHECK(region.at("startColumn") == 11);
    CHECK(region.at("endLine") == 2);
    CHECK(region.at("endColumn") == 11 + 9);  // "fylt 7 år" is 9 code units; endColumn is exclusive
}

TEST_CASE("sarif has a rule for every kind, results point at theirs, notes are related locations") {
    testing::ReportFixture f;
    f.add("divergence", Severity::warning, "age limits differ", "d41c00000001");
    f.add("reference", Severity::error, "unknown law", "d41c00000002").notes.clear();
    f.add("policy-thing", Severity::note, "a kind no family has", "d41c00000003");
    const json::value v = sarif_of(f);
    const json::object& run = first_run(v);
    const json::object& driver = run.at("tool").at("driver").as_object();
    CHECK(driver.at("name") == "lovsjekk");
    CHECK(driver.at("semanticVersion") == LOVSJEKK_VERSION);
    CHECK(driver.at("informationUri").as_string().starts_with("https://"));
    const json::array& rules = driver.at("rules").as_array();
    std::vector<std::string> ids;
    for (const json::value& r : rules) {
        ids.emplace_back(r.at("id").as_string());
        for (const char* field : {"shortDescription", "fullDescription"})
            CHECK(!r.at(field).at("text").as_string().empty());
        CHECK(!r.at("help").at("text").as_string().empty());
        CHECK(!r.at("help").at("markdown").as_string().empty());
        CHECK(r.at("defaultConfiguration").at("level").is_string());
    }
    for (const check::Family& family : check::families())
        CHECK(std::find(ids.begin(), ids.end(), family.kind) != ids.end());
    for (const char* input_kind : {"syntax", "encoding", "io", "limit", "policy-thing"})
        CHECK(std::find(ids.begin(), ids.end(), input_kind) != ids.end());

    for (const json::value& r : run.at("results").as_array()) {
        const auto index = r.at("ruleIndex").to_number<std::size_t>();
        REQUIRE(index < rules.size());
        CHECK(rules[index].at("id") == r.at("ruleId"));
        CHECK(r.at("partialFingerprints").at("lovsjekkFindingId/v1").as_string().starts_with("d41c"));
    }
    const json::object& divergence = run.at("results").at(0).as_object();
    CHECK(divergence.at("ruleId") == "divergence");
    CHECK(divergence.at("level") == "warning");
    const json::object& related = divergence.at("relatedLocations").at(0).as_object();
    CHECK(related.at("message").at("text") == "the sector is declared here");
    CHECK(related.at("physicalLocation").at("region").at("startLine") == 1);
    CHECK(!run.at("results").at(1).as_object().contains("relatedLocations"));
}

TEST_CASE("sarif URIs are repository-relative and percent-encoded") {
    testing::ReportFixture f;
    Diagnostic& d = f.add("reference", Severity::error, "x", "d41c00000004");
    d.span = Span::whole(1);  // rules/vidaregåande skule.regel, no position
    const json::value v = sarif_of(f);
    const json::object& location = first_run(v).at("results").at(0).at("locations").at(0).at("physicalLocation").as_object();
    CHECK(location.at("artifactLocation").at("uri") == "rules/vidareg%C3%A5ande%20skule.regel");
    CHECK(location.at("artifactLocation").at("uriBaseId") == "%SRCROOT%");
    // GitHub needs a region on every result: a whole-file finding points at line 1.
    CHECK(location.at("region").at("startLine") == 1);
    CHECK(first_run(v).at("originalUriBaseIds").as_object().contains("%SRCROOT%"));
}

TEST_CASE("sarif of a diff marks each result's baseline state") {
    testing::ReportFixture before_fixture, after_fixture;
    before_fixture.add("reference", Severity::error, "gone", "aaaa00000001");
    before_fixture.add("divergence", Severity::note, "was a note", "aaaa00000002");
    before_fixture.add("gap", Severity::warning, "stays", "aaaa00000003");
    after_fixture.add("divergence", Severity::warning, "now a warning", "aaaa00000002");
    after_fixture.add("gap", Severity::warning, "stays", "aaaa00000003");
    after_fixture.add("conflict", Severity::warning, "new", "aaaa00000004");
    const auto before = before_fixture.input();
    const auto after = after_fixture.input();
    const report::FindingDiff diff = report::diff_findings(before.findings, after.findings);
    std::ostringstream out;
    report::write_sarif_diff(out, {before, after, diff});
    const json::value v = json::parse(out.str());
    std::map<std::string, std::string> states;
    for (const json::value& r : first_run(v).at("results").as_array())
        states[std::string(r.at("partialFingerprints").at("lovsjekkFindingId/v1").as_string())] =
            r.at("baselineState").as_string();
    CHECK(states["aaaa00000001"] == "absent");
    CHECK(states["aaaa00000002"] == "updated");
    CHECK(states["aaaa00000003"] == "unchanged");
    CHECK(states["aaaa00000004"] == "new");
    if (!testing::no_sarif_schema()) {
        const testing::JsonSchema schema(testing::read_json_file(testing::sarif_schema_path().string()));
        const auto errors = schema.validate(v);
        CHECK_MESSAGE(errors.empty(), joined(errors));
    }
}

TEST_CASE("sarif validates against the official SARIF 2.1.0 schema (skipped without ../shared/schemas)" *
          doctest::skip(testing::no_sarif_schema())) {
    const testing::JsonSchema schema(testing::read_json_file(testing::sarif_schema_path().string()));

    SUBCASE("findings built by hand, every field filled") {
        testing::ReportFixture f;
        f.add("divergence", Severity::warning, "age limits differ", "d41c00000001").details.witness =
            "born 2019-11-22, 7 years old";
        f.add("gap", Severity::note, "nobody is responsible", "d41c00000002").details.age_to = 18;
        f.add("syntax", Severity::error, "expected '}'", "d41c00000003").span = Span::whole(1);
        const auto errors = schema.validate(sarif_of(f));
        CHECK_MESSAGE(errors.empty(), joined(errors));
    }
    SUBCASE("no findings at all") {
        testing::ReportFixture f;
        const auto errors = schema.validate(sarif_of(f));
        CHECK_MESSAGE(errors.empty(), joined(errors));
    }
    SUBCASE("the command line over the golden case") {
        const testing::CliRun run =
            testing::run_cli({"report", "--format", "sarif", "--at", "2026-11-22", "tests/cases/report-sarif.regel"});
        REQUIRE(run.code == 0);
        const json::value v = json::parse(run.out);
        CHECK(!first_run(v).at("results").as_array().empty());
        const auto errors = schema.validate(v);
        CHECK_MESSAGE(errors.empty(), joined(errors));
    }
    SUBCASE("the command line over two dates") {
        const testing::CliRun run = testing::run_cli({"diff", "--format", "sarif", "--at", "2000-06-01", "--vs",
                                                      "2026-11-22", "tests/cases/diff-dates.regel"});
        REQUIRE(run.code <= 1);
        const auto errors = schema.validate(json::parse(run.out));
        CHECK_MESSAGE(errors.empty(), joined(errors));
    }
    SUBCASE("a broken document is caught") {
        testing::ReportFixture f;
        f.add("gap", Severity::note, "x", "d41c00000009");
        json::value v = sarif_of(f);
        v.at("runs").at(0).at("results").at(0).as_object()["level"] = "fatal";
        v.at("runs").at(0).at("results").at(0).at("locations").at(0).at("physicalLocation").at("region").as_object()
            ["startLine"] = 0;
        CHECK(schema.validate(v).size() == 2);
    }
}
