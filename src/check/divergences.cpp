// divergence: the same topic has different age thresholds, bases or weights
// in different sectors — each valid, but a child served by both meets two
// rules (the age-limit working group's core question).
#include "check/finding.hpp"

#include "base/kinds.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

/// What makes two thresholds the same: ages and how they are counted, not
/// the exact words (wording differences are grey zones, reported there).
std::string signature_of(const model::Norm& n) {
    auto bound = [](const std::optional<model::Bound>& b) {
        return b ? std::to_string(b->nominal_months()) + model::basis_name(b->basis()) : std::string("-");
    };
    std::string s = bound(n.age.from) + "/" + bound(n.age.to) + (n.age.maturity ? "/m" : "/") +
                    (n.age.maturity_lowers_floor ? "y" : "");
    if (n.weight) s += "/w" + std::to_string(static_cast<int>(n.weight->level)) + "@" +
                       (n.weight->from_age ? std::to_string(*n.weight->from_age) : "-");
    return s;
}

bool sets_threshold(const model::Norm& n) {
    return (n.age.specified && !n.age.regardless && (n.age.from || n.age.to || n.age.maturity)) || n.weight;
}

}  // namespace

void check_divergences(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const auto& [topic, all_norms] : by_topic(ctx)) {
      // Like is compared with like: rights with rights, duties with duties.
      std::map<model::Modality, std::vector<const model::Norm*>> by_modality;
      for (const model::Norm* n : all_norms) by_modality[n->modality].push_back(n);
      for (const auto& [modality, norms] : by_modality) {
        // sector → the thresholds its norms set on this topic
        std::map<std::string, std::set<std::string>> ladder_by_sector;
        std::vector<const model::Norm*> involved;
        for (const model::Norm* n : norms) {
            if (!sets_threshold(*n)) continue;
            ladder_by_sector[n->sector].insert(signature_of(*n));
            involved.push_back(n);
        }
        if (ladder_by_sector.size() < 2) continue;
        const auto& first = ladder_by_sector.begin()->second;
        const bool all_same = std::all_of(ladder_by_sector.begin(), ladder_by_sector.end(),
                                          [&](const auto& entry) { return entry.second == first; });
        if (all_same) continue;

        // The whole ladder, lowest starting age first.
        sort_by_starting_age(involved);
        using Of = RuleText::Of;
        std::vector<Phrase> ladder;
        ladder.reserve(involved.size());
        for (const model::Norm* n : involved)
            ladder.push_back({"finding.divergence.step",
                              {{"sector", rule_text(ctx, *n, Of::sector)},
                               {"threshold", rule_text(ctx, *n, Of::threshold)},
                               {"provision", rule_text(ctx, *n, Of::provision)}}});
        const model::Norm& low = *involved.front();
        const model::Norm& high = *involved.back();
        std::vector<const model::Norm*> others(involved.begin() + 1, involved.end());
        Diagnostic d = make_finding(ctx, kinds::divergence, low, others, "finding.divergence",
                                    {{"modality", model::modality_name(modality)},
                                     {"topic", topic},
                                     {"n", static_cast<std::int64_t>(ladder_by_sector.size())},
                                     {"ladder", ladder}},
                                    model::modality_name(modality));
        const AgeRange a = nominal_ages(low), b = nominal_ages(high);
        set_detail_ages(d, {a.from, b.from > a.from ? b.from : AgeRange::open});
        if (b.from > a.from) {
            // A child just below the higher limit: one rule can reach her, the other cannot
            // (a year below it, or a month where the limits are in months).
            const int below = a.from % 12 == 0 && b.from % 12 == 0 ? 12 : 1;
            const int months = low.age.maturity || low.age.maturity_lowers_floor ? b.from - below : a.from;
            d.details.witness_key = "finding.divergence.witness";
            d.details.witness_args = {{"born", ctx.when.at.add_months(-months).iso()},
                                      {"at", ctx.when.at.iso()},
                                      {"age", std::int64_t{months / 12}},
                                      {"provision", rule_text(ctx, low, Of::provision)},
                                      {"sector", rule_text(ctx, low, Of::sector)},
                                      {"maturity", low.age.maturity || low.age.maturity_lowers_floor ? "yes" : "no"},
                                      {"rule_age", rule_text(ctx, low, Of::age_rule)},
                                      {"other_provision", rule_text(ctx, high, Of::provision)},
                                      {"other_sector", rule_text(ctx, high, Of::sector)},
                                      {"other_rule_age", rule_text(ctx, high, Of::age_rule)}};
        }
        out.push_back(std::move(d));
      }
    }
}

}  // namespace lovsjekk::check
