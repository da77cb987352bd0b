// A sample of the encoded law, per sector, at two dates: before and after
// the reforms the 0-24 programme dealt with. Each expectation was read in the
// statute text (or, for repealed laws, in the fact sheets' sources).
#include "cli/pipeline.hpp"
#include "report/ages.hpp"

#include <doctest/doctest.h>

#include <optional>

namespace {

using lovsjekk::Date;

struct Expect {
    const char* law;
    const char* section;
    const char* topic;
    std::optional<int> from;
    std::optional<int> to;
    const char* basis;
};

const lovsjekk::cli::PipelineResult& bundled() {
    static const lovsjekk::cli::PipelineResult result = [] {
        lovsjekk::cli::PipelineOptions options;
        options.no_corpus = true;
        return lovsjekk::cli::run_pipeline(options);
    }();
    return result;
}

/// Whether a threshold with these ages is in force on `at`.
bool in_force(const char* at, const Expect& e) {
    lovsjekk::report::AgesQuery query;
    query.when.at = *Date::parse(at);
    query.topic = e.topic;
    for (const auto& t : lovsjekk::report::select_thresholds(bundled().model, query)) {
        const auto& n = *t.norm;
        const auto& c = n.sources.front();
        // -1 for an open end (plain ints: GCC 12 warns falsely on comparing optionals here)
        const int from = n.age.from ? n.age.from->age : -1;
        const int to = n.age.to ? n.age.to->age : -1;
        if (c.law == e.law && c.section == e.section && from == e.from.value_or(-1) && to == e.to.value_or(-1) &&
            std::string(lovsjekk::model::basis_name(n.age.basis())) == e.basis)
            return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the bundled rules parse and resolve without errors") {
    REQUIRE(!bundled().unusable);
    CHECK(bundled().model.norms.size() > 250);
    for (const auto& d : bundled().input.all()) CHECK_MESSAGE(d.severity != lovsjekk::Severity::error, d.message);
}

TEST_CASE("barnevern: aftercare to 25 from 2021 (to 23 before), under the 1992 act until 2022") {
    CHECK(in_force("2026-11-22", {"bvl", "3-6", "ettervern", 18, 25, "birthday"}));
    CHECK(!in_force("2026-11-22", {"bvl1992", "1-3", "ettervern", 18, 23, "birthday"}));
    CHECK(in_force("2020-06-30", {"bvl1992", "1-3", "ettervern", 18, 23, "birthday"}));
    CHECK(!in_force("2020-06-30", {"bvl", "3-6", "ettervern", 18, 25, "birthday"}));
}

TEST_CASE("utdanning: upper-secondary rights end with the school year that starts the year one turns 24") {
    CHECK(in_force("2026-11-22", {"opplova", "5-1", "rett.vidaregående", std::nullopt, 24, "school_year"}));
    CHECK(in_force("2022-07-31", {"opplova1998", "3-1", "rett.vidaregående", std::nullopt, 24, "school_year"}));
    CHECK(!in_force("2022-07-31", {"opplova", "5-1", "rett.vidaregående", std::nullopt, 24, "school_year"}));
}

TEST_CASE("integrering: the introduction programme for 18-55, under introduksjonsloven until 2020") {
    CHECK(in_force("2026-11-22", {"intl", "8", "introduksjonsprogram", 18, 56, "birthday"}));
    CHECK(in_force("2019-06-30", {"introl", "2", "introduksjonsprogram", 18, 56, "birthday"}));
    CHECK(!in_force("2019-06-30", {"intl", "8", "introduksjonsprogram", 18, 56, "birthday"}));
}

TEST_CASE("helse: consent to health care from 16, both today and before the 2018 changes") {
    CHECK(in_force("2026-11-22", {"pbrl", "4-3", "samtykke.helsehjelp", 16, 18, "birthday"}));
    CHECK(in_force("2017-06-30", {"pbrl", "4-3", "samtykke.helsehjelp", 16, 18, "birthday"}));
    CHECK(in_force("2026-11-22", {"pbrl", "4-3", "samtykke.helsehjelp", 18, std::nullopt, "birthday"}));
}

TEST_CASE("tro: joining or leaving a faith community at 15, under the 1969 act until 2020") {
    CHECK(in_force("2026-11-22", {"tsl", "2", "medlemskap.trossamfunn", 15, std::nullopt, "birthday"}));
    CHECK(in_force("2019-06-30", {"tsl1969", "3", "medlemskap.trossamfunn", 15, std::nullopt, "birthday"}));
    CHECK(!in_force("2019-06-30", {"tsl", "2", "medlemskap.trossamfunn", 15, std::nullopt, "birthday"}));
}

TEST_CASE("familie, vergemål, straff, forvaltning, arbeid-velferd: ages that did not move") {
    for (const char* at : {"2026-11-22", "2022-07-31"}) {
        CAPTURE(at);
        CHECK(in_force(at, {"bl", "31", "bli-hørt", 7, std::nullopt, "birthday"}));
        CHECK(in_force(at, {"vgml", "2", "myndighet", 18, std::nullopt, "birthday"}));
        CHECK(in_force(at, {"strl", "20", "strafferettslig", std::nullopt, 15, "birthday"}));
        CHECK(in_force(at, {"fvl", "16", "partsrettigheter", 15, 18, "birthday"}));
        CHECK(in_force(at, {"aml", "11-1", "arbeid.barn", 13, std::nullopt, "birthday"}));
    }
}

TEST_CASE("cooperation: the child coordinator exists from the 2022 reform on") {
    const auto coordinator = [](const char* at) {
        lovsjekk::model::Evaluation when;
        when.at = *Date::parse(at);
        for (const auto& n : bundled().model.norms)
            if (n.topic == "barnekoordinator" && n.law() == "hol" && lovsjekk::model::in_force(bundled().model, n, when))
                return true;
        return false;
    };
    CHECK(coordinator("2022-08-01"));
    CHECK(!coordinator("2022-07-31"));
}

namespace {

/// Whether a norm citing `law` § `section` whose statement or conditions
/// contain `words` is in force on `at`.
bool in_force_saying(const char* at, const char* law, const char* section, const char* words) {
    lovsjekk::model::Evaluation when;
    when.at = *Date::parse(at);
    for (const auto& n : bundled().model.norms) {
        if (n.sources.empty() || n.sources.front().law != law || n.sources.front().section != section) continue;
        bool says = n.statement.find(words) != std::string::npos;
        for (const auto& c : n.conditions) says = says || c.text.find(words) != std::string::npos;
        if (says && lovsjekk::model::in_force(bundled().model, n, when)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("helse: LOV-2025-06-20-67 replaces 'samtykkekompetanse' by 'beslutningskompetanse' from 2026-06-01") {
    for (const char* section : {"3-3", "4-5", "4-6", "4A-2"}) {
        CAPTURE(section);
        CHECK(in_force_saying("2026-06-01", "pbrl", section, "beslutningskompetanse"));
        CHECK(!in_force_saying("2026-05-31", "pbrl", section, "beslutningskompetanse"));
    }
    CHECK(in_force_saying("2026-05-31", "pbrl", "4-5", "samtykkekompetanse"));
    CHECK(!in_force_saying("2026-06-01", "pbrl", "4-5", "samtykkekompetanse"));
    // the ages stay: 16-18 for the parents' consent on both sides of the change
    CHECK(in_force("2026-05-31", {"pbrl", "4-5", "samtykke.helsehjelp", 16, 18, "birthday"}));
    CHECK(in_force("2026-06-01", {"pbrl", "4-5", "samtykke.helsehjelp", 16, 18, "birthday"}));
}

TEST_CASE("dates from the amendment notes: barnevernsloven § 13-4 is cited from 2023, not before") {
    for (const auto& [law, section] : {std::pair{"fvkl", "10"}, {"krisesl", "6"}, {"sotjl", "45"}, {"intl", "49"},
                                       {"bhl", "46"}, {"ftrl", "25-11"}}) {
        CAPTURE(law);
        CHECK(in_force_saying("2023-01-01", law, section, "barnevernsloven § 13-4"));
        CHECK(!in_force_saying("2022-12-31", law, section, "barnevernsloven § 13-4"));
        CHECK(in_force_saying("2022-12-31", law, section, "barnevernloven (1992) § 6-4"));
    }
    CHECK(in_force_saying("2022-08-01", "hol", "7-3", "barnekoordinator"));
    CHECK(!in_force_saying("2022-07-31", "hol", "7-3", "barnekoordinator"));
    CHECK(!in_force_saying("2021-06-30", "bhl", "44", "13 g"));
    CHECK(in_force_saying("2021-07-01", "bhl", "44", "13 g"));
}

TEST_CASE("age provisions read for issue 14: barnevern, familie, helse, vergemål, navneloven") {
    const char* at = "2026-12-07";
    CHECK(in_force(at, {"bvl", "6-1", "samtykke.barnevernstiltak", 15, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"bvl", "8-4", "samtykke.barnevernstiltak", 15, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"bvl", "4-1", "samtykke.barnevernstiltak", 15, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"bvl", "10-10", "samtykke.rusmiddeltesting", 15, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"bl", "6 a", "opphav", 18, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"bl", "51", "mekling", std::nullopt, 16, "birthday"}));
    CHECK(in_force(at, {"hol", "10-4", "samtykke.rusinstitusjon", 16, std::nullopt, "birthday"}));
    CHECK(in_force(at, {"vgml", "41", "egne-midler", 15, 18, "birthday"}));
    CHECK(in_force(at, {"navnel", "12", "navn", 12, 16, "birthday"}));
    CHECK(in_force(at, {"opplova", "2-4", "opplæringsplikt", 7, std::nullopt, "calendar_year"}));
    CHECK(in_force(at, {"opplova", "5-9", "rett.vidaregående", std::nullopt, 18, "school_year"}));
    CHECK(!in_force("2002-12-31", {"navnel", "12", "navn", 12, 16, "birthday"}));
}

TEST_CASE("sørge for: sphl § 2-1 e, tannhl § 1-4a and krisesenterlova §§ 4 and 6 a put the duty on the body the statute names") {
    for (const auto& n : bundled().model.norms) {
        if (n.sources.empty()) continue;
        const auto& c = n.sources.front();
        if (c.law == "sphl" && c.section == "2-1 e") CHECK_MESSAGE(n.actor == "regionalt-helseforetak", n.id);
        if (c.law == "tannhl" && c.section == "1-4a") CHECK_MESSAGE(n.actor == "fylkeskommune", n.id);
        if (c.law == "krisesl" && (c.section == "6 a" || (c.section == "4" && n.topic == "samarbeid")))
            CHECK_MESSAGE(n.actor == "kommune", n.id);
    }
}
