// gap and grey-zone (transitions): at each age at which a service ends,
//  - a gap when no duty to cooperate, coordinate or follow up borne by
//    another actor goes on past that age (nobody carries the young person
//    over), and
//  - a grey zone when the services a young person leaves and enters at that
//    age count it on different bases (birthday, calendar year, school year):
//    the widest window in days between the dates, over every birthday.
#include "check/transitions.hpp"

#include "base/kinds.hpp"
#include "check/finding.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

bool is_service(const Context& ctx, const model::Norm& n) {
    return group_of(ctx, n) == "tjeneste" &&
           (n.modality == model::Modality::duty || n.modality == model::Modality::right);
}

bool carries_over(const Context& ctx, const model::Norm& n) {
    if (n.modality != model::Modality::duty) return false;
    const std::string& group = group_of(ctx, n);
    return group == "samarbeid" || group == "samordning" || group == "oppfølging";
}

/// What the transitions need of a norm in force, worked out once per norm
/// rather than once per age at which a service ends.
struct Reach {
    const model::Norm* norm;
    bool service;
    bool carries;
    std::optional<model::Bound> end;
    AgeRange applies;  ///< the nominal ages in months, up to where the norm ends
    /// Whether the norm applies at the nominal age (in years) and goes on after it.
    bool goes_on_past(int age) const { return applies.from <= age * 12 && applies.to > age * 12; }
    /// Transitions are whole years; a service that ends at an age in months is left out.
    bool ends_in_years() const { return end && end->unit == model::AgeUnit::years; }
};

Reach reach_of(const Context& ctx, const model::Norm& n) {
    Reach r{&n, is_service(ctx, n), carries_over(ctx, n), end_of(ctx, n), nominal_ages(n)};
    if (r.end) r.applies.to = r.end->nominal_months() + (r.end->basis() == model::Basis::birthday ? 0 : 12);
    return r;
}

}  // namespace

std::optional<model::Bound> end_of(const Context& ctx, const model::Norm& n) {
    if (n.age.to) return n.age.to;
    return model::implied_upper_bound(ctx.model, n, child_actor(ctx.model));
}

std::string ages_with_end(const Context& ctx, const model::Norm& n) {
    std::string ages = describe_age_rule(n);
    if (const auto end = end_of(ctx, n); end && !n.age.to) ages += ", " + model::bound_text(*end);
    return ages;
}

std::vector<Transition> transitions(const Context& ctx) {
    std::vector<Reach> reaches;
    reaches.reserve(ctx.in_force.size());
    for (const model::Norm* n : ctx.in_force) reaches.push_back(reach_of(ctx, *n));
    std::map<int, Transition> by_age;
    for (const Reach& r : reaches)
        if (r.service && r.ends_in_years()) by_age[r.end->age].ending.push_back(r.norm);
    for (auto& [age, t] : by_age) {
        t.age = age;
        for (const Reach& r : reaches) {
            const bool ends_here = r.service && r.ends_in_years() && r.end->age == age;  // in t.ending
            if (r.service && !ends_here && r.goes_on_past(age)) t.continuing.push_back(r.norm);
            if (r.carries && r.goes_on_past(age)) t.reaching.push_back(r.norm);
        }
    }
    std::vector<Transition> out;
    for (auto& [age, t] : by_age) out.push_back(std::move(t));
    return out;
}

void check_transitions(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const Transition& t : transitions(ctx)) {
        // (a) the services that end with nobody else's duty reaching past the age
        std::vector<const model::Norm*> stranded;
        for (const model::Norm* n : t.ending) {
            const bool carried = std::any_of(t.reaching.begin(), t.reaching.end(), [&](const model::Norm* d) {
                return d->actor != n->actor;
            });
            if (!carried) stranded.push_back(n);
        }
        if (!stranded.empty()) {
            std::vector<std::string> ends;
            for (const model::Norm* n : stranded) ends.push_back(provision(*n) + " (" + ages_with_end(ctx, *n) + ")");
            std::vector<const model::Norm*> others(stranded.begin() + 1, stranded.end());
            Diagnostic d = make_finding(ctx, kinds::gap, *stranded.front(), others, "finding.gap.transition",
                                        {{"age", std::int64_t{t.age}},
                                         {"ends", comma_list(ends)},
                                         {"n_ends", static_cast<std::int64_t>(ends.size())}},
                                        "transition-" + std::to_string(t.age));
            d.details.age_from = t.age;
            out.push_back(std::move(d));
        }
        // (b) the bounds a young person meets at this age, leaving one service
        // and entering or staying in another, counted on different bases
        struct Use {
            const model::Norm* norm;
            model::Bound bound;
        };
        std::vector<Use> uses;
        for (const model::Norm* n : t.ending) uses.push_back({n, *end_of(ctx, *n)});
        for (const model::Norm* n : t.continuing)
            if (n->age.from && n->age.from->unit == model::AgeUnit::years && n->age.from->age == t.age) uses.push_back({n, *n->age.from});
        std::map<model::Basis, const Use*> by_basis;
        for (const Use& u : uses) by_basis.emplace(u.bound.basis(), &u);
        if (by_basis.size() < 2) continue;
        int widest = 0;
        const Use* first = by_basis.begin()->second;
        const Use* far = nullptr;
        for (const auto& [basis, u] : by_basis) {
            if (u == first) continue;
            const int days = widest_window_days(first->bound, u->bound);
            if (!far || days > widest) { widest = days; far = u; }
        }
        std::vector<std::string> ways;
        std::vector<const model::Norm*> others;
        for (const auto& [basis, u] : by_basis) {
            ways.push_back(provision(*u->norm) + " (" + ages_with_end(ctx, *u->norm) + ")");
            if (u != first) others.push_back(u->norm);
        }
        Diagnostic d = make_finding(ctx, kinds::grey_zone, *first->norm, others, "finding.grey_zone.transition",
                                    {{"age", std::int64_t{t.age}}, {"ways", comma_list(ways)}, {"days", std::int64_t{widest}}},
                                    "transition-basis-" + std::to_string(t.age));
        d.details.age_from = t.age;
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::check
