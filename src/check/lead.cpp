// grey-zone (who leads): two or more actors bear duties to coordinate
// (topics in the `samordning` group) toward the same child at the same ages
// on the date, and no norm in force on a topic that names who leads (the
// vocabulary's `leder`: a coordinator, a child coordinator, a lead service)
// covers those ages. Reported with the duties and the ages nobody leads.
#include "base/kinds.hpp"
#include "check/finding.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

bool names_lead(const Context& ctx, const std::string& topic) {
    const auto it = ctx.model.topics.find(topic);
    return it != ctx.model.topics.end() && it->second.names_lead;
}

/// One body, not two: the same actor, or a service and the municipality it belongs to.
bool same_body(const model::Model& model, const std::string& a, const std::string& b) {
    const auto wholes_a = model.actor_and_wholes(a);
    const auto wholes_b = model.actor_and_wholes(b);
    return std::find(wholes_a.begin(), wholes_a.end(), b) != wholes_a.end() ||
           std::find(wholes_b.begin(), wholes_b.end(), a) != wholes_b.end();
}

/// The first stretch of `band` that none of `led` covers; empty when all is covered.
AgeRange first_unled(AgeRange band, const std::vector<AgeRange>& led) {
    int from = band.from;
    bool moved = true;
    while (moved && from < band.to) {
        moved = false;
        for (const AgeRange& r : led)
            if (r.from <= from && from < r.to) { from = r.to; moved = true; }
    }
    if (from >= band.to) return {band.to, band.to};
    int to = band.to;
    for (const AgeRange& r : led)
        if (r.from > from) to = std::min(to, r.from);
    return {from, to};
}

}  // namespace

void check_lead(const Context& ctx, std::vector<Diagnostic>& out) {
    const std::string child = child_actor(ctx.model);
    std::vector<AgeRange> led;
    std::vector<const model::Norm*> duties;
    for (const model::Norm* n : ctx.in_force) {
        if (group_of(ctx, *n) != "samordning") continue;
        if (names_lead(ctx, n->topic)) {
            if (n->modality == model::Modality::duty || n->modality == model::Modality::right)
                led.push_back(nominal_ages(*n));
            continue;
        }
        const bool toward_child = std::find(n->counterparts.begin(), n->counterparts.end(), child) != n->counterparts.end();
        if (n->modality == model::Modality::duty && toward_child && n->actor != child) duties.push_back(n);
    }
    // By pair of actors: the duties and the ages nobody leads.
    struct Shared {
        std::vector<const model::Norm*> duties;
        AgeRange unled;
    };
    std::map<std::pair<std::string, std::string>, Shared> shared;
    for_each_overlapping_pair(duties, [&](const model::Norm& x, const model::Norm& y, AgeRange overlap) {
        if (same_body(ctx.model, x.actor, y.actor)) return;
        const AgeRange unled = first_unled(overlap, led);
        if (unled.empty()) return;
        const model::Norm& a = x.actor < y.actor ? x : y;
        const model::Norm& b = x.actor < y.actor ? y : x;
        Shared& s = shared[{a.actor, b.actor}];
        for (const model::Norm* n : {&a, &b})
            if (std::find(s.duties.begin(), s.duties.end(), n) == s.duties.end()) s.duties.push_back(n);
        s.unled = s.duties.size() == 2 ? unled : AgeRange{std::min(s.unled.from, unled.from), std::max(s.unled.to, unled.to)};
    });
    for (auto& [actors, s] : shared) {
        std::sort(s.duties.begin(), s.duties.end(), [](const model::Norm* a, const model::Norm* b) { return a->id < b->id; });
        std::vector<std::string> provisions;
        for (const model::Norm* n : s.duties) provisions.push_back(provision(*n));
        std::vector<const model::Norm*> others(s.duties.begin() + 1, s.duties.end());
        Diagnostic d = make_finding(ctx, kinds::grey_zone, *s.duties.front(), others, "finding.grey_zone.who_leads",
                                    {{"actor", actors.first},
                                     {"other_actor", actors.second},
                                     {"provisions", comma_list(provisions)},
                                     {"ages", describe_ages(s.unled)}},
                                    "who-leads-" + actors.first + "-" + actors.second);
        set_detail_ages(d, s.unled);
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::check
