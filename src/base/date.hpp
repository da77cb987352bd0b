// Calendar dates (proleptic Gregorian), the unit in which statutes come into
// and go out of force and in which children have birthdays.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lovsjekk {

/// A calendar date stored as days since 1970-01-01, so that comparison and
/// difference are plain integer operations.
class Date {
public:
    constexpr Date() = default;
    static Date from_ymd(int year, unsigned month, unsigned day);
    static constexpr Date from_days(std::int32_t days) { Date d; d.days_ = days; return d; }

    /// Parses `YYYY-MM-DD`; nullopt for malformed text or a day the month lacks (2023-02-30).
    static std::optional<Date> parse(std::string_view text);
    static bool valid_ymd(int year, unsigned month, unsigned day);
    static Date today();

    int year() const;
    unsigned month() const;
    unsigned day() const;
    constexpr std::int32_t days() const { return days_; }
    std::string iso() const;

    /// The date `years` later on the same month and day; 29 February moves to
    /// 1 March in common years (the Norwegian reading of "fylt N år" for
    /// children born on a leap day).
    Date add_years(int years) const;
    /// The date `months` later on the same day of the month; a day the
    /// month lacks (31 August + 6 months) moves to the 1st of the next
    /// month, as 29 February does in add_years: the age is reached when the
    /// whole months have passed.
    Date add_months(int months) const;
    Date add_days(std::int32_t n) const { return from_days(days_ + n); }

    friend constexpr auto operator<=>(Date, Date) = default;

private:
    std::int32_t days_ = 0;
};

/// Whole years a person born on `born` has completed on `on`.
int age_on(Date born, Date on);

}  // namespace lovsjekk
