// gap: where nobody is responsible — an age a service ladder leaves
// uncovered, a duty to cooperate that is not returned, a duty to notify
// that nobody must act on, a duty that names no responsible actor.
#include "check/finding.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

/// The actor id the vocabulary uses for "the statute names nobody".
constexpr const char* nobody = "ingen";

bool serves(const model::Norm& n) {
    return n.modality == model::Modality::duty || n.modality == model::Modality::right;
}

struct Hole {
    int days = 0;
    Date born;
    Date from;  ///< first uncovered day
    Date to;    ///< first covered day again
    const model::Norm* before = nullptr;
    const model::Norm* after = nullptr;
};

// (a) For every birthday in a leap year, the dates each norm covers for that
// child; a hole between one service ending and the next beginning is a gap.
// Exact dates, so calendar-year and birthday bounds meeting are seen too.
std::optional<Hole> widest_hole(const std::vector<const model::Norm*>& norms) {
    std::optional<Hole> widest;
    const Date first = Date::from_ymd(2008, 1, 1);
    for (int i = 0; i < 366; ++i) {
        const Date born = first.add_days(i);
        struct Cover { Date from, to; const model::Norm* norm; };
        std::vector<Cover> covers;
        for (const model::Norm* n : norms) {
            const Date from = n->age.from ? n->age.from->date_for(born) : born;
            const Date to = n->age.to ? n->age.to->date_for(born) : born.add_years(200);
            if (from < to) covers.push_back({from, to, n});
        }
        std::sort(covers.begin(), covers.end(), [](const Cover& a, const Cover& b) {
            return std::tie(a.from, a.to, a.norm->id) < std::tie(b.from, b.to, b.norm->id);
        });
        for (std::size_t k = 1; k < covers.size(); ++k) {
            Date reach = covers[0].to;
            const model::Norm* last = covers[0].norm;
            for (std::size_t m = 1; m < k; ++m)
                if (reach < covers[m].to) { reach = covers[m].to; last = covers[m].norm; }
            if (reach < covers[k].from) {
                const int days = covers[k].from.days() - reach.days();
                if (!widest || days > widest->days)
                    widest = Hole{days, born, reach, covers[k].from, last, covers[k].norm};
            }
        }
    }
    return widest;
}

void service_ladders(const Context& ctx, const std::map<std::string, std::vector<const model::Norm*>>& topics,
                     std::vector<Diagnostic>& out) {
    for (const auto& [topic, norms] : topics) {
        if (group_of(ctx, topic) != "tjeneste") continue;
        std::vector<const model::Norm*> services;
        for (const model::Norm* n : norms)
            if (serves(*n) && n->age.specified && !n->age.maturity) services.push_back(n);
        auto hole = widest_hole(services);
        if (!hole) continue;
        const int from_age = age_on(hole->born, hole->from);
        Diagnostic d = make_finding("gap", *hole->after, {hole->before}, "finding.gap.ladder",
                                    {{"topic", topic},
                                     {"provision", provision(*hole->before)},
                                     {"rule_age", describe_age_rule(*hole->before)},
                                     {"other_provision", provision(*hole->after)},
                                     {"other_rule_age", describe_age_rule(*hole->after)},
                                     {"days", std::int64_t{hole->days}}},
                                    "ladder");
        d.details.age_from = from_age;
        d.details.age_to = age_on(hole->born, hole->to);
        d.details.witness_key = "finding.gap.ladder_witness";
        d.details.witness_args = {{"born", hole->born.iso()},
                                  {"last_day", hole->from.add_days(-1).iso()},
                                  {"again", hole->to.iso()}};
        out.push_back(std::move(d));
    }
}

/// Whether `actor`, or a larger actor it is part of, bears a duty in a topic
/// group toward `toward` (or toward a larger actor `toward` is part of).
bool has_duty(const Context& ctx, const std::string& actor, const std::string& group, const std::string& toward) {
    const auto bearers = ctx.model.actor_and_wholes(actor);
    const auto recipients = toward.empty() ? std::vector<std::string>{} : ctx.model.actor_and_wholes(toward);
    return std::any_of(ctx.in_force.begin(), ctx.in_force.end(), [&](const model::Norm* n) {
        if (n->modality != model::Modality::duty || group_of(ctx, n->topic) != group) return false;
        if (std::find(bearers.begin(), bearers.end(), n->actor) == bearers.end()) return false;
        return toward.empty() || std::any_of(recipients.begin(), recipients.end(), [&](const std::string& r) {
                   return std::find(n->counterparts.begin(), n->counterparts.end(), r) != n->counterparts.end();
               });
    });
}

// (b) a duty to cooperate from A toward B with no duty from B toward A; one
// finding per pair of actors, with every provision that lays the duty on A
void unreturned_cooperation(const Context& ctx, std::vector<Diagnostic>& out) {
    std::map<std::pair<std::string, std::string>, std::vector<const model::Norm*>> unreturned;
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || group_of(ctx, n->topic) != "samarbeid") continue;
        for (const std::string& other : n->counterparts) {
            if (other == n->actor || other == "barnet" || other == "foreldre") continue;
            // A service and the municipality it belongs to are one body, not two.
            const auto wholes = ctx.model.actor_and_wholes(n->actor);
            const auto others = ctx.model.actor_and_wholes(other);
            if (std::find(wholes.begin(), wholes.end(), other) != wholes.end() ||
                std::find(others.begin(), others.end(), n->actor) != others.end())
                continue;
            if (!has_duty(ctx, other, "samarbeid", n->actor)) unreturned[{n->actor, other}].push_back(n);
        }
    }
    for (const auto& [pair, norms] : unreturned) {
        const auto& [actor, other] = pair;
        std::vector<std::string> provisions;
        for (const model::Norm* n : norms) provisions.push_back(provision(*n));
        std::vector<const model::Norm*> others(norms.begin() + 1, norms.end());
        out.push_back(make_finding("gap", *norms.front(), others, "finding.gap.reciprocity",
                                   {{"actor", actor}, {"other_actor", other}, {"provisions", comma_list(provisions)}},
                                   "reciprocity-" + actor + "-" + other));
    }
}

// (c) a duty to notify with no duty on the recipient to act on it
void notice_without_follow_up(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || group_of(ctx, n->topic) != "melding") continue;
        for (const std::string& recipient : n->counterparts) {
            if (has_duty(ctx, recipient, "oppfølging", "")) continue;
            Diagnostic d = make_finding("gap", *n, {}, "finding.gap.follow_up",
                                        {{"actor", n->actor}, {"other_actor", recipient}, {"provision", provision(*n)}},
                                        "follow-up-" + recipient);
            out.push_back(std::move(d));
        }
    }
}

// (d) a duty that names nobody responsible
void duty_without_bearer(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || n->actor != nobody) continue;
        out.push_back(make_finding("gap", *n, {}, "finding.gap.no_bearer",
                                   {{"provision", provision(*n)}, {"topic", n->topic}}, "no-bearer"));
    }
}

}  // namespace

void check_gaps(const Context& ctx, std::vector<Diagnostic>& out) {
    const auto topics = by_topic(ctx);
    service_ladders(ctx, topics, out);
    unreturned_cooperation(ctx, out);
    notice_without_follow_up(ctx, out);
    duty_without_bearer(ctx, out);
}

}  // namespace lovsjekk::check
