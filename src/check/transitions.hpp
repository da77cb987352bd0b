// Transitions: the ages at which a young person's services and rights end,
// what ends and what goes on, which duties to cooperate, coordinate or follow
// up reach past that age. The `transitions` analysis states findings from
// it; `lovsjekk transitions` and the HTML report show it whole.
#pragma once

#include "check/check.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::check {

struct Transition {
    int age = 0;  ///< the age in the upper bounds that end here ("til 18 år", "ut skoleåret … 24")
    std::vector<const model::Norm*> ending;      ///< services and rights whose upper bound names this age
    std::vector<const model::Norm*> continuing;  ///< services that still apply at this age
    std::vector<const model::Norm*> reaching;    ///< duties to cooperate, coordinate or follow up that go on past it
};

/// Where a norm ends: its own upper bound, else the one its subject implies
/// (model::implied_upper_bound: grunnskole, the law's word for a minor).
std::optional<model::Bound> end_of(const Context& ctx, const model::Norm& n);

/// The norm's ages as its rule words them, followed, when it has no upper
/// bound of its own, by the one its subject implies ("fra året 6, ut skoleåret
/// som tar til det året 15").
std::string ages_with_end(const Context& ctx, const model::Norm& n);

/// Every age at which a service (a right or duty in a `tjeneste` topic) in
/// force ends, lowest first; each list sorted by id.
std::vector<Transition> transitions(const Context& ctx);

}  // namespace lovsjekk::check
