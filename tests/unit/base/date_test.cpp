#include "base/date.hpp"

#include <doctest/doctest.h>

using lovsjekk::Date;

TEST_CASE("dates parse only when the day exists") {
    CHECK(Date::parse("2024-02-29").has_value());
    CHECK(!Date::parse("2023-02-29").has_value());
    CHECK(!Date::parse("2023-02-30").has_value());
    CHECK(!Date::parse("2023-13-01").has_value());
    CHECK(!Date::parse("2023-1-01").has_value());
    CHECK(!Date::parse("abcd-ef-gh").has_value());
    CHECK(Date::parse("2022-07-31")->iso() == "2022-07-31");
}

TEST_CASE("dates order and count days") {
    const Date a = *Date::parse("2022-07-31"), b = *Date::parse("2022-08-01");
    CHECK(a < b);
    CHECK(b.days() - a.days() == 1);
    CHECK(Date::from_ymd(1970, 1, 1).days() == 0);
}

TEST_CASE("birthdays and completed years") {
    const Date born = *Date::parse("2010-12-20");
    CHECK(lovsjekk::age_on(born, *Date::parse("2026-11-22")) == 15);
    CHECK(lovsjekk::age_on(born, *Date::parse("2026-12-20")) == 16);
    CHECK(born.add_years(16).iso() == "2026-12-20");
    // A leap-day child turns a year older on 1 March in common years.
    CHECK(Date::parse("2008-02-29")->add_years(16).iso() == "2024-02-29");
    CHECK(Date::parse("2008-02-29")->add_years(15).iso() == "2023-03-01");
}

TEST_CASE("months: a day the month lacks moves to the 1st of the next") {
    // Born 31 August: six months have passed on 1 March, in common and leap years alike.
    CHECK(Date::parse("2025-08-31")->add_months(6).iso() == "2026-03-01");
    CHECK(Date::parse("2023-08-31")->add_months(6).iso() == "2024-03-01");
    CHECK(Date::parse("2025-08-28")->add_months(6).iso() == "2026-02-28");
    CHECK(Date::parse("2025-01-31")->add_months(1).iso() == "2025-03-01");
    CHECK(Date::parse("2025-11-15")->add_months(2).iso() == "2026-01-15");
    CHECK(Date::parse("2026-01-15")->add_months(-2).iso() == "2025-11-15");
    // Twelve months are a year, 29 February included.
    CHECK(Date::parse("2008-02-29")->add_months(12 * 15) == Date::parse("2008-02-29")->add_years(15));
}
