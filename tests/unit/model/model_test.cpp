#include "model/model.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;
using namespace lovsjekk::model;

TEST_CASE("bounds reach their dates by basis") {
    const Date born = *Date::parse("2007-10-15");
    CHECK(Bound{18, Wording::fylt}.date_for(born).iso() == "2025-10-15");
    CHECK(Bound{19, Wording::fra_aaret}.date_for(born).iso() == "2026-01-01");
    CHECK(Bound{28, Wording::til_og_med_aaret}.date_for(born).iso() == "2036-01-01");
    // The school year that starts in the year she turns 24 ends 31 July the next year.
    CHECK(Bound{24, Wording::ut_skoleaaret}.date_for(born).iso() == "2032-08-01");
    CHECK(Bound{6, Wording::fra_skoleaaret}.date_for(born).iso() == "2013-08-01");
}

TEST_CASE("the window of an age in months: the 6-month birthday of a child born 31 August") {
    const Date born = *Date::parse("2025-08-31");
    const Bound six_months{6, Wording::til, AgeUnit::months};
    // 28 February is her last day under six months; from 1 March she is six months old.
    CHECK(six_months.date_for(born).iso() == "2026-03-01");
    AgeInterval a;
    a.to = six_months;
    CHECK(a.covers(born, *Date::parse("2026-02-28")));
    CHECK_FALSE(a.covers(born, *Date::parse("2026-03-01")));
    // The same in a leap year: 29 February is still before the day.
    CHECK(six_months.date_for(*Date::parse("2023-08-31")).iso() == "2024-03-01");
    // Compared with ages in years: six months is half of the first year.
    CHECK(six_months.nominal_months() == 6);
    CHECK(Bound{2, Wording::fra, AgeUnit::months}.nominal_years() == 0);
    CHECK(six_months.nominal_years() == 1);  // "til 6 måneder" is within age 0
    CHECK(Bound{1, Wording::fylt}.nominal_months() == 12);
    // Days: rounded outwards to whole months.
    CHECK(Bound{14, Wording::fra, AgeUnit::days}.nominal_months() == 0);
    CHECK(Bound{14, Wording::til, AgeUnit::days}.nominal_months() == 1);
    CHECK(Bound{14, Wording::fra, AgeUnit::days}.date_for(born).iso() == "2025-09-14");
    CHECK(bound_text(six_months) == "til 6 måneder");
    CHECK(bound_text(Bound{1, Wording::fra, AgeUnit::months}) == "fra 1 måned");
    CHECK(bound_text(Bound{16, Wording::over}) == "over 16 år");
}

TEST_CASE("an interval covers a child on a day") {
    AgeInterval a;
    a.from = Bound{16, Wording::over};
    a.to = Bound{18, Wording::under};
    const Date born = *Date::parse("2010-12-20");
    CHECK(!a.covers(born, *Date::parse("2026-12-19")));
    CHECK(a.covers(born, *Date::parse("2026-12-20")));
    CHECK(a.covers(born, *Date::parse("2028-12-19")));
    CHECK(!a.covers(born, *Date::parse("2028-12-20")));
    CHECK(a.basis() == Basis::birthday);
}

TEST_CASE("validity and pending laws") {
    Validity v{Date::parse("1993-01-01"), Date::parse("2022-12-31"), false};
    CHECK(v.in_force_on(*Date::parse("2022-12-31")));
    CHECK(!v.in_force_on(*Date::parse("2023-01-01")));
    Validity pending{std::nullopt, std::nullopt, true};
    CHECK(!pending.in_force_on(*Date::parse("2026-11-22")));
    CHECK(pending.in_force_on(*Date::parse("2026-11-22"), true));
}

TEST_CASE("citations print the way lawyers write them") {
    Citation c;
    c.law = "pbrl";
    c.section = "4-3";
    c.ledd = 1;
    c.letter = "b";
    CHECK(c.text() == "pbrl § 4-3 første ledd bokstav b");
    CHECK(c.short_text() == "pbrl § 4-3");
}

TEST_CASE("an incorporated act's article prints as written, its first nr. kept as a ledd") {
    // The statute index names the article "gdpr/a8"; the rules write "gdpr art. 8".
    CHECK(article_section("gdpr", "8") == "gdpr/a8");
    CHECK(is_article_section("gdpr/a8"));
    CHECK(!is_article_section("4-3"));
    CHECK(!is_article_section("/a8"));
    CHECK(place_text("gdpr/a8") == "gdpr art. 8");
    CHECK(place_text("2-1 c") == "§ 2-1 c");
    Citation c;
    c.law = "popplyl";
    c.section = "gdpr/a8";
    c.ledd = 1;
    c.punktum = 2;
    CHECK(c.short_text() == "popplyl gdpr art. 8");
    CHECK(c.text() == "popplyl gdpr art. 8 nr. 1 andre punktum");
}
