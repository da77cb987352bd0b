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

/// The first birthday the ladders are tried for: every day of a leap year.
constexpr int birthdays = 366;
Date birthday(int i) { return Date::from_ymd(2008, 1, 1).add_days(i); }

/// A bound's date for each birthday is a function of its wording and age
/// alone, and all ladders share the same few bounds: each is worked out once.
class BoundDates {
public:
    Date date_for(const model::Bound& b, Date born, int birthday_index) {
        const auto w = static_cast<std::size_t>(b.wording);
        if (b.age < 0 || static_cast<std::size_t>(b.age) >= ages || w >= wordings) return b.date_for(born);
        std::vector<Date>& dates = table_[w * ages + static_cast<std::size_t>(b.age)];
        if (dates.empty()) {
            dates.reserve(birthdays);
            for (int i = 0; i < birthdays; ++i) dates.push_back(b.date_for(birthday(i)));
        }
        return dates[static_cast<std::size_t>(birthday_index)];
    }

private:
    static constexpr std::size_t wordings = 9, ages = 131;
    std::vector<std::vector<Date>> table_ = std::vector<std::vector<Date>>(wordings * ages);
};

// (a) For every birthday in a leap year, the dates each norm covers for that
// child; a hole between one service ending and the next beginning is a gap.
// Exact dates, so calendar-year and birthday bounds meeting are seen too.
std::optional<Hole> widest_hole(const std::vector<const model::Norm*>& norms, BoundDates& dates) {
    std::optional<Hole> widest;
    struct Cover { Date from, to; const model::Norm* norm; };
    auto before = [](const Cover& a, const Cover& b) {
        return std::tie(a.from, a.to, a.norm->id) < std::tie(b.from, b.to, b.norm->id);
    };
    // One list for every birthday, kept in order from the previous one: a
    // day later, birthday bounds move by a day and year bounds stay, so the
    // order barely changes and an insertion sort restores it in linear time.
    std::vector<Cover> covers;
    covers.reserve(norms.size());
    for (const model::Norm* n : norms) covers.push_back({{}, {}, n});
    for (int i = 0; i < birthdays; ++i) {
        const Date born = birthday(i);
        const Date never = born.add_years(200);
        for (Cover& c : covers) {
            c.from = c.norm->age.from ? dates.date_for(*c.norm->age.from, born, i) : born;
            c.to = c.norm->age.to ? dates.date_for(*c.norm->age.to, born, i) : never;
        }
        for (std::size_t k = 1; k < covers.size(); ++k)
            for (std::size_t m = k; m > 0 && before(covers[m], covers[m - 1]); --m) std::swap(covers[m], covers[m - 1]);
        // Only norms that cover some day count; how far those before the
        // current one reach, and whose it is (the first to reach that far).
        const Cover* previous = nullptr;
        Date reach;
        const model::Norm* last = nullptr;
        for (const Cover& c : covers) {
            if (!(c.from < c.to)) continue;
            if (!previous) {
                previous = &c;
                reach = c.to;
                last = c.norm;
                continue;
            }
            if (reach < c.from) {
                const int days = c.from.days() - reach.days();
                if (!widest || days > widest->days) widest = Hole{days, born, reach, c.from, last, c.norm};
            }
            if (reach < c.to) { reach = c.to; last = c.norm; }
        }
    }
    return widest;
}

void service_ladders(const Context& ctx, const std::map<std::string, std::vector<const model::Norm*>>& topics,
                     std::vector<Diagnostic>& out) {
    BoundDates dates;
    for (const auto& [topic, norms] : topics) {
        if (group_of(ctx, topic) != "tjeneste") continue;
        std::vector<const model::Norm*> services;
        for (const model::Norm* n : norms)
            if (serves(*n) && n->age.specified && !n->age.maturity) services.push_back(n);
        auto hole = widest_hole(services, dates);
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

/// The duties in force, by topic group and bearer, with whom each bearer owes
/// them to: built once, so that asking costs a lookup, not a pass over every norm.
class DutyIndex {
public:
    explicit DutyIndex(const Context& ctx) : ctx_(ctx) {
        for (const model::Norm* n : ctx.in_force) {
            if (n->modality != model::Modality::duty) continue;
            auto& toward = owed_[group_of(ctx, n->topic)][n->actor];
            toward.insert(n->counterparts.begin(), n->counterparts.end());
            // "X skal sørge for at Y samarbeider med Z": Y is bound to act toward Z too.
            if (!n->performer.empty())
                owed_[group_of(ctx, n->topic)][n->performer].insert(n->counterparts.begin(), n->counterparts.end());
        }
    }

    /// Whether `actor`, or a larger actor it is part of, bears a duty in a topic
    /// group toward `toward` (or toward a larger actor `toward` is part of).
    bool has_duty(const std::string& actor, const std::string& group, const std::string& toward) const {
        const auto in_group = owed_.find(group);
        if (in_group == owed_.end()) return false;
        const auto bearers = ctx_.model.actor_and_wholes(actor);
        const auto recipients = toward.empty() ? std::vector<std::string>{} : ctx_.model.actor_and_wholes(toward);
        return std::any_of(bearers.begin(), bearers.end(), [&](const std::string& bearer) {
            const auto owes = in_group->second.find(bearer);
            if (owes == in_group->second.end()) return false;
            return toward.empty() || std::any_of(recipients.begin(), recipients.end(), [&](const std::string& r) {
                       return owes->second.contains(r);
                   });
        });
    }

private:
    const Context& ctx_;
    // group → bearer → every actor some duty of that group is owed to
    std::map<std::string, std::map<std::string, std::set<std::string>>> owed_;
};

// (b) a duty to cooperate from A toward B with no duty from B toward A; one
// finding per pair of actors, with every provision that lays the duty on A
void unreturned_cooperation(const Context& ctx, const DutyIndex& duties, std::vector<Diagnostic>& out) {
    std::map<std::pair<std::string, std::string>, std::vector<const model::Norm*>> unreturned;
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || group_of(ctx, n->topic) != "samarbeid") continue;
        // The one who cooperates: the performer when another body must see to it.
        const std::string& actor = n->acting_actor();
        for (const std::string& other : n->counterparts) {
            if (other == actor || other == "barnet" || other == "foreldre") continue;
            // A service and the municipality it belongs to are one body, not two.
            const auto wholes = ctx.model.actor_and_wholes(actor);
            const auto others = ctx.model.actor_and_wholes(other);
            if (std::find(wholes.begin(), wholes.end(), other) != wholes.end() ||
                std::find(others.begin(), others.end(), actor) != others.end())
                continue;
            if (!duties.has_duty(other, "samarbeid", actor)) unreturned[{actor, other}].push_back(n);
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
void notice_without_follow_up(const Context& ctx, const DutyIndex& duties, std::vector<Diagnostic>& out) {
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || group_of(ctx, n->topic) != "melding") continue;
        for (const std::string& recipient : n->counterparts) {
            if (duties.has_duty(recipient, "oppfølging", "")) continue;
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
    const auto& topics = by_topic(ctx);
    service_ladders(ctx, topics, out);
    const DutyIndex duties(ctx);
    unreturned_cooperation(ctx, duties, out);
    notice_without_follow_up(ctx, duties, out);
    duty_without_bearer(ctx, out);
}

}  // namespace lovsjekk::check
