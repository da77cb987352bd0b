// Norsk Lovtidend's amending acts: what each act changes, and the index the
// reference checks ask what changed after a consolidated text's date.
#include "corpus/lovdata_archive.hpp"
#include "corpus/lovtidend.hpp"

#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace lovsjekk;
using namespace lovsjekk::corpus;

namespace {

const std::string act_xml =
    "<!DOCTYPE html><html lang=\"no\"><head><title>T</title></head><body>"
    "<header class=\"documentHeader\"><dl class=\"data-document-key-info\">"
    "<dt class=\"legacyID\">Datokode</dt><dd class=\"legacyID\">LOV-2025-06-20-99</dd>"
    "<dt class=\"dateInForce\">I kraft fra</dt><dd class=\"dateInForce\">2026-01-01</dd>"
    "<dt class=\"dateOfPublication\">Kunngjort</dt><dd class=\"dateOfPublication\">2025-06-20 12:45</dd>"
    "<dt class=\"title\">Tittel</dt><dd class=\"title\">Lov om endringer i testloven</dd>"
    "</dl></header><main class=\"documentBody\"><section class=\"section\">"
    "<article class=\"document-change\" data-document=\"lov/2000-01-01-1\">"
    "<article class=\"defaultP\">I lov 1. januar 2000 nr. 1 gjøres følgende endringer:</article>"
    "<article class=\"change\" data-change-part=\"lov/2000-01-01-1/§4-3/ledd/2 lov/2000-01-01-1/§4-3/ledd/3\">"
    "<article class=\"defaultP\">§ 4-3 andre og tredje ledd skal lyde:</article>"
    "<article class=\"legalP\">Er barnet over 12 år, skal det høres.</article>"
    "<article class=\"legalP\">Tredje ledd.</article></article>"
    "<article class=\"change\" data-change-part=\"lov/2000-01-01-1/§2a\">"
    "<article class=\"defaultP\">§ 2 a oppheves.</article></article>"
    "<article class=\"change\"><article class=\"defaultP\">Ny § 7-2 a skal lyde:</article>"
    "<article class=\"futureLegalArticle\" data-name=\"§7-2a\">§ 7-2 a. Ny regel. Tekst.</article></article>"
    "<article class=\"change\"><article class=\"defaultP\">Nåværende tredje ledd blir nytt fjerde ledd.</article></article>"
    "</article>"
    "<article class=\"document-change\" data-document=\"lov/2001-01-01-2\">"
    "<article class=\"defaultP\">I lov 1. januar 2001 nr. 2 skal § 5 lyde:</article>"
    "<article class=\"legalP\">Ny tekst.</article></article>"
    "</section></main></body></html>";

std::optional<AmendingAct> read(const std::string& xml, Diagnostics& diags) {
    text::SourceManager sources;
    auto id = sources.add("act.xml", xml, diags);
    REQUIRE(id);
    return read_amending_act(*id, sources, diags);
}

}  // namespace

TEST_CASE("lovtidend: an amending act's changes, wording and dates") {
    Diagnostics diags;
    const auto act = read(act_xml, diags);
    REQUIRE(act);
    CHECK_FALSE(diags.has_errors());
    CHECK(act->id == "LOV-2025-06-20-99");
    CHECK(act->announced == Date::parse("2025-06-20"));
    CHECK(act->in_force == std::vector<Date>{*Date::parse("2026-01-01")});
    REQUIRE(act->documents.size() == 2);
    const DocumentChanges& d = act->documents[0];
    CHECK(d.law == "LOV-2000-01-01-1");
    REQUIRE(d.changes.size() == 4);
    CHECK(d.changes[0].kind == ChangeKind::reworded);
    CHECK(d.changes[0].parts == std::vector<std::string>{"§4-3/ledd/2", "§4-3/ledd/3"});
    CHECK(d.changes[0].sections == std::vector<std::string>{"4-3"});
    CHECK(d.changes[0].instruction == "§ 4-3 andre og tredje ledd skal lyde:");
    CHECK(d.changes[0].new_text == "Er barnet over 12 år, skal det høres.\nTredje ledd.");
    CHECK(d.changes[1].kind == ChangeKind::repealed);
    CHECK(d.changes[1].sections == std::vector<std::string>{"2 a"});
    CHECK(d.changes[1].new_text.empty());
    CHECK(d.changes[2].kind == ChangeKind::added);
    CHECK(d.changes[2].sections == std::vector<std::string>{"7-2 a"});  // from the instruction
    CHECK(d.changes[3].kind == ChangeKind::renumbered);
    // A document change without change articles is one instruction.
    REQUIRE(act->documents[1].changes.size() == 1);
    CHECK(act->documents[1].changes[0].kind == ChangeKind::reworded);
    CHECK(act->documents[1].changes[0].sections == std::vector<std::string>{"5"});
}

TEST_CASE("lovtidend: the index answers what changed after a consolidated text's date, and round-trips") {
    Diagnostics diags;
    AmendmentIndex index;
    index.add(*read(act_xml, diags));
    CHECK(index.changes_to("lov/2000-01-01-1").size() == 4);
    CHECK(index.changes_to("LOV-2000-01-01-1", "§ 4-3").size() == 1);
    CHECK(index.changes_to("LOV-2000-01-01-1", "4-4").empty());
    // In force 2026-01-01: after a text of 2025-11-08, not after one of 2026-02-01.
    CHECK(index.changes_after("LOV-2000-01-01-1", *Date::parse("2025-11-08")).size() == 4);
    CHECK(index.changes_after("LOV-2000-01-01-1", *Date::parse("2026-02-01")).empty());

    const std::string json = serialise_amendments(index);
    CHECK(json.rfind("{\n  \"schema\": \"lovsjekk.amendments/1\",", 0) == 0);
    text::SourceManager sources;
    auto id = sources.add("amendments.json", json, diags);
    REQUIRE(id);
    auto back = parse_amendments(*id, sources, diags);
    REQUIRE(back);
    CHECK(back->acts() == index.acts());
    CHECK(serialise_amendments(*back) == json);

    index.keep_only({"LOV-2001-01-01-2"});
    REQUIRE(index.acts().size() == 1);
    CHECK(index.acts()[0].documents.size() == 1);
    index.keep_only({"LOV-1999-01-01-1"});
    CHECK(index.empty());
}

TEST_CASE("lovtidend: broken input") {
    Diagnostics diags;
    CHECK_FALSE(read("<html><body></mian></body></html>", diags));
    CHECK(diags.has_errors());
    Diagnostics none;
    // A new law (no document-change) amends nothing: no act, no error.
    CHECK_FALSE(read("<html><body><dl class=\"data-document-key-info\"><dd class=\"legacyID\">LOV-2025-01-01-1</dd>"
                     "</dl><main class=\"documentBody\"></main></body></html>",
                     none));
    CHECK_FALSE(none.has_errors());
    text::SourceManager sources;
    Diagnostics bad;
    auto id = sources.add("a.json", "{\"schema\": \"lovsjekk.amendments/1\", \"acts\": [{\"id\": 3}]}", bad);
    CHECK_FALSE(parse_amendments(*id, sources, bad));
    CHECK(bad.has_errors());
}

TEST_CASE("lovtidend: the amending acts of 2025" * LOVSJEKK_NEEDS_SHARED) {
    const auto archive = *testing::shared_dir() / "lovdata-archives" / "lovtidend-avd1-2025.tar.bz2";
    if (!std::filesystem::exists(archive)) {
        MESSAGE("skipped: " << archive.filename().string() << " is not in ../shared/lovdata-archives");
        return;
    }
    AmendmentIndex index;
    Diagnostics diags;
    std::size_t items = 0;
    read_lovdata_archive(
        archive, ArchiveLimits{},
        [&](ArchiveDocument&& doc) {
            ++items;
            text::SourceManager sources;
            auto id = sources.add(doc.name, std::move(doc.bytes), diags);
            if (auto act = read_amending_act(*id, sources, diags)) index.add(std::move(*act));
        },
        diags);
    CHECK_FALSE(diags.has_errors());
    CHECK(items == 1325);
    CHECK(index.acts().size() == 108);
    // LOV-2025-06-20-67 rewords pbrl § 4-3's second to fifth ledd, not its
    // first (the age rules a–c stand); in force when the King decides.
    const auto pbrl = index.changes_to("LOV-1999-07-02-63", "4-3");
    REQUIRE_FALSE(pbrl.empty());
    bool found = false, second_ledd = false;
    for (const LawChange& c : pbrl) {
        if (c.act->id != "LOV-2025-06-20-67") continue;
        found = true;
        CHECK(c.act->in_force.empty());
        CHECK(c.act->in_force_text == "Kongen bestemmer");
        CHECK(c.change->kind == ChangeKind::reworded);  // the heading, and ledd 2 to 5
        CHECK(std::find(c.change->parts.begin(), c.change->parts.end(), "§4-3/ledd/1") == c.change->parts.end());
        if (std::find(c.change->parts.begin(), c.change->parts.end(), "§4-3/ledd/2") != c.change->parts.end()) {
            second_ledd = true;
            CHECK(c.change->instruction == "§ 4-3 andre til femte ledd skal lyde:");
            CHECK_FALSE(c.change->new_text.empty());
        }
    }
    CHECK(second_ledd);
    CHECK(found);
    CHECK_FALSE(index.changes_after("LOV-1999-07-02-63", *Date::parse("2025-11-08")).empty());
}

TEST_CASE("lovtidend: the bundled corpus stores the acts touching the cited laws") {
    Diagnostics diags;
    const AmendmentIndex index = load_amendments(testing::source_dir() / "corpus", diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE_FALSE(index.empty());
    // Pasient- og brukerrettighetsloven § 4-3, changed by LOV-2025-06-20-67
    // after the consolidated text of 2025-11-08 shows it.
    const auto after = index.changes_after("LOV-1999-07-02-63", *Date::parse("2025-11-08"));
    CHECK(std::any_of(after.begin(), after.end(), [](const LawChange& c) {
        return c.act->id == "LOV-2025-06-20-67" &&
               std::find(c.change->sections.begin(), c.change->sections.end(), "4-3") != c.change->sections.end();
    }));
}
