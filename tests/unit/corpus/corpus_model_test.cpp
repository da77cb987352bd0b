// The statute index model: section numbers, lookups, in-force dates, the
// replacement map. No files needed.
#include "corpus/corpus.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;
using namespace lovsjekk::corpus;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

Law sample_law() {
    Law law;
    law.id = "LOV-1999-07-02-63";
    law.refid = "lov/1999-07-02-63";
    law.abbreviation = "pbrl";
    law.short_title = "Pasient- og brukerrettighetsloven";
    law.in_force = {d("2001-07-01"), d("2001-01-01")};
    for (const char* n : {"1-1", "2-1 b", "2-1 c", "2-5", "3-4", "4-3", "4-4", "4-5 a", "4A-1", "31"}) {
        Section s;
        s.number = n;
        Ledd l;
        l.number = 1;
        Point a;
        a.label = "a";
        Point b;
        b.label = "b";
        l.points = {a, b};
        s.ledd.push_back(l);
        law.sections.push_back(s);
    }
    return law;
}

}  // namespace

TEST_CASE("corpus: section numbers are normalised the way statutes write them") {
    CHECK(normalise_section_number("§2-1c") == "2-1 c");
    CHECK(normalise_section_number("§ 2-1 c") == "2-1 c");
    CHECK(normalise_section_number("§4-3") == "4-3");
    CHECK(normalise_section_number("§4A-6a") == "4A-6 a");
    CHECK(normalise_section_number("§4A-1") == "4A-1");
    CHECK(normalise_section_number("§9A-1") == "9A-1");
    CHECK(normalise_section_number("§13a-4") == "13a-4");
    CHECK(normalise_section_number("§120a") == "120 a");
    CHECK(normalise_section_number("§31") == "31");
    CHECK(normalise_section_number("§ 31.") == "31");
    CHECK(normalise_section_number("§1-3A") == "1-3 a");
    CHECK(normalise_section_number("oas/a2") == "oas/a2");
}

TEST_CASE("corpus: section lookup is tolerant of spacing, case and the section sign") {
    const Law law = sample_law();
    REQUIRE(law.find_section("2-1c") != nullptr);
    CHECK(law.find_section("2-1c")->number == "2-1 c");
    CHECK(law.find_section("2-1 C") == law.find_section("§ 2-1 c"));
    CHECK(law.find_section(" 31 ") != nullptr);
    CHECK(law.find_section("§31") != nullptr);
    CHECK(law.find_section("4a-1") != nullptr);
    CHECK(law.find_section("2-1") == nullptr);
    CHECK(law.find_section("") == nullptr);
    CHECK(same_section_number("§ 4-5 a", "4-5a"));
    CHECK_FALSE(same_section_number("4-5", "4-5a"));
}

TEST_CASE("corpus: the section key is equal exactly when the numbers are the same section") {
    const std::vector<std::string> numbers = {"§ 4-5 a", "4-5a", "4-5 A", "4-5", "§ 31.", "31", "31 ", "3.1",
                                              "§§ 2", "2", "oas/a2", "OAS/A2", "4A-1", "4a-1", "", "\t§ 12 "};
    for (const auto& a : numbers)
        for (const auto& b : numbers) {
            CAPTURE(a);
            CAPTURE(b);
            CHECK((section_number_key(a) == section_number_key(b)) == same_section_number(a, b));
        }
}

TEST_CASE("corpus: the indexed section lookup finds what a scan of numbers, then url names, finds") {
    // The scan find_section replaced: the first number that matches, else the
    // first non-empty url_name.
    auto scan = [](const Law& law, std::string_view number) -> const Section* {
        for (const Section& s : law.sections)
            if (same_section_number(s.number, number)) return &s;
        for (const Section& s : law.sections)
            if (!s.url_name.empty() && same_section_number(s.url_name, number)) return &s;
        return nullptr;
    };
    Law law;
    const std::vector<std::pair<std::string, std::string>> sections = {
        {"1", ""}, {"2 a", "§2a"}, {"2", "oas/a2"}, {"3", "§2"}, {"2 A", ""}, {"4", "oas/a2"}, {"5", "  "},
        {"", "§6"}, {"7.", "§ 7"}};
    for (const auto& [number, url_name] : sections) {
        Section s;
        s.number = number;
        s.url_name = url_name;
        law.sections.push_back(s);
    }
    for (const char* q : {"1", "2", "2a", "2 a", "§ 2 A", "oas/a2", "OAS/A2", "3", "6", "§ 6", "7", "7.", "8", "",
                          " ", "§"}) {
        CAPTURE(q);
        CHECK(law.find_section(q) == scan(law, q));
    }
    // The first equal number wins over a later one and over every url_name.
    CHECK(law.find_section("2a") == &law.sections[1]);
    CHECK(law.find_section("2") == &law.sections[2]);
    CHECK(law.find_section("oas/a2") == &law.sections[2]);

    // A section added after a lookup is found; a copy looks up in its own sections.
    Section added;
    added.number = "8";
    law.sections.push_back(added);
    REQUIRE(law.find_section("8") != nullptr);
    CHECK(law.find_section("8") == &law.sections.back());
    const Law copy = law;
    CHECK(copy.find_section("8") == &copy.sections.back());
    CHECK(copy == law);
    // A section renumbered in place is not found under its old number.
    law.sections[0].number = "1 b";
    CHECK(law.find_section("1") == nullptr);
}

TEST_CASE("corpus: ledd and point lookups") {
    const Law law = sample_law();
    const Section* s = law.find_section("4-3");
    REQUIRE(s);
    CHECK(s->has_ledd(1));
    CHECK_FALSE(s->has_ledd(2));
    CHECK_FALSE(s->has_ledd(0));
    const Ledd* l = s->find_ledd(1);
    REQUIRE(l);
    CHECK(l->has_point("b"));
    CHECK(l->has_point("b."));
    CHECK(l->has_point("B"));
    CHECK_FALSE(l->has_point("c"));
}

TEST_CASE("corpus: nearest sections suggest close numbers first") {
    const Law law = sample_law();
    const auto near = law.nearest_sections("4-6");
    // One edit away first (4-4, then 4-3, numerically further), then 4-5 a.
    CHECK(near == std::vector<std::string>{"4-4", "4-3", "4-5 a"});
    CHECK(law.nearest_sections("2-1d", 1) == std::vector<std::string>{"2-1 c"});
    CHECK(law.nearest_sections("4-3", 10).size() == 10);
    CHECK(Law{}.nearest_sections("1").empty());
}

TEST_CASE("corpus: in force uses the earliest date and the repeal date is the first day out") {
    Law law = sample_law();
    CHECK_FALSE(law.in_force_on(d("2000-12-31")));
    CHECK(law.in_force_on(d("2001-01-01")));
    CHECK(law.in_force_from() == d("2001-01-01"));
    law.repealed = d("2023-01-01");
    CHECK(law.in_force_on(d("2022-12-31")));
    CHECK_FALSE(law.in_force_on(d("2023-01-01")));

    Law pending;
    pending.in_force_text = "Kongen bestemmer";
    CHECK(pending.awaiting_in_force());
    CHECK_FALSE(pending.in_force_on(d("2030-01-01")));
}

TEST_CASE("corpus: a section's own status") {
    Section s;
    CHECK(s.in_force_on(d("1990-01-01")));
    s.in_force_from = d("2022-08-01");
    CHECK_FALSE(s.in_force_on(d("2022-07-31")));
    CHECK(s.in_force_on(d("2022-08-01")));
    Section repealed;
    repealed.repealed = true;
    CHECK_FALSE(repealed.in_force_on(d("2000-01-01")));  // date unknown: not in force
    repealed.repealed_on = d("2007-01-01");
    CHECK(repealed.in_force_on(d("2006-12-31")));
    CHECK_FALSE(repealed.in_force_on(d("2007-01-01")));
    Section future;
    future.future = true;
    CHECK_FALSE(future.in_force_on(d("2100-01-01")));
    future.in_force_from = d("2026-06-01");
    CHECK(future.in_force_on(d("2026-06-01")));
}

TEST_CASE("corpus: the corpus finds laws by id, refid and name, and maps replacements") {
    Corpus c;
    c.add(sample_law());
    Law old;
    old.id = "LOV-1998-07-17-61";
    old.short_title = "Opplæringslova";
    old.in_force = {d("1999-08-01")};
    old.repealed = d("2024-08-01");
    c.add(old);
    Law current;
    current.id = "LOV-2023-06-09-30";
    current.short_title = "Opplæringslova";
    current.in_force = {d("2024-08-01")};
    c.add(current);

    CHECK(c.size() == 3);
    CHECK(c.find("LOV-1999-07-02-63") != nullptr);
    CHECK(c.find("lov-1999-07-02-63") == c.find("LOV-1999-07-02-63"));
    CHECK(c.find("lov/1999-07-02-63") == c.find("LOV-1999-07-02-63"));
    CHECK(c.find("LOV-1999-07-02-64") == nullptr);
    CHECK(c.find_by_name("PBRL") == c.find("LOV-1999-07-02-63"));
    CHECK(c.find_by_name("opplæringslova") == c.find("LOV-2023-06-09-30"));
    CHECK(c.find_by_name("OPPLÆRINGSLOVA") == c.find("LOV-2023-06-09-30"));
    REQUIRE(c.laws().size() == 3);
    CHECK(c.laws()[0]->id == "LOV-1998-07-17-61");

    c.add_replacement({"LOV-1998-07-17-61", "3-1", "LOV-2023-06-09-30", "5-1", "checked"});
    CHECK(c.replacements_for("LOV-1998-07-17-61", "§ 3-1").size() == 1);
    CHECK(c.replacements_for("lov/1998-07-17-61", "3-1").size() == 1);
    CHECK(c.replacements_for("LOV-1998-07-17-61", "3-2").empty());

    CHECK_FALSE(c.find("LOV-1998-07-17-61")->in_force_on(d("2024-08-01")));
    CHECK(c.assume_in_force("LOV-2023-06-09-30", d("2020-01-01")));
    CHECK(c.find("LOV-2023-06-09-30")->in_force_on(d("2020-01-01")));
    CHECK_FALSE(c.assume_in_force("LOV-1900-01-01-1", d("2020-01-01")));
}
