// grey-zone: where the law leaves room for doubt about who decides or when a
// rule starts — discretion meeting a fixed age, two ways of counting the
// same age, "over N år" beside "fylt N år", one child named differently by
// the laws a duty crosses, and shared responsibility with nobody leading.
#include "check/finding.hpp"

#include "base/kinds.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace lovsjekk::check {

namespace {

bool maturity_based(const model::Norm& n) { return n.age.maturity || n.discretionary(); }

bool fixed_floor(const model::Norm& n) {
    return n.age.from && !n.age.maturity && !n.age.maturity_lowers_floor && !n.discretionary();
}

// (a) a maturity-based or discretionary rule meeting a fixed threshold
void discretion_meets_fixed_age(const Context& ctx, const std::string& topic,
                                const std::vector<const model::Norm*>& norms, std::vector<Diagnostic>& out) {
    std::vector<const model::Norm*> discretion, fixed;
    for (const model::Norm* n : norms) {
        if (maturity_based(*n)) discretion.push_back(n);
        else if (fixed_floor(*n)) fixed.push_back(n);
    }
    if (discretion.empty() || fixed.empty()) return;
    std::vector<const model::Norm*> others(discretion.begin() + 1, discretion.end());
    others.insert(others.end(), fixed.begin(), fixed.end());
    // In years the numbers alone ("12, 16 år"); with an age in months each with its unit.
    const bool in_years = std::all_of(fixed.begin(), fixed.end(),
                                      [](const model::Norm* f) { return f->age.from->unit == model::AgeUnit::years; });
    std::vector<std::string> ages;
    std::set<int> seen;
    for (const model::Norm* f : fixed)
        if (seen.insert(f->age.from->nominal_months()).second)
            ages.push_back(in_years ? std::to_string(f->age.from->age) : model::amount_text(*f->age.from));
    // Worded as what the rule says: a judgement of maturity (its age says so,
    // or a condition marked `modenhet`), or other discretion (`skjønn`:
    // "særlig grunn" is no maturity test). A maturity condition is quoted first.
    const model::Norm& judged = *discretion.front();
    const auto quoted = [&judged](model::ConditionKind kind) -> const model::Condition* {
        const auto found = std::find_if(judged.conditions.begin(), judged.conditions.end(),
                                        [kind](const model::Condition& c) { return c.kind == kind; });
        return found == judged.conditions.end() ? nullptr : &*found;
    };
    const model::Condition* maturity_condition = quoted(model::ConditionKind::maturity);
    const bool maturity = judged.age.maturity || maturity_condition;
    const model::Condition* condition = maturity ? maturity_condition : quoted(model::ConditionKind::discretion);
    // The id part stays "maturity" for both wordings: a finding's id outlives its wording.
    Diagnostic d = make_finding(ctx, kinds::grey_zone, judged, others,
                                maturity ? Key("finding.grey_zone.maturity") : Key("finding.grey_zone.discretion"),
                                {{"topic", topic},
                                 {"provision", rule_text(ctx, judged, RuleText::Of::provision)},
                                 {"ages", comma_list(ages)},
                                 {"in_years", in_years ? "yes" : "no"},
                                 {"condition", condition ? condition->text : std::string()},
                                 {"has_condition", condition ? "yes" : "no"}},
                                "maturity");
    d.details.age_from = *seen.begin() / 12;
    out.push_back(std::move(d));
}

/// The window depends only on the two bounds' ages and wordings, and a large
/// rule set meets the same few pairs again and again: compute each once.
class WindowCache {
public:
    int widest_window_days(const model::Bound& a, const model::Bound& b) {
        const auto key = std::make_tuple(a.age, a.wording, b.age, b.wording);
        const auto found = days_.find(key);
        if (found != days_.end()) return found->second;
        return days_[key] = check::widest_window_days(a, b);
    }

private:
    std::map<std::tuple<int, model::Wording, int, model::Wording>, int> days_;
};

struct BoundUse {
    const model::Norm* norm;
    model::Bound bound;
};

// (b) calendar-year or school-year bounds beside birthday bounds, and
// (c) "over N år" beside "fylt N år" / "fra N år", at the same nominal age.
void counting_differs(const Context& ctx, const std::string& topic, const std::vector<const model::Norm*>& norms,
                      WindowCache& windows, std::vector<Diagnostic>& out) {
    std::map<int, std::vector<BoundUse>> by_age;
    for (const model::Norm* n : norms) {
        // Calendar and school years are whole years: only a bound in years can
        // meet one, and the wordings are compared in years too.
        if (n->age.from && n->age.from->unit == model::AgeUnit::years) by_age[n->age.from->age].push_back({n, *n->age.from});
        if (n->age.to && n->age.to->unit == model::AgeUnit::years) by_age[n->age.to->age].push_back({n, *n->age.to});
    }
    for (const auto& [age, uses] : by_age) {
        // (b) one finding per pair of bases at this age
        std::map<model::Basis, const BoundUse*> by_basis;
        for (const BoundUse& u : uses) by_basis.emplace(u.bound.basis(), &u);
        const auto birthday = by_basis.find(model::Basis::birthday);
        if (birthday != by_basis.end()) {
            for (const auto& [basis, use] : by_basis) {
                if (basis == model::Basis::birthday) continue;
                const int days = windows.widest_window_days(birthday->second->bound, use->bound);
                Diagnostic d = make_finding(ctx, kinds::grey_zone, *use->norm, {birthday->second->norm},
                                            "finding.grey_zone.basis",
                                            {{"topic", topic},
                                             {"age", std::int64_t{age}},
                                             {"basis", model::basis_name(basis)},
                                             {"provision", rule_text(ctx, *use->norm, RuleText::Of::provision)},
                                             {"other_provision",
                                              rule_text(ctx, *birthday->second->norm, RuleText::Of::provision)},
                                             {"days", std::int64_t{days}}},
                                            "basis-" + std::to_string(age) + model::basis_name(basis));
                d.details.age_from = age;
                d.details.witness_key = "finding.grey_zone.basis_witness";
                d.details.witness_args = {{"age", std::int64_t{age}}};
                out.push_back(std::move(d));
            }
        }
        // (c) wording
        const BoundUse* over = nullptr;
        const BoundUse* fylt = nullptr;
        for (const BoundUse& u : uses) {
            if (u.bound.wording == model::Wording::over && !over) over = &u;
            if ((u.bound.wording == model::Wording::fylt || u.bound.wording == model::Wording::fra) && !fylt) fylt = &u;
        }
        if (over && fylt && over->norm != fylt->norm) {
            Diagnostic d = make_finding(ctx, kinds::grey_zone, *over->norm, {fylt->norm}, "finding.grey_zone.over",
                                        {{"topic", topic},
                                         {"provision", rule_text(ctx, *over->norm, RuleText::Of::provision)},
                                         {"other_provision", rule_text(ctx, *fylt->norm, RuleText::Of::provision)},
                                         {"age", std::int64_t{age}},
                                         {"wording", model::wording_text(fylt->bound.wording)}},
                                        "over-" + std::to_string(age));
            d.details.age_from = age;
            out.push_back(std::move(d));
        }
    }
}

// (d) one child, different words, where a duty crosses laws: one finding
// with a row per pair of words (however many laws use each), naming the
// laws that use each word and counting the duties that link them
void actor_words_across_laws(const Context& ctx, std::vector<Diagnostic>& out) {
    // The child is whichever actor the vocabulary gives the role "barnet".
    const auto child = std::find_if(ctx.model.actors.begin(), ctx.model.actors.end(),
                                    [](const auto& entry) { return entry.second.role == model::ActorRole::child; });
    if (child == ctx.model.actors.end()) return;
    std::map<std::string, std::string> word_in_law;
    for (const auto& [law, word] : child->second.aliases) word_in_law.emplace(law, word);
    // The laws that govern an actor's cooperation: those of its own duties to cooperate.
    std::map<std::string, std::set<std::string>> laws_of_actor;
    for (const model::Norm* n : ctx.in_force)
        if (n->modality == model::Modality::duty && !n->counterparts.empty()) laws_of_actor[n->actor].insert(n->law());

    struct Crossing {
        std::set<std::string> laws, other_laws;
        std::vector<const model::Norm*> duties;
    };
    std::map<std::pair<std::string, std::string>, Crossing> crossings;  // by the two words, in order
    for (const model::Norm* n : ctx.in_force) {
        if (n->modality != model::Modality::duty || n->counterparts.empty()) continue;
        const auto own = word_in_law.find(n->law());
        if (own == word_in_law.end()) continue;
        for (const std::string& c : n->counterparts)
            for (const std::string& law : laws_of_actor[c]) {
                const auto theirs = word_in_law.find(law);
                if (theirs == word_in_law.end() || theirs->second == own->second) continue;
                const bool own_first = own->second < theirs->second;
                Crossing& crossing = crossings[own_first ? std::make_pair(own->second, theirs->second)
                                                         : std::make_pair(theirs->second, own->second)];
                (own_first ? crossing.laws : crossing.other_laws).insert(own->first);
                (own_first ? crossing.other_laws : crossing.laws).insert(theirs->first);
                if (std::find(crossing.duties.begin(), crossing.duties.end(), n) == crossing.duties.end())
                    crossing.duties.push_back(n);
            }
    }
    if (crossings.empty()) return;
    // One finding for the whole table: a row per pair of words, with the laws
    // that use each and how many duties cross between them.
    std::vector<Phrase> table;
    std::vector<const model::Norm*> linking;  // the first duty of each row
    std::set<const model::Norm*> duties;
    for (const auto& [words, crossing] : crossings) {
        table.push_back({"finding.grey_zone.names_row",
                         {{"word", words.first},
                          {"law", comma_list({crossing.laws.begin(), crossing.laws.end()})},
                          {"other_word", words.second},
                          {"other_law", comma_list({crossing.other_laws.begin(), crossing.other_laws.end()})},
                          {"n", static_cast<std::int64_t>(crossing.duties.size())}}});
        duties.insert(crossing.duties.begin(), crossing.duties.end());
        if (std::find(linking.begin(), linking.end(), crossing.duties.front()) == linking.end())
            linking.push_back(crossing.duties.front());
    }
    std::sort(linking.begin(), linking.end(), [](const model::Norm* a, const model::Norm* b) { return a->id < b->id; });
    std::vector<const model::Norm*> others(linking.begin() + 1, linking.end());
    std::set<std::string> words;
    for (const auto& [pair, crossing] : crossings) words.insert({pair.first, pair.second});
    Diagnostic d = make_finding(ctx, kinds::grey_zone, *linking.front(), others, "finding.grey_zone.names",
                                {{"word_count", static_cast<std::int64_t>(words.size())},
                                 {"pairs", static_cast<std::int64_t>(crossings.size())},
                                 {"n", static_cast<std::int64_t>(duties.size())},
                                 {"table", table}},
                                "names");
    d.severity = Severity::note;
    d.details.topic.clear();
    out.push_back(std::move(d));
}

// (e) several services responsible for the same child and service, with no
// norm that makes one of them lead or coordinate
void responsibility_without_lead(const Context& ctx, const std::map<std::string, std::vector<const model::Norm*>>& topics,
                                 std::vector<Diagnostic>& out) {
    // Only the ages of the coordinating duties matter here, and they repeat:
    // keep each distinct range once.
    std::set<std::pair<int, int>> coordinated_ages;
    for (const auto& [topic, norms] : topics)
        if (group_of(ctx, topic) == "samordning")
            for (const model::Norm* n : norms)
                if (n->modality == model::Modality::duty) {
                    const AgeRange r = nominal_ages(*n);
                    coordinated_ages.emplace(r.from, r.to);
                }
    for (const auto& topic_norms : topics) {
        const auto& topic = topic_norms.first;  // no structured binding: clang < 16 cannot capture one
        const auto& norms = topic_norms.second;
        if (group_of(ctx, topic) != "tjeneste") continue;
        std::vector<const model::Norm*> duties;
        for (const model::Norm* n : norms)
            if (n->modality == model::Modality::duty) duties.push_back(n);
        for_each_overlapping_pair(duties, [&](const model::Norm& x, const model::Norm& y, AgeRange overlap) {
            if (x.sector == y.sector || x.actor == y.actor) return;
            const model::Norm& a = x.id < y.id ? x : y;
            const model::Norm& b = x.id < y.id ? y : x;
            const bool led = std::any_of(coordinated_ages.begin(), coordinated_ages.end(), [&](const auto& c) {
                return !intersect(AgeRange{c.first, c.second}, overlap).empty();
            });
            if (led) return;
            Diagnostic d = make_finding(ctx, kinds::grey_zone, a, {&b}, "finding.grey_zone.lead",
                                        {{"actor", a.actor},
                                         {"provision", rule_text(ctx, a, RuleText::Of::provision)},
                                         {"other_actor", b.actor},
                                         {"other_provision", rule_text(ctx, b, RuleText::Of::provision)},
                                         {"topic", topic},
                                         {"ages", describe_ages(overlap)}},
                                        "lead");
            set_detail_ages(d, overlap);
            out.push_back(std::move(d));
        });
    }
}

}  // namespace

void check_grey_zones(const Context& ctx, std::vector<Diagnostic>& out) {
    const auto& topics = by_topic(ctx);
    WindowCache windows;
    for (const auto& [topic, norms] : topics) {
        discretion_meets_fixed_age(ctx, topic, norms, out);
        counting_differs(ctx, topic, norms, windows, out);
    }
    actor_words_across_laws(ctx, out);
    responsibility_without_lead(ctx, topics, out);
}

}  // namespace lovsjekk::check
