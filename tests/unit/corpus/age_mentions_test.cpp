// The age-phrase scanner on short bokmål and nynorsk phrases.
#include "corpus/age_mentions.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk::corpus;

namespace {

AgeMention only(std::string_view text) {
    const auto found = find_age_mentions(text);
    REQUIRE_MESSAGE(found.size() == 1, text);
    return found[0];
}

}  // namespace

TEST_CASE("corpus: age phrases with a birthday wording") {
    auto m = only("Når barnet er fylt 7 år, skal det få si sin mening.");
    CHECK(m.age == 7);
    CHECK(m.wording == AgeWording::fylt);
    CHECK(m.phrase == "er fylt 7 år");
    CHECK_FALSE(m.negated);

    m = only("Eit barn som er fylt sju år, og yngre barn");
    CHECK(m.age == 7);
    CHECK(m.phrase == "er fylt sju år");

    m = only("Personer som har fylt 15 år, kan melde seg inn");
    CHECK(m.age == 15);
    CHECK(m.phrase == "har fylt 15 år");

    m = only("frem til barnet fyller 18 år");
    CHECK(m.wording == AgeWording::fylt);
    CHECK(m.phrase == "fyller 18 år");

    m = only("som har fylt 18");
    CHECK(m.age == 18);
    CHECK(m.phrase == "har fylt 18");

    const auto both = find_age_mentions("har fylt 18 år og ikke har fylt 29 år");
    REQUIRE(both.size() == 2);
    CHECK(both[1].age == 29);
    CHECK(both[1].negated);
    CHECK(both[1].phrase == "ikke har fylt 29 år");
}

TEST_CASE("corpus: an age in months, weeks or days is no age in years") {
    CHECK(find_age_mentions("før barnet fyller seks måneder").empty());
    CHECK(find_age_mentions("når barnet har fylt 6 månader").empty());
    CHECK(find_age_mentions("til barnet fyller to uker").empty());
    CHECK(find_age_mentions("før barnet har fylt 14 dager").empty());
    // The year beside it is still found.
    const auto m = only("når barnet fyller seks måneder, og senest når det fyller ett år");
    CHECK(m.age == 1);
    CHECK(m.phrase == "fyller ett år");
}

TEST_CASE("corpus: over, under and between") {
    auto m = only("personer over 18 år, med mindre annet følger av § 4-7");
    CHECK(m.wording == AgeWording::over);
    CHECK(m.age == 18);
    CHECK(m.phrase == "over 18 år");

    m = only("Barn under femten år");
    CHECK(m.wording == AgeWording::under);
    CHECK(m.age == 15);

    m = only("personer mellom 16 og 18 år, med mindre");
    CHECK(m.wording == AgeWording::mellom);
    CHECK(m.age == 16);
    CHECK(m.age2 == 18);
    CHECK(m.phrase == "mellom 16 og 18 år");

    CHECK(find_age_mentions("over 50 prosent").empty());
    CHECK(find_age_mentions("fylt ut skjemaet").empty());
    CHECK(find_age_mentions("").empty());
}

TEST_CASE("corpus: calendar-year and school-year wordings") {
    auto m = only("frå og med det året dei fyller 25 år");
    CHECK(m.wording == AgeWording::calendar_year);
    CHECK(m.age == 25);
    CHECK(m.phrase == "det året dei fyller 25 år");

    m = only("ut det skoleåret som tek til det året ein fyller 24 år");
    CHECK(m.wording == AgeWording::school_year);
    CHECK(m.age == 24);
    CHECK(m.phrase == "skoleåret som tek til det året ein fyller 24 år");

    m = only("til og med det året barnet fyller 12 år");
    CHECK(m.wording == AgeWording::calendar_year);

    const auto two = find_age_mentions("Unge voksne fra året de fyller 19 til og med året de fyller 28 år");
    REQUIRE(two.size() == 2);
    CHECK(two[0].age == 19);
    CHECK(two[0].wording == AgeWording::calendar_year);
    CHECK(two[0].phrase == "året de fyller 19");
    CHECK(two[1].age == 28);
    CHECK(two[1].phrase == "året de fyller 28 år");

    // A full stop ends the look-back: the year belongs to another sentence.
    m = only("Dette gjeld for året. Barnet som fyller 18 år");
    CHECK(m.wording == AgeWording::fylt);
}

TEST_CASE("corpus: a limit at the year's end is a calendar-year age") {
    // folketrygdloven § 3-16 første ledd bokstav a (Lovdata-teksten av
    // 2025-11-08): through the year the child turns 5.
    auto m = only("Medlemmet har minst halve året hatt den daglige omsorgen for et barn som ikke har fylt seks år "
                  "innen årets utgang.");
    CHECK(m.wording == AgeWording::calendar_year);
    CHECK(m.age == 5);
    CHECK_FALSE(m.negated);
    CHECK(m.phrase == "ikke har fylt seks år innen årets utgang");

    // folketrygdloven § 23-2: "før utgangen av inntektsåret", the same limit.
    m = only("for privat pass av barn som ikke har fylt 12 år før utgangen av inntektsåret, eller som har særlig "
             "behov");
    CHECK(m.wording == AgeWording::calendar_year);
    CHECK(m.age == 11);
    CHECK(m.phrase == "ikke har fylt 12 år før utgangen av inntektsåret");

    // skatteloven § 2-30: "ved utgangen av inntektsåret".
    m = only("samt disses felles barn som ikke er fylt 20 år ved utgangen av inntektsåret");
    CHECK(m.age == 19);
    CHECK(m.wording == AgeWording::calendar_year);

    // valgloven § 2-1 første ledd: the second phrase holds from the year one
    // turns 18; the first is a plain birthday.
    const auto vote = find_age_mentions(
        "Norske statsborgere som har fylt 18 år eller fyller 18 år innen utgangen av valgåret, har stemmerett");
    REQUIRE(vote.size() == 2);
    CHECK(vote[0].wording == AgeWording::fylt);
    CHECK(vote[0].age == 18);
    CHECK(vote[1].wording == AgeWording::calendar_year);
    CHECK(vote[1].age == 18);
    CHECK(vote[1].phrase == "fyller 18 år innen utgangen av valgåret");

    // Nynorsk, and the end of another period is no year's end.
    CHECK(only("barn som ikkje har fylt seks år innan utgangen av året").age == 5);
    m = only("Barn som fyller ett år senest innen utgangen av august det året det søkes om barnehageplass");
    CHECK(m.wording == AgeWording::fylt);
    CHECK(m.age == 1);
    CHECK(only("ikke har fylt 18 år ved utgangen av skoleåret").wording == AgeWording::fylt);
    CHECK(only("ikke har fylt 18 år. Innen årets utgang").wording == AgeWording::fylt);
}

TEST_CASE("corpus: the calendar year after a birthday is the next year's age") {
    // arbeidsmiljøloven § 12-10 andre ledd (Lovdata-teksten av 2025-11-08):
    // from the year the child turns 19.
    const auto m = only("ved nødvendig omsorg for funksjonshemmet eller kronisk sykt barn fra og med kalenderåret etter "
                        "at barnet fylte 18 år når arbeidstakeren har hatt slik omsorg");
    CHECK(m.wording == AgeWording::calendar_year);
    CHECK(m.age == 19);
    CHECK(m.phrase == "kalenderåret etter at barnet fylte 18 år");
    CHECK(only("frå og med året etter at barnet fylte 18 år").age == 19);
}

TEST_CASE("corpus: other wordings") {
    auto m = only("Når barnet er 12 år eller meir, skal det få seie meininga si");
    CHECK(m.wording == AgeWording::other);
    CHECK(m.age == 12);
    CHECK(m.phrase == "12 år eller meir");

    m = only("barn som er eldre enn 15 år");
    CHECK(m.wording == AgeWording::other);
    CHECK(m.phrase == "eldre enn 15 år");

    m = only("før 18-årsdagen");
    CHECK(m.wording == AgeWording::other);
    CHECK(m.age == 18);
    CHECK(m.phrase == "18-årsdagen");

    CHECK(only("over 18 år eller eldre").wording == AgeWording::over);

    // Durations are not ages.
    CHECK(find_age_mentions("strafferamme på fengsel i 6 år eller mer").empty());
    CHECK(find_age_mentions("en lengre prøvetid, men ikke over 5 år").empty());
    CHECK(find_age_mentions("langvarig behov menes behov ut over 2 år").empty());
}

TEST_CASE("corpus: age phrases are at most 80 characters") {
    const std::string text =
        "skoleåret som tek til det året den unge personen med rett etter denne lova fyller 24 år";
    const auto found = find_age_mentions(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].phrase.size() <= 80 * 2);
    std::size_t chars = 0;
    for (char c : found[0].phrase) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(chars <= 80);
}
