// The diff of two finding vectors, and `lovsjekk diff` over two rule trees.
#include "fixture.hpp"

#include "report/diff.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <fstream>

using namespace lovsjekk;
namespace json = boost::json;

namespace {

Diagnostic finding(std::string id, std::string message, Severity severity = Severity::warning, int from = -1,
                   int to = -1) {
    Diagnostic d;
    d.kind = "divergence";
    d.id = std::move(id);
    d.message = std::move(message);
    d.severity = severity;
    d.details.age_from = from;
    d.details.age_to = to;
    return d;
}

}  // namespace

TEST_CASE("findings are matched by id: added, removed, changed, unchanged") {
    std::vector<Diagnostic> before = {finding("a", "gone"), finding("b", "same"), finding("c", "old text"),
                                      finding("d", "quieter", Severity::warning), finding("e", "ages", Severity::note, 7, 12)};
    std::vector<Diagnostic> after = {finding("f", "new"), finding("b", "same"), finding("c", "new text"),
                                     finding("d", "quieter", Severity::note), finding("e", "ages", Severity::note, 7, 16)};
    // Locations are not compared: a rule moved in its file is the same finding.
    after[1].span = Span::at(0, 10, 20);
    const report::FindingDiff diff = report::diff_findings(before, after);
    REQUIRE(diff.added.size() == 1);
    CHECK(diff.added[0].id == "f");
    REQUIRE(diff.removed.size() == 1);
    CHECK(diff.removed[0].id == "a");
    REQUIRE(diff.unchanged.size() == 1);
    CHECK(diff.unchanged[0].id == "b");
    REQUIRE(diff.changed.size() == 3);
    CHECK(diff.changed[0].before.message == "old text");
    CHECK(diff.changed[0].after.message == "new text");
    CHECK(diff.changed[1].after.severity == Severity::note);
    CHECK(diff.changed[2].after.details.age_to == 16);
    CHECK(!diff.empty());
    CHECK(report::diff_findings(after, after).empty());
}

TEST_CASE("an id that occurs twice is matched occurrence by occurrence") {
    // Input errors hash kind, file and message, so one file can repeat an id.
    const std::vector<Diagnostic> before = {finding("x", "m"), finding("x", "m")};
    const std::vector<Diagnostic> after = {finding("x", "m"), finding("x", "m"), finding("x", "m")};
    const report::FindingDiff diff = report::diff_findings(before, after);
    CHECK(diff.unchanged.size() == 2);
    CHECK(diff.added.size() == 1);
    CHECK(report::diff_findings(after, before).removed.size() == 1);
}

TEST_CASE("the diff JSON has the lovsjekk.diff/1 shape, findings as in lovsjekk.report/1") {
    testing::ReportFixture before_fixture, after_fixture;
    before_fixture.add("reference", Severity::error, "gone", "aaaa00000001");
    before_fixture.add("divergence", Severity::note, "was a note", "aaaa00000002");
    after_fixture.add("divergence", Severity::warning, "now a warning", "aaaa00000002");
    after_fixture.add("gap", Severity::warning, "new", "aaaa00000003");
    after_fixture.at = *Date::parse("2027-01-01");
    const auto before = before_fixture.input();
    const auto after = after_fixture.input();
    const report::FindingDiff diff = report::diff_findings(before.findings, after.findings);
    std::ostringstream out;
    report::write_json_diff(out, {before, after, diff});
    const json::value v = json::parse(out.str());
    CHECK(v.at("schema") == "lovsjekk.diff/1");
    CHECK(v.at("at") == "2026-11-22");
    CHECK(v.at("vs") == "2027-01-01");
    REQUIRE(v.at("added").as_array().size() == 1);
    REQUIRE(v.at("removed").as_array().size() == 1);
    REQUIRE(v.at("changed").as_array().size() == 1);
    const json::object& added = v.at("added").at(0).as_object();
    for (const char* key : {"id", "kind", "severity", "topic", "ages", "sectors", "rules", "provisions", "message",
                            "locations"})
        CHECK(added.contains(key));
    CHECK(added.at("locations").at(0).at("file") == "rules/helse.regel");
    CHECK(v.at("changed").at(0).at("before").at("severity") == "note");
    CHECK(v.at("changed").at(0).at("after").at("severity") == "warning");

    // The report/1 findings are the same objects.
    std::ostringstream report_out;
    report::write_json(report_out, after);
    const json::value report = json::parse(report_out.str());
    CHECK(report.at("findings").at(1) == v.at("added").at(0));
}

TEST_CASE("lovsjekk diff compares two rule trees and exits 1 on new errors") {
    const auto root = std::filesystem::temp_directory_path() / "lovsjekk-diff-test";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root / "old");
    std::filesystem::create_directories(root / "new");
    const std::string head =
        "sektor helse \"Helse\"\nlov pbrl \"pasient- og brukerrettighetsloven\" LOV-1999-07-02-63 gjelder fra "
        "2001-01-01\nlov bl \"barnelova\" LOV-1981-04-08-7\n";
    auto rule = [](const std::string& id, const std::string& source, const std::string& age, const std::string& extra) {
        const std::string topic = id == "samtykke" ? "samtykke.helsehjelp" : "bli-hørt";
        return "regel " + id + " {\n  kilde " + source + "\n  tema " + topic +
               "\n  barnet har rett til å bli hørt\n  alder " + age + "\n" + extra + "}\n";
    };
    std::ofstream(root / "old" / "helse.regel") << head << rule("høres", "pbrl § 4-4 femte ledd", "fra 12 år", "");
    std::ofstream(root / "old" / "familie.regel")
        << "sektor familie \"Familie\"\nlov bl \"barnelova\" LOV-1981-04-08-7\n"
        << rule("høres", "bl § 31 andre ledd", "fylt 7 år", "");
    // The new tree: helse's age changes (the divergence changes), and a rule dated before its law appears.
    std::ofstream(root / "new" / "helse.regel")
        << head << rule("høres", "pbrl § 4-4 femte ledd", "fra 10 år", "  avledet \"test\"\n")
        << rule("samtykke", "pbrl § 4-3 første ledd bokstav b", "over 16 år",
                   "  gjelder fra 1990-01-01\n  usikker \"endringen fra 2026-06-01 er ikke lest\"\n");
    std::ofstream(root / "new" / "familie.regel")
        << "sektor familie \"Familie\"\nlov bl \"barnelova\" LOV-1981-04-08-7\n"
        << rule("høres", "bl § 31 andre ledd", "fylt 7 år", "");

    const std::string old_dir = (root / "old").string();
    const std::string new_dir = (root / "new").string();
    const testing::CliRun text = testing::run_cli({"diff", "--at", "2026-11-22", old_dir, new_dir});
    INFO(text.out << text.err);
    CHECK(text.code == 1);  // a new error (the reference finding) at the default --fail-on
    CHECK(text.out.find("1 nye, 0 fjernet, 1 endret") != std::string::npos);
    CHECK(text.out.find("\n~ ") != std::string::npos);
    CHECK(text.out.find("    før: warning: ") != std::string::npos);
    const testing::CliRun english = testing::run_cli({"diff", "--lang", "en", "--at", "2026-11-22", old_dir, new_dir});
    CHECK(english.out.find("1 added, 0 removed, 1 changed") != std::string::npos);
    CHECK(english.out.find("    before: warning: ") != std::string::npos);

    const testing::CliRun changed_only =
        testing::run_cli({"diff", "--format", "json", "--at", "2026-11-22", new_dir, new_dir});
    CHECK(changed_only.code == 0);
    const json::value v = json::parse(changed_only.out);
    CHECK(v.at("added").as_array().empty());
    CHECK(v.at("summary").at("unchanged").to_number<int>() >= 2);

    const testing::CliRun bad = testing::run_cli({"diff", old_dir});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--vs DATE") != std::string::npos);
    std::filesystem::remove_all(root);
}
