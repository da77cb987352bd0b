// `lovsjekk coverage` and `lovsjekk atlas` make one decision whether a rule
// encodes an age phrase (report/phrase_encoding.hpp): over the bundled rules
// and corpus they agree phrase by phrase. The atlas counts every rule read,
// coverage the rules in force on its date; so the atlas's rules in force on
// that date are exactly coverage's (a rule coverage counts on a text's last
// day is also one the atlas names).
#include "cli/pipeline.hpp"
#include "report/atlas.hpp"
#include "report/coverage.hpp"
#include "report/phrase_encoding.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace lovsjekk;

namespace {

const cli::PipelineResult& bundled_with_corpus() {
    static const cli::PipelineResult result = [] {
        cli::PipelineOptions options;
        options.when.at = Date::parse("2026-12-07").value();
        return cli::run_pipeline(options);
    }();
    return result;
}

using PhraseKey = std::tuple<std::string, std::string, int, std::string, std::string, int>;

std::string slash_points(std::string point) {
    std::replace(point.begin(), point.end(), '.', '/');
    return point;
}

}  // namespace

TEST_CASE("coverage and atlas agree on which rules encode each age phrase of the bundled rules") {
    const cli::PipelineResult& result = bundled_with_corpus();
    REQUIRE_FALSE(result.unusable);
    report::CoverageQuery query;
    query.when = result.options.when;
    const report::Coverage coverage = report::compute_coverage(result.model, result.corpus, query);
    const auto atlas = report::build_atlas(result.statute_index(), result.model, report::AtlasQuery{});

    std::map<PhraseKey, std::set<std::string>> atlas_rules;
    for (const report::AtlasEntry& e : atlas) {
        auto& rules = atlas_rules[{e.law->id, e.section->number, e.ledd, slash_points(e.point), e.mention->phrase,
                                   e.mention->sentence.value_or(0)}];
        rules.insert(e.encoded_by.begin(), e.encoded_by.end());
    }
    std::map<std::string, const model::Norm*> norms;
    for (const model::Norm& n : result.model.norms) norms.emplace(n.id, &n);

    int compared = 0, encoded = 0;
    for (const report::CoveredPhrase& p : coverage.phrases) {
        const model::Law* law = result.model.find_law(p.law);
        REQUIRE(law);
        const PhraseKey key{law->lovdata_id, p.section, p.ledd, p.point, p.mention.phrase, p.mention.sentence.value_or(0)};
        CAPTURE(p.provision());
        CAPTURE(p.mention.phrase);
        const auto it = atlas_rules.find(key);
        REQUIRE_MESSAGE(it != atlas_rules.end(), "the atlas lists every phrase coverage lists");
        ++compared;
        const std::set<std::string> by_coverage(p.rules.begin(), p.rules.end());
        CHECK((p.status == report::CoverageStatus::encoded) == !by_coverage.empty());
        if (!by_coverage.empty()) ++encoded;
        for (const std::string& id : by_coverage) CHECK_MESSAGE(it->second.contains(id), id);
        for (const std::string& id : it->second)
            if (model::in_force(result.model, *norms.at(id), query.when)) CHECK_MESSAGE(by_coverage.contains(id), id);
    }
    CHECK(compared > 400);
    CHECK(encoded > 150);
}

TEST_CASE("a rule citing an age phrase's provision with another age does not encode it, in either command") {
    // aml § 11-1 første ledd: barnearbeid-15 cites the whole ledd with age 15;
    // the phrase «har fylt 13 år» (bokstav b) is encoded by lett-arbeid-13 only.
    const cli::PipelineResult& result = bundled_with_corpus();
    REQUIRE_FALSE(result.unusable);
    report::CoverageQuery query;
    query.when = result.options.when;
    query.law = "aml";
    const report::Coverage coverage = report::compute_coverage(result.model, result.corpus, query);
    const auto found = std::find_if(coverage.phrases.begin(), coverage.phrases.end(), [](const report::CoveredPhrase& p) {
        return p.section == "11-1" && p.ledd == 1 && p.point == "b" && p.mention.age == 13;
    });
    REQUIRE(found != coverage.phrases.end());
    CHECK(found->rules == std::vector<std::string>{"arbeid-velferd/lett-arbeid-13"});

    report::AtlasQuery atlas_query;
    atlas_query.law = "aml";
    atlas_query.min_age = 13;
    atlas_query.max_age = 13;
    const auto atlas = report::build_atlas(result.statute_index(), result.model, atlas_query);
    const auto entry = std::find_if(atlas.begin(), atlas.end(), [](const report::AtlasEntry& e) {
        return e.section->number == "11-1" && e.ledd == 1 && e.point == "b";
    });
    REQUIRE(entry != atlas.end());
    CHECK(entry->encoded_by == std::vector<std::string>{"arbeid-velferd/lett-arbeid-13"});

    // The decision itself: the same norm, the same place, another age.
    const corpus::Law* aml = entry->law;
    REQUIRE(aml);
    const report::PhrasePlace place{aml, static_cast<std::size_t>(entry->section - aml->sections.data()), 1, "b"};
    const model::Norm* child_work = nullptr;
    for (const model::Norm& n : result.model.norms)
        if (n.id == "arbeid-velferd/barnearbeid-15") child_work = &n;
    REQUIRE(child_work);
    CHECK(std::any_of(child_work->sources.begin(), child_work->sources.end(),
                      [&](const model::Citation& c) { return report::cites_place(result.model, c, place); }));
    CHECK_FALSE(report::encodes_phrase(result.model, *child_work, place, *entry->mention));
}
