// divergence (decisions across sectors): a norm lets an actor other than
// the child decide or consent for the child (a power: `bestemmer`, `avgjør`,
// `har myndighet til`) on a topic where another sector's law lets the child
// act herself from an age. The band of ages where both apply is where the
// two laws disagree about who decides; reported with both provisions.
#include "base/kinds.hpp"
#include "check/finding.hpp"

#include <algorithm>

namespace lovsjekk::check {

namespace {

bool decides_for_child(const model::Norm& n, const std::string& child) {
    return n.modality == model::Modality::power && n.actor != child;
}

/// The child's own say, bounded by age: she has the right, power or leave to act herself.
bool child_acts(const model::Norm& n, const std::string& child) {
    return n.actor == child && n.age.specified && !n.age.regardless && (n.age.from || n.age.to) &&
           (n.modality == model::Modality::right || n.modality == model::Modality::power ||
            n.modality == model::Modality::may);
}

}  // namespace

void check_cross_sector(const Context& ctx, std::vector<Diagnostic>& out) {
    const std::string child = child_actor(ctx.model);
    for (const auto& [topic, norms] : by_topic(ctx)) {
        for (const model::Norm* decider : norms) {
            if (!decides_for_child(*decider, child)) continue;
            for (const model::Norm* own : norms) {
                if (own->sector == decider->sector || !child_acts(*own, child)) continue;
                const AgeRange band = intersect(nominal_ages(*decider), nominal_ages(*own));
                if (band.empty()) continue;
                using Of = RuleText::Of;
                Diagnostic d = make_finding(ctx, kinds::divergence, *decider, {own}, "finding.divergence.cross_sector",
                                            {{"actor", decider->actor},
                                             {"topic", topic},
                                             {"provision", rule_text(ctx, *decider, Of::provision)},
                                             {"sector", rule_text(ctx, *decider, Of::sector)},
                                             {"rule_age", rule_text(ctx, *decider, Of::age_rule)},
                                             {"other_provision", rule_text(ctx, *own, Of::provision)},
                                             {"other_sector", rule_text(ctx, *own, Of::sector)},
                                             {"other_rule_age", rule_text(ctx, *own, Of::age_rule)},
                                             {"ages", describe_ages(band)}},
                                            "cross-sector");
                set_detail_ages(d, band);
                out.push_back(std::move(d));
            }
        }
    }
}

}  // namespace lovsjekk::check
