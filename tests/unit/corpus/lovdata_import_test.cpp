// The Lovdata importer: hostile input (in memory) and every real file in
// ../shared/lovdata (skipped when that folder is absent).
#include "corpus/lovdata_import.hpp"

#include "support.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>

using namespace lovsjekk;
using namespace lovsjekk::corpus;

namespace {

struct Imported {
    text::SourceManager sources;
    Diagnostics diags;
    std::optional<Law> law;
};

std::unique_ptr<Imported> import_string(std::string xml, const ImportOptions& options = {}) {
    auto r = std::make_unique<Imported>();
    const auto id = r->sources.add("test.xml", std::move(xml), r->diags);
    if (id) r->law = import_lovdata(*id, r->sources, r->diags, options);
    return r;
}

const Diagnostic* first_error(const Diagnostics& diags) {
    for (const auto& d : diags.all())
        if (d.severity == Severity::error) return &d;
    return nullptr;
}

std::string header(std::string_view id = "LOV-2000-01-01-1") {
    return "<!DOCTYPE html><html lang=\"no\"><head><title>T</title></head><body>"
           "<header class=\"documentHeader\"><dl class=\"data-document-key-info\">"
           "<dt class=\"legacyID\">Datokode</dt><dd class=\"legacyID\">" + std::string(id) + "</dd>"
           "<dt class=\"dateInForce\">I kraft</dt><dd class=\"dateInForce\">2001-01-01</dd>"
           "<dt class=\"titleShort\">K</dt><dd class=\"titleShort\">Testloven \xE2\x80\x93 tl</dd>"
           "</dl></header>";
}

std::filesystem::path lovdata(const char* name) { return *testing::shared_dir() / "lovdata" / name; }

std::unique_ptr<Imported> import_shared(const char* name, const ImportOptions& options = {}) {
    auto r = std::make_unique<Imported>();
    r->law = import_lovdata(lovdata(name), r->sources, r->diags, options);
    return r;
}

// Independent count: article.legalArticle elements with a data-name.
std::size_t count_named_articles(const std::filesystem::path& path) {
    pugi::xml_document doc;
    REQUIRE(doc.load_file(path.c_str(), pugi::parse_default, pugi::encoding_utf8));
    std::size_t n = 0;
    for (pugi::xpath_node x : doc.select_nodes("//article[@data-name]")) {
        const char* cls = x.node().attribute("class").value();
        if (std::strcmp(cls, "legalArticle") == 0 || std::strcmp(cls, "futureLegalArticle") == 0) ++n;
    }
    return n;
}

const Section& section(const Law& law, std::string_view number) {
    const Section* s = law.find_section(number);
    REQUIRE_MESSAGE(s != nullptr, law.id << " § " << number);
    return *s;
}

}  // namespace

TEST_CASE("corpus: a minimal Lovdata document imports") {
    auto r = import_string(header() +
                           "<main class=\"documentBody\" id=\"dokument\"><section class=\"section\" data-name=\"kap1\">"
                           "<h2>Kapittel 1. Innledning</h2>"
                           "<article class=\"legalArticle\" data-name=\"§1-1a\"><h3 class=\"legalArticleHeader\">"
                           "<span class=\"legalArticleValue\">§ 1-1 a</span>. <span class=\"legalArticleTitle\">Formål</span></h3>"
                           "<article class=\"legalP\">Barn over 15 år har rett. Det gjelder <i>alle</i> <a href=\"x\">barn</a>."
                           "<sup class=\"footnotereference\">1</sup></article>"
                           "<article class=\"changesToParent\">Tilføyd ved lov 1 juni 2020 nr. 3 (ikr. 1 aug 2022).</article>"
                           "</article></section></main></body></html>",
                           ImportOptions{true});
    REQUIRE(r->law);
    const Law& law = *r->law;
    CHECK(law.id == "LOV-2000-01-01-1");
    CHECK(law.short_title == "Testloven");
    CHECK(law.abbreviation == "tl");
    CHECK(law.in_force == std::vector<Date>{*Date::parse("2001-01-01")});
    REQUIRE(law.divisions.size() == 1);
    CHECK(law.divisions[0].number == "1");
    CHECK(law.divisions[0].heading == "Kapittel 1. Innledning");
    const Section& s = section(law, "1-1a");
    CHECK(s.number == "1-1 a");
    CHECK(s.url_name == "§1-1a");
    CHECK(s.heading == "Formål");
    CHECK(s.chapter == "1");
    CHECK(s.in_force_from == Date::parse("2022-08-01"));
    REQUIRE(s.ledd.size() == 1);
    CHECK(s.ledd[0].text == "Barn over 15 år har rett. Det gjelder alle barn.");  // no footnote "1", no note
    CHECK(s.ledd[0].sentences == 2);
    REQUIRE(s.ledd[0].age_mentions.size() == 1);
    CHECK(s.ledd[0].age_mentions[0].age == 15);
    CHECK(s.hash.has_value());
    CHECK_FALSE(r->diags.has_errors());
}

TEST_CASE("corpus: malformed XML is an error with a line and column") {
    auto r = import_string(header() + "\n<main class=\"documentBody\">\n  <article class=\"legalP\">x</artcle>\n</main>");
    CHECK_FALSE(r->law);
    const Diagnostic* e = first_error(r->diags);
    REQUIRE(e);
    CHECK(e->kind == "lovdata");
    CHECK(e->message.find("malformed XML") != std::string::npos);
    REQUIRE(e->span.valid);
    const auto pos = r->sources.file(e->span.file).position(e->span.begin);
    CHECK(pos.line == 3);
    CHECK(pos.column > 1);
}

TEST_CASE("corpus: a DOCTYPE entity is neither expanded nor fetched") {
    const std::string xml =
        "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY big \"EXPANDED\">]>"
        "<html><body><header><dl class=\"data-document-key-info\">"
        "<dd class=\"legacyID\">LOV-2000-01-01-1</dd><dd class=\"title\">&xxe;&big;</dd></dl></header>"
        "<main class=\"documentBody\"><article class=\"legalArticle\" data-name=\"§1\">"
        "<article class=\"legalP\">Tekst &big; og &xxe;.</article></article></main></body></html>";
    auto r = import_string(xml, ImportOptions{true});
    REQUIRE(r->law);
    CHECK(r->law->title.find("EXPANDED") == std::string::npos);
    CHECK(r->law->title.find("root:") == std::string::npos);
    const Section& s = section(*r->law, "1");
    REQUIRE(s.ledd.size() == 1);
    CHECK(s.ledd[0].text.find("EXPANDED") == std::string::npos);
    CHECK(s.ledd[0].text.find("&big;") != std::string::npos);  // left as written
}

TEST_CASE("corpus: documents without the Lovdata structure give clear errors") {
    SUBCASE("no documentBody") {
        auto r = import_string(header() + "</body></html>");
        CHECK_FALSE(r->law);
        const Diagnostic* e = first_error(r->diags);
        REQUIRE(e);
        CHECK(e->message.find("documentBody") != std::string::npos);
    }
    SUBCASE("no legacyID") {
        auto r = import_string("<html><body><header><dl class=\"data-document-key-info\"></dl></header>"
                               "<main class=\"documentBody\"/></body></html>");
        CHECK_FALSE(r->law);
        REQUIRE(first_error(r->diags));
        CHECK(first_error(r->diags)->message.find("legacyID") != std::string::npos);
    }
    SUBCASE("not HTML at all") {
        auto r = import_string("<root><child/></root>");
        CHECK_FALSE(r->law);
        REQUIRE(first_error(r->diags));
    }
    SUBCASE("empty file") {
        auto r = import_string("");
        CHECK_FALSE(r->law);
        REQUIRE(first_error(r->diags));
        CHECK(first_error(r->diags)->message.find("empty") != std::string::npos);
    }
    SUBCASE("only white space") {
        auto r = import_string("  \n ");
        CHECK_FALSE(r->law);
        REQUIRE(first_error(r->diags));
    }
    SUBCASE("deeply nested elements do not crash") {
        std::string deep = header() + "<main class=\"documentBody\">";
        for (int i = 0; i < 5000; ++i) deep += "<div>";
        for (int i = 0; i < 5000; ++i) deep += "</div>";
        deep += "</main></body></html>";
        auto r = import_string(deep);
        CHECK(r->law);
    }
}

TEST_CASE("corpus: the path-only import writes the position into the message") {
    Diagnostics diags;
    auto law = import_lovdata("/nonexistent/lovsjekk/nl-19990702-063.xml", diags);
    CHECK_FALSE(law);
    CHECK(diags.has_errors());
}

// ---------------------------------------------------------------------------
// Real Lovdata files.

TEST_CASE("corpus: every shared Lovdata file imports with all its sections" * LOVSJEKK_NEEDS_SHARED) {
    // Measured on the files of ../shared/lovdata (SOURCES.md); the test also
    // recounts every file independently with pugixml, so a file added there
    // later is still checked, against that count alone.
    const std::map<std::string, std::size_t> expected = {
        {"nl-18140517-000.xml", 122}, {"nl-19670210-000.xml", 71},  {"nl-19770325-022.xml", 41},
        {"nl-19810408-007.xml", 122}, {"nl-19830603-054.xml", 37},  {"nl-19970619-062.xml", 19},
        {"nl-19990702-061.xml", 64},  {"nl-19990702-062.xml", 76},  {"nl-19990702-063.xml", 80},
        {"nl-19990702-064.xml", 102}, {"nl-20030704-084.xml", 91},  {"nl-20050520-028.xml", 397},
        {"nl-20050617-064.xml", 75},  {"nl-20060519-016.xml", 34},  {"nl-20060616-020.xml", 23},
        {"nl-20090619-044.xml", 15},  {"nl-20091218-131.xml", 56},  {"nl-20100326-009.xml", 102},
        {"nl-20110624-030.xml", 89},  {"nl-20200424-031.xml", 24},  {"nl-20201106-127.xml", 63},
        {"nl-20210618-097.xml", 183}, {"nl-20230609-030.xml", 202}, {"nl-20250620-079.xml", 0},
        {"sf-20001220-1554.xml", 7},  {"sf-20181019-1584.xml", 10}, {"sf-20220622-1110.xml", 13},
        {"sf-20250620-1182.xml", 14},
    };
    std::size_t known = 0;
    for (const auto& entry : std::filesystem::directory_iterator(*testing::shared_dir() / "lovdata")) {
        if (entry.path().extension() != ".xml") continue;
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        text::SourceManager sources;
        Diagnostics diags;
        auto law = import_lovdata(entry.path(), sources, diags);
        REQUIRE(law);
        CHECK_FALSE(diags.has_errors());
        CHECK(law->source == "lovdata");
        CHECK(law->id.rfind(name[0] == 's' ? "FOR-" : "LOV-", 0) == 0);
        CHECK(law->sections.size() == count_named_articles(entry.path()));
        if (expected.count(name) == 1) {
            ++known;
            CHECK(law->sections.size() == expected.at(name));
        } else {
            MESSAGE("no measured section count for " << name << "; checked against the XML's own count");
        }
        for (const Section& s : law->sections) {
            CAPTURE(s.number);
            CHECK(!s.number.empty());
            CHECK(law->find_section(s.number) == &s);  // numbers are unique
            for (std::size_t i = 0; i < s.ledd.size(); ++i) CHECK(s.ledd[i].number == static_cast<int>(i) + 1);
        }
    }
    CHECK(known == expected.size());  // every measured file is still there
}

TEST_CASE("corpus: header fields of real files" * LOVSJEKK_NEEDS_SHARED) {
    auto pbrl = import_shared("nl-19990702-063.xml");
    REQUIRE(pbrl->law);
    const Law& law = *pbrl->law;
    CHECK(law.id == "LOV-1999-07-02-63");
    CHECK(law.refid == "lov/1999-07-02-63");
    CHECK(law.short_title == "Pasient- og brukerrettighetsloven");
    CHECK(law.abbreviation == "pbrl");
    CHECK(law.ministry == "Helse- og omsorgsdepartementet");
    CHECK(law.in_force_text == "2001-01-01, 2001-07-01");
    CHECK(law.in_force.size() == 2);
    CHECK(law.last_change_in_force == Date::parse("2024-07-01"));
    CHECK(law.last_changed_by == "lov/2024-06-25-53 fra 2024-07-01");
    CHECK_FALSE(law.repealed);

    auto bvl = import_shared("nl-20210618-097.xml");
    REQUIRE(bvl->law);
    CHECK(bvl->law->in_force_text == "2023-01-01, 2023-07-01, Kongen bestemmer");
    CHECK(bvl->law->in_force_from() == Date::parse("2023-01-01"));

    auto regulation = import_shared("sf-20001220-1554.xml");
    REQUIRE(regulation->law);
    CHECK(regulation->law->id == "FOR-2000-12-20-1554");
    CHECK(regulation->law->refid == "forskrift/2000-12-20-1554");
    CHECK(regulation->law->abbreviation.empty());
    CHECK(regulation->law->based_on ==
          std::vector<std::string>{"lov/1999-07-02-61/§5-5", "lov/2001-06-15-93/§5", "lov/2001-06-15-93/§53"});

    auto amendment = import_shared("nl-20250620-079.xml");
    REQUIRE(amendment->law);
    CHECK(amendment->law->id == "LOV-2025-06-20-79");
    CHECK(amendment->law->sections.empty());
    CHECK(amendment->law->amends == std::vector<std::string>{"lov/2020-05-07-38"});
    CHECK(amendment->law->divisions.size() == 2);

    auto grunnloven = import_shared("nl-18140517-000.xml");
    REQUIRE(grunnloven->law);
    CHECK(grunnloven->law->abbreviation == "Grl.");
    CHECK(grunnloven->law->in_force_on(*Date::parse("2025-01-01")));  // no dateInForce in the file
}

TEST_CASE("corpus: named sections, ledd and points of real files" * LOVSJEKK_NEEDS_SHARED) {
    auto pbrl = import_shared("nl-19990702-063.xml");
    REQUIRE(pbrl->law);
    const Section& s43 = section(*pbrl->law, "4-3");
    CHECK(s43.heading == "Hvem som har samtykkekompetanse");
    CHECK(s43.chapter == "4");
    CHECK(s43.ledd.size() == 6);
    REQUIRE(s43.has_ledd(1));
    CHECK(s43.find_ledd(1)->has_point("b"));
    CHECK(s43.find_ledd(1)->points.size() == 3);
    CHECK_FALSE(s43.find_ledd(2)->has_point("a"));
    CHECK(s43.pending_change);  // "Endres ved lov 20 juni 2025 nr. 67"
    CHECK(section(*pbrl->law, "2-1 c").heading == "Pasientrettigheter i fastlegeordningen");
    CHECK(section(*pbrl->law, "2-1c").url_name == "§2-1c");
    CHECK(section(*pbrl->law, "4-6 a").number == "4-6 a");
    CHECK(section(*pbrl->law, "2-5 c").in_force_from == Date::parse("2022-08-01"));
    CHECK(section(*pbrl->law, "4A-1").chapter == "4A");
    const Section& repealed = section(*pbrl->law, "4-8");
    CHECK(repealed.repealed);
    CHECK(repealed.repealed_on == Date::parse("2009-01-01"));
    CHECK_FALSE(repealed.in_force_on(*Date::parse("2010-01-01")));
    CHECK(repealed.in_force_on(*Date::parse("2008-12-31")));

    auto bvl = import_shared("nl-20210618-097.xml");
    REQUIRE(bvl->law);
    CHECK(section(*bvl->law, "1-4").heading == "Barnets rett til medvirkning");
    CHECK(section(*bvl->law, "12-3").heading == "Barns partsrettigheter");
    const Section& s123a = section(*bvl->law, "12-3 a");
    CHECK(s123a.future);  // "Tilføyes ved lov 20 juni 2025 nr. 39 (i kraft fra den tid Kongen bestemmer)"
    CHECK_FALSE(s123a.in_force_on(*Date::parse("2026-01-01")));
    CHECK(s123a.ledd.empty());
    CHECK_FALSE(s123a.ledd_complete);  // Lovdata gives only the heading of a section to come
    CHECK(section(*bvl->law, "12-3").ledd_complete);
    CHECK(section(*bvl->law, "9A-1").chapter == "9A");

    auto oppl = import_shared("nl-20230609-030.xml");
    REQUIRE(oppl->law);
    const Section& s51 = section(*oppl->law, "5-1");
    CHECK(s51.heading == "Rett til vidaregåande opplæring");
    CHECK(s51.chapter == "5");
    REQUIRE(s51.division >= 0);
    const Division& chapter = oppl->law->divisions[static_cast<std::size_t>(s51.division)];
    CHECK(chapter.kind == Division::Kind::chapter);
    REQUIRE(chapter.parent >= 0);
    CHECK(oppl->law->divisions[static_cast<std::size_t>(chapter.parent)].kind == Division::Kind::part);

    auto bl = import_shared("nl-19810408-007.xml");
    REQUIRE(bl->law);
    for (const char* n : {"31", "32", "33"}) CHECK(bl->law->find_section(n));
    CHECK(section(*bl->law, "31").ledd.size() == 2);

    auto strl = import_shared("nl-20050520-028.xml");
    REQUIRE(strl->law);
    CHECK(section(*strl->law, "20").heading == "Skyldevne");
    CHECK(section(*strl->law, "52 a").number == "52 a");

    auto tannhl = import_shared("nl-19830603-054.xml");
    REQUIRE(tannhl->law);
    CHECK(section(*tannhl->law, "1-3").ledd.size() >= 1);
    CHECK(section(*tannhl->law, "1-4a").number == "1-4 a");
    // § 8-2 is a bare numbered list: one ledd with points 1–3.
    const Section& s82 = section(*tannhl->law, "8-2");
    REQUIRE(s82.ledd.size() == 1);
    CHECK(s82.ledd[0].has_point("nr. 2"));

    auto treaty = import_shared("nl-19770325-022.xml");
    REQUIRE(treaty->law);
    const Section& art2 = section(*treaty->law, "oas/a2");
    CHECK(art2.ledd.size() == 2);  // numberedLegalP
    CHECK(section(*treaty->law, "1").chapter.empty());  // Del A is a part, not a chapter

    auto phvl = import_shared("nl-19990702-062.xml");
    REQUIRE(phvl->law);
    CHECK(section(*phvl->law, "4A-1").chapter == "4A");  // outermost chapter, not "I"
    CHECK(section(*phvl->law, "2-3").repealed_on == Date::parse("2007-01-01"));
}

TEST_CASE("corpus: words do not run together across inline elements" * LOVSJEKK_NEEDS_SHARED) {
    // nl-20060616-020.xml § 18: "…<a>arbeidsmarkedsloven,</a> <a>folketrygdloven</a>…"
    auto navl = import_shared("nl-20060616-020.xml", ImportOptions{true});
    REQUIRE(navl->law);
    const Section& s18 = section(*navl->law, "18");
    REQUIRE(s18.has_ledd(1));
    CHECK(s18.ledd[0].text.find("arbeidsmarkedsloven, folketrygdloven") != std::string::npos);
    CHECK(s18.ledd[0].text.find("arbeidsmarkedsloven,folketrygdloven") == std::string::npos);
}

TEST_CASE("corpus: age mentions in real provisions" * LOVSJEKK_NEEDS_SHARED) {
    auto pbrl = import_shared("nl-19990702-063.xml");
    REQUIRE(pbrl->law);
    // § 4-3 first ledd: (a) "over 18 år", (b) "mellom 16 og 18 år", (c) "mellom 12 og 16 år".
    const Ledd& l1 = *section(*pbrl->law, "4-3").find_ledd(1);
    CHECK(l1.age_mentions.empty());  // the opening words carry no age
    const Point& a = *l1.find_point("a");
    REQUIRE(a.age_mentions.size() == 1);
    CHECK(a.age_mentions[0].age == 18);
    CHECK(a.age_mentions[0].wording == AgeWording::over);
    const Point& b = *l1.find_point("b");
    REQUIRE(b.age_mentions.size() == 1);
    CHECK(b.age_mentions[0].age == 16);
    CHECK(b.age_mentions[0].age2 == 18);
    CHECK(b.age_mentions[0].wording == AgeWording::mellom);
    CHECK(b.age_mentions[0].phrase == "mellom 16 og 18 år");
    const auto all = l1.all_age_mentions();
    CHECK(std::any_of(all.begin(), all.end(), [](const AgeMention& m) { return m.age == 16; }));
    // § 4-3 sixth ledd: "personen er under 12 år".
    const Ledd& l6 = *section(*pbrl->law, "4-3").find_ledd(6);
    REQUIRE(l6.age_mentions.size() == 1);
    CHECK(l6.age_mentions[0].wording == AgeWording::under);
    CHECK(l6.age_mentions[0].age == 12);

    auto bl = import_shared("nl-19810408-007.xml");
    REQUIRE(bl->law);
    const Ledd& bl31 = *section(*bl->law, "31").find_ledd(2);
    REQUIRE(bl31.age_mentions.size() == 2);
    CHECK(bl31.age_mentions[0].age == 7);  // "fylt sju år"
    CHECK(bl31.age_mentions[0].wording == AgeWording::fylt);
    CHECK(bl31.age_mentions[1].age == 12);
    CHECK(bl31.sentences == 3);
}

TEST_CASE("amendment notes: the acts, their kind, in-force date and tense") {
    using lovsjekk::corpus::Amendment;
    using lovsjekk::corpus::read_amendments;
    const auto notes = read_amendments(
        "Tilføyd ved lov 24 juni 2011 nr. 30 (ikr. 1 jan 2012 iflg. res. 16 des 2011 nr. 1252), endret ved lover "
        "21 juni 2013 nr. 79 (ikr. 1 nov 2015 iflg. res. 30 okt 2015 nr. 1240), 22 juni 2012 nr. 46. "
        "Endres ved lov 20 juni 2025 nr. 67 (i kraft 1 juni 2026 iflg. res. 20 juni 2025 nr. 1109).");
    REQUIRE(notes.size() == 4);
    CHECK(notes[0].kind == Amendment::Kind::added);
    CHECK(notes[0].act == "LOV-2011-06-24-30");
    CHECK(notes[0].in_force->iso() == "2012-01-01");
    CHECK(!notes[0].pending);
    CHECK(notes[1].kind == Amendment::Kind::changed);
    CHECK(notes[1].act == "LOV-2013-06-21-79");
    CHECK(notes[1].in_force->iso() == "2015-11-01");
    CHECK(notes[2].act == "LOV-2012-06-22-46");
    CHECK(!notes[2].in_force);  // the note names no date
    CHECK(notes[3].act == "LOV-2025-06-20-67");
    CHECK(notes[3].pending);
    CHECK(notes[3].in_force->iso() == "2026-06-01");
    // The royal resolutions inside the parentheses are no amendments.
    for (const auto& a : notes) CHECK(a.act.rfind("FOR-", 0) != 0);
}

TEST_CASE("amendment notes: a change of the amending act gives the act its date, and no entry of its own") {
    const auto notes = lovsjekk::corpus::read_amendments(
        "Endret ved lov 11 juni 2021 nr. 78 som endret ved lov 10 juni 2022 nr. 39 (i kraft 1 aug 2022 iflg. res. "
        "20 mai 2022 nr. 871).");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].act == "LOV-2021-06-11-78");
    CHECK(notes[0].in_force->iso() == "2022-08-01");
}

TEST_CASE("amendment notes: the acts after a change of the amending act are the section's again") {
    // vergemålsloven § 41 (Lovdata-teksten av 2025-11-08).
    const auto vgml = lovsjekk::corpus::read_amendments(
        "Endret ved lover 14 juni 2019 nr. 21 (ikr. 1 jan 2021 iflg. res. 28 feb 2020 nr. 200) som endret ved lov "
        "18 des 2020 nr. 149, 7 mai 2021 nr. 34 (ikr. 1 juni 2021 iflg. res. 7 mai 2021 nr. 1416).");
    REQUIRE(vgml.size() == 2);
    CHECK(vgml[0].act == "LOV-2019-06-14-21");
    CHECK(vgml[0].in_force->iso() == "2021-01-01");
    CHECK(vgml[1].act == "LOV-2021-05-07-34");
    CHECK(vgml[1].kind == lovsjekk::corpus::Amendment::Kind::changed);
    CHECK(vgml[1].in_force->iso() == "2021-06-01");
    // pasient- og brukerrettighetsloven § 4-3: the 2017 act, then the pending one.
    const auto pbrl = lovsjekk::corpus::read_amendments(
        "Endret ved lover 30 juni 2006 nr. 45 (ikr. 1 jan 2007 iflg. res. 15 des 2006 nr. 1422), 26 mars 2010 nr. 9 "
        "(ikr. 1 juli 2013 iflg. res. 5 apr 2013 nr. 338) som endret ved lov 5 apr 2013 nr. 12, 16 juni 2017 nr. 53 "
        "(ikr. 1 jan 2018 iflg. res. 8 des 2017 nr. 1951). Endres ved lov 20 juni 2025 nr. 67 (i kraft 1 juni 2026 "
        "iflg. res. 20 juni 2025 nr. 1109).");
    REQUIRE(pbrl.size() == 4);
    CHECK(pbrl[1].act == "LOV-2010-03-26-9");
    CHECK(pbrl[2].act == "LOV-2017-06-16-53");
    CHECK(pbrl[2].in_force->iso() == "2018-01-01");
    CHECK(!pbrl[2].pending);
    CHECK(pbrl[3].pending);
}

TEST_CASE("corpus: a section's start is its addition's date, however the later notes write theirs") {
    // "Tilføyd ved lov 20 des 2016 nr. 105 (i kraft 1 jan 2017), endret ved lov 18 des 2020 nr. 142 (ikr. 1 jan 2021 …)"
    auto sotjl = import_shared("nl-20091218-131.xml");
    REQUIRE(sotjl->law);
    CHECK(section(*sotjl->law, "20 a").in_force_from == Date::parse("2017-01-01"));
    // "Tilføyd ved lov 27 mai 1977 nr. 40 (i kraft 1 jan 1978 …), endret ved lov 17 des 2010 nr. 85 (ikr. 17 des 2010 …)"
    auto fvl = import_shared("nl-19670210-000.xml");
    REQUIRE(fvl->law);
    CHECK(section(*fvl->law, "13 a").in_force_from == Date::parse("1978-01-01"));
    CHECK(section(*fvl->law, "13 b").in_force_from == Date::parse("1978-01-01"));
}

TEST_CASE("amendment notes: repeal, future addition and a date left to the King") {
    using lovsjekk::corpus::Amendment;
    const auto notes = lovsjekk::corpus::read_amendments(
        "Opphevet ved lov 25 juni 2024 nr. 53 (i kraft 1 juli 2026). Tilføyes ved lov 20 juni 2025 nr. 39 "
        "(i kraft fra den tid Kongen bestemmer).");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].kind == Amendment::Kind::repealed);
    CHECK(notes[1].kind == Amendment::Kind::added);
    CHECK(notes[1].pending);
    CHECK(!notes[1].in_force);
}
