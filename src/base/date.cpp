#include "base/date.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace lovsjekk {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil { int y; unsigned m; unsigned d; };

Civil civil_from_days(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
    static constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

}  // namespace

bool Date::valid_ymd(int year, unsigned month, unsigned day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
    return from_days(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        auto first = text.data() + pos;
        auto [ptr, ec] = std::from_chars(first, first + len, out);
        return ec == std::errc{} && ptr == first + len;
    };
    int y = 0, m = 0, d = 0;
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
    if (m < 1 || d < 1 || !valid_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
        return std::nullopt;
    return from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Date Date::today() {
    using namespace std::chrono;
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return from_days(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

int Date::year() const { return civil_from_days(days_).y; }
unsigned Date::month() const { return civil_from_days(days_).m; }
unsigned Date::day() const { return civil_from_days(days_).d; }

std::string Date::iso() const {
    const Civil c = civil_from_days(days_);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
    return buf;
}

Date Date::add_years(int years) const {
    const Civil c = civil_from_days(days_);
    const int y = c.y + years;
    if (c.m == 2 && c.d == 29 && !is_leap(y)) return from_ymd(y, 3, 1);
    return from_ymd(y, c.m, c.d);
}

Date Date::add_months(int months) const {
    const Civil c = civil_from_days(days_);
    const int index = c.y * 12 + static_cast<int>(c.m) - 1 + months;
    const int y = index >= 0 ? index / 12 : (index - 11) / 12;
    const auto m = static_cast<unsigned>(index - y * 12 + 1);
    if (c.d > days_in_month(y, m)) return m == 12 ? from_ymd(y + 1, 1, 1) : from_ymd(y, m + 1, 1);
    return from_ymd(y, m, c.d);
}

int age_on(Date born, Date on) {
    const Civil b = civil_from_days(born.days());
    const Civil o = civil_from_days(on.days());
    int age = o.y - b.y;
    if (o.m < b.m || (o.m == b.m && o.d < b.d)) --age;
    // A leap-day child in a common year reaches the birthday on 1 March.
    return age;
}

}  // namespace lovsjekk
