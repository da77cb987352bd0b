// gap: where nobody is responsible — an age a service ladder leaves
// uncovered, a duty to cooperate that is not returned, a duty to notify
// that nobody must act on, a duty that names no responsible actor.
#include "check/finding.hpp"

#include "base/kinds.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lovsjekk::check {

namespace {

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
/// `norms` sorted by id, as by_topic gives them.
std::optional<Hole> widest_hole(const std::vector<const model::Norm*>& norms, BoundDates& dates) {
    std::optional<Hole> widest;
    // `rank`: the norm's place in `norms`, so that ties go by id without comparing ids.
    struct Cover { Date from, to; std::size_t rank; const model::Norm* norm; };
    auto before = [](const Cover& a, const Cover& b) {
        return std::tie(a.from, a.to, a.rank) < std::tie(b.from, b.to, b.rank);
    };
    // One list for every birthday, kept in order from the previous one: a
    // day later, birthday bounds move by a day and year bounds stay, so the
    // order barely changes and an insertion sort restores it in linear time.
    std::vector<Cover> covers;
    covers.reserve(norms.size());
    for (std::size_t rank = 0; rank < norms.size(); ++rank) covers.push_back({{}, {}, rank, norms[rank]});
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
        Diagnostic d = make_finding(ctx, kinds::gap, *hole->after, {hole->before}, "finding.gap.ladder",
                                    {{"topic", topic},
                                     {"provision", rule_text(ctx, *hole->before, RuleText::Of::provision)},
                                     {"rule_age", rule_text(ctx, *hole->before, RuleText::Of::age_rule)},
                                     {"other_provision", rule_text(ctx, *hole->after, RuleText::Of::provision)},
                                     {"other_rule_age", rule_text(ctx, *hole->after, RuleText::Of::age_rule)},
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

/// What a duty in a topic group is, as the catalogue words it ("samarbeide
/// med", "bevare taushet overfor"); a select keyword of finding.gap.*.
std::string duty_kind(const std::string& group) {
    static const std::map<std::string, std::string, std::less<>> kinds{{"samarbeid", "cooperate"},
                                                                       {"samordning", "coordinate"},
                                                                       {"opplysning", "share"},
                                                                       {"taushetsplikt", "confidential"},
                                                                       {"melding", "notify"}};
    const auto it = kinds.find(group);
    return it == kinds.end() ? "other" : it->second;
}

/// The topic groups whose duties bind one body to another and are expected
/// back: a duty of such a group is returned by a duty of the same group.
bool expects_return(const std::string& group) {
    return group == "samarbeid" || group == "taushetsplikt";
}

/// The bodies that count as one with an actor: the actor, every larger actor
/// it is part of, and every actor that is part of it ("del av"). A
/// municipality's duty counts for its services and a service's duty for its
/// municipality, one rule both ways; two services of one municipality are
/// still two bodies.
class Bodies {
public:
    explicit Bodies(const model::Model& model) : model_(model) {
        for (const auto& [id, actor] : model.actors) {
            const auto wholes = model.actor_and_wholes(id);
            for (std::size_t i = 1; i < wholes.size(); ++i) parts_[wholes[i]].push_back(id);
        }
    }

    const std::set<std::string>& one_with(const std::string& actor) {
        auto [it, added] = one_with_.try_emplace(actor);
        if (added) {
            const auto wholes = model_.actor_and_wholes(actor);
            it->second.insert(wholes.begin(), wholes.end());
            if (const auto parts = parts_.find(actor); parts != parts_.end())
                it->second.insert(parts->second.begin(), parts->second.end());
        }
        return it->second;
    }

private:
    const model::Model& model_;
    std::map<std::string, std::vector<std::string>> parts_;  // whole → every actor part of it, at any depth
    std::map<std::string, std::set<std::string>> one_with_;  // worked out once per actor
};

/// The duties in force, by topic group and bearer, with whom each bearer owes
/// them to: built once, so that asking costs a lookup, not a pass over every norm.
class DutyIndex {
public:
    explicit DutyIndex(const Context& ctx) : ctx_(ctx) {
        for (const model::Norm* n : ctx.in_force) {
            if (n->modality != model::Modality::duty) continue;
            const std::string& group = group_of(ctx, *n);
            owed_[group][n->actor].push_back(n);
            for (const std::string& toward : n->counterparts)
                ages_owed_[{group, n->actor, toward}].push_back(nominal_ages(*n));
            // "X skal sørge for at Y samarbeider med Z": Y is bound to act toward Z too.
            if (!n->performer().empty()) {
                owed_[group][n->performer()].push_back(n);
                for (const std::string& toward : n->counterparts)
                    ages_owed_[{group, n->performer(), toward}].push_back(nominal_ages(*n));
            }
        }
    }

    /// Whether `actor`, or a larger actor it is part of, bears a duty in a topic group.
    bool has_duty(const std::string& actor, const std::string& group) const {
        const auto in_group = owed_.find(group);
        if (in_group == owed_.end()) return false;
        const auto bearers = ctx_.model.actor_and_wholes(actor);
        return std::any_of(bearers.begin(), bearers.end(),
                           [&](const std::string& bearer) { return in_group->second.contains(bearer); });
    }

    /// The ages of the duties of a group borne by one of `bearers` toward one of `toward`.
    std::vector<AgeRange> ages_owed(const std::string& group, const std::set<std::string>& bearers,
                                    const std::set<std::string>& toward) const {
        std::vector<AgeRange> out;
        for (const std::string& bearer : bearers)
            for (const std::string& recipient : toward)
                if (const auto it = ages_owed_.find({group, bearer, recipient}); it != ages_owed_.end())
                    out.insert(out.end(), it->second.begin(), it->second.end());
        return out;
    }

private:
    const Context& ctx_;
    // group → bearer → the duties of that group it bears
    std::map<std::string, std::map<std::string, std::vector<const model::Norm*>>> owed_;
    // (group, bearer, recipient) → the ages of each duty of that group the bearer owes the recipient
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<AgeRange>> ages_owed_;
};

/// `need` less every range in `covered`: the ages left, lowest first.
std::vector<AgeRange> uncovered(AgeRange need, std::vector<AgeRange> covered) {
    std::sort(covered.begin(), covered.end(), [](AgeRange a, AgeRange b) { return a.from < b.from; });
    std::vector<AgeRange> left;
    int at = need.from;
    for (const AgeRange& c : covered) {
        if (c.empty() || c.to <= at) continue;
        if (c.from >= need.to) break;
        if (c.from > at) left.push_back({at, c.from});
        at = std::max(at, c.to);
        if (at >= need.to) break;
    }
    if (at < need.to) left.push_back({at, need.to});
    return left;
}

/// The union of age ranges, as sorted disjoint ranges.
std::vector<AgeRange> merged(std::vector<AgeRange> ranges) {
    std::sort(ranges.begin(), ranges.end(), [](AgeRange a, AgeRange b) { return a.from < b.from; });
    std::vector<AgeRange> out;
    for (const AgeRange& r : ranges) {
        if (r.empty()) continue;
        if (!out.empty() && r.from <= out.back().to) out.back().to = std::max(out.back().to, r.to);
        else out.push_back(r);
    }
    return out;
}

// (b) a duty between two bodies, in a group that expects a duty back (see
// expects_return), with no duty of the same group back in force on the same
// date for every age it covers. Only bodies are partners: a duty owed to
// the child, her family or the people around her expects nothing back, and
// the actor in role "ingen" (nobody named) is nobody's partner. One finding
// per kind of duty and pair of bodies, with every provision that lays the
// duty for an age left uncovered, and the ages left.
void unreturned_duties(const Context& ctx, const DutyIndex& duties, std::vector<Diagnostic>& out) {
    Bodies bodies(ctx.model);
    auto is_body = [&](const std::string& actor) { return ctx.model.role_of(actor) == model::ActorRole::body; };
    struct Pair {
        std::vector<const model::Norm*> norms;
        std::vector<AgeRange> left;
        bool returned_for_some_age = false;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Pair> unreturned;  // group, bearer, partner
    // The ages for which the partner's side owes the actor's side a duty of the
    // group, merged once per (group, partner, actor): the duties between two
    // bodies grow with the rule set, and each duty asked for them all again.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<AgeRange>> returned_ages;
    for (const model::Norm* n : ctx.in_force) {
        // The one who acts: the performer when another body must see to it ("sørge for at").
        const std::string& actor = n->acting_actor();
        if (n->modality != model::Modality::duty || !is_body(actor)) continue;
        const std::string& group = group_of(ctx, *n);
        if (!expects_return(group)) continue;
        const auto& one_with_actor = bodies.one_with(actor);
        for (const std::string& other : n->counterparts) {
            if (!is_body(other) || one_with_actor.contains(other)) continue;
            const AgeRange need = nominal_ages(*n);
            auto [owed_back, first_asked] = returned_ages.try_emplace({group, other, actor});
            if (first_asked) owed_back->second = merged(duties.ages_owed(group, bodies.one_with(other), one_with_actor));
            std::vector<AgeRange> returned;
            for (const AgeRange& r : owed_back->second) returned.push_back(intersect(r, need));
            const auto left = uncovered(need, returned);
            if (left.empty()) continue;
            Pair& pair = unreturned[{group, actor, other}];
            pair.returned_for_some_age |= std::any_of(returned.begin(), returned.end(), [](AgeRange r) { return !r.empty(); });
            pair.norms.push_back(n);
            pair.left.insert(pair.left.end(), left.begin(), left.end());
        }
    }
    for (const auto& [key, pair] : unreturned) {
        const auto& [group, actor, other] = key;
        std::vector<std::string> provisions;
        for (const model::Norm* n : pair.norms) provisions.push_back(provision(*n));
        const auto left = merged(pair.left);
        const bool all_ages = left.size() == 1 && left.front().from == 0 && left.front().to >= AgeRange::open;
        std::vector<Phrase> ages;
        for (const AgeRange& r : left) ages.push_back(std::get<std::vector<Phrase>>(describe_ages(r)).front());
        // Ages are said unless every age is left; a child is shown when the duty is returned for some ages.
        const bool partly = pair.returned_for_some_age && !all_ages;
        std::vector<const model::Norm*> others(pair.norms.begin() + 1, pair.norms.end());
        Diagnostic d = make_finding(ctx, kinds::gap, *pair.norms.front(), others, "finding.gap.reciprocity",
                                    {{"kind", duty_kind(group)},
                                     {"actor", actor},
                                     {"other_actor", other},
                                     {"provisions", comma_list(provisions)},
                                     {"some_ages", all_ages ? "no" : "yes"},
                                     {"ages", ages}},
                                    "reciprocity-" + (group == "samarbeid" ? std::string() : group + "-") + actor + "-" + other);
        set_detail_ages(d, left.front());
        if (partly) {
            d.details.witness_key = "finding.gap.reciprocity_witness";
            d.details.witness_args = {{"born", ctx.when.at.add_months(-left.front().from).iso()},
                                      {"at", ctx.when.at.iso()},
                                      {"age", std::int64_t{left.front().from / 12}},
                                      {"actor", actor},
                                      {"other_actor", other}};
        }
        out.push_back(std::move(d));
    }
}

// (c) a duty to notify with no duty on the recipient to act on it
void notice_without_follow_up(const Context& ctx, const DutyIndex& duties, std::vector<Diagnostic>& out) {
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || group_of(ctx, *n) != "melding") continue;
        for (const std::string& recipient : n->counterparts) {
            if (duties.has_duty(recipient, "oppfølging")) continue;
            Diagnostic d = make_finding(ctx, kinds::gap, *n, {}, "finding.gap.follow_up",
                                        {{"actor", n->actor},
                                         {"other_actor", recipient},
                                         {"provision", rule_text(ctx, *n, RuleText::Of::provision)}},
                                        "follow-up-" + recipient);
            out.push_back(std::move(d));
        }
    }
}

// (d) a duty that names nobody responsible
void duty_without_bearer(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || ctx.model.role_of(n->actor) != model::ActorRole::nobody) continue;
        out.push_back(make_finding(ctx, kinds::gap, *n, {}, "finding.gap.no_bearer",
                                   {{"provision", rule_text(ctx, *n, RuleText::Of::provision)}, {"topic", n->topic}},
                                   "no-bearer"));
    }
}

}  // namespace

void check_gaps(const Context& ctx, std::vector<Diagnostic>& out) {
    const auto& topics = by_topic(ctx);
    service_ladders(ctx, topics, out);
    const DutyIndex duties(ctx);
    unreturned_duties(ctx, duties, out);
    notice_without_follow_up(ctx, duties, out);
    duty_without_bearer(ctx, out);
}

}  // namespace lovsjekk::check
