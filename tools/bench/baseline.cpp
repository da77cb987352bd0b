// The all-pairs baseline. The finding texts are those of src/check/conflicts.cpp
// and src/check/divergences.cpp (copied, since those keep them private); the
// benchmark compares the ids both produce, so a drift shows at once.
#include "baseline.hpp"

#include "check/finding.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace lovsjekk::bench {

using check::AgeRange;

namespace {

bool clash(const model::Norm& forbid, const model::Norm& other) {
    const auto& toward = forbid.counterparts;
    if (other.modality == model::Modality::right || other.modality == model::Modality::power)
        return std::find(toward.begin(), toward.end(), other.actor) != toward.end() ||
               (toward.empty() && forbid.actor == other.actor);
    if (other.actor != forbid.actor) return false;
    if (toward.empty() || other.counterparts.empty()) return true;
    return std::any_of(toward.begin(), toward.end(), [&](const std::string& x) {
        return std::find(other.counterparts.begin(), other.counterparts.end(), x) != other.counterparts.end();
    });
}

const model::Norm* settling_exception(const model::Norm& a, const model::Norm& b) {
    if (std::find(a.exceptions.begin(), a.exceptions.end(), b.id) != a.exceptions.end()) return &a;
    if (std::find(b.exceptions.begin(), b.exceptions.end(), a.id) != b.exceptions.end()) return &b;
    return nullptr;
}

void report_pair(const check::Context& ctx, const model::Norm& first, const model::Norm& second, AgeRange overlap,
                 const MessageValue& what, std::vector<Diagnostic>& out) {
    Diagnostic d;
    if (const model::Norm* exception = settling_exception(first, second)) {
        const model::Norm& general = exception == &first ? second : first;
        d = check::make_finding(ctx, "conflict", *exception, {&general}, "finding.conflict.settled",
                                {{"what", what},
                                 {"ages", check::describe_ages(overlap)},
                                 {"exception", exception->id},
                                 {"general", general.id}},
                                "settled");
        d.severity = Severity::note;
    } else {
        d = check::make_finding(ctx, "conflict", first, {&second}, "finding.conflict.unsettled",
                                {{"what", what},
                                 {"ages", check::describe_ages(overlap)},
                                 {"provision", check::provision(first)},
                                 {"other_provision", check::provision(second)}});
        d.details.witness_key = "finding.conflict.witness";
        d.details.witness_args = {{"born", ctx.when.at.add_months(-overlap.from).iso()},
                                  {"at", ctx.when.at.iso()},
                                  {"age", std::int64_t{overlap.from / 12}},
                                  {"provision", check::provision(first)},
                                  {"statement", first.statement},
                                  {"other_provision", check::provision(second)},
                                  {"other_statement", second.statement}};
    }
    check::set_detail_ages(d, overlap);
    out.push_back(std::move(d));
}

std::string threshold_of(const model::Norm& n) {
    std::string s = check::describe_age_rule(n);
    if (n.weight) {
        s += std::string(", ") + model::weight_text(n.weight->level);
        if (n.weight->from_age) s += " fra " + std::to_string(*n.weight->from_age) + " år";
    }
    return s;
}

std::string signature_of(const model::Norm& n) {
    auto bound = [](const std::optional<model::Bound>& b) {
        return b ? std::to_string(b->nominal_months()) + model::basis_name(b->basis()) : std::string("-");
    };
    std::string s = bound(n.age.from) + "/" + bound(n.age.to) + (n.age.maturity ? "/m" : "/") +
                    (n.age.maturity_lowers_floor ? "y" : "");
    if (n.weight)
        s += "/w" + std::to_string(static_cast<int>(n.weight->level)) + "@" +
             (n.weight->from_age ? std::to_string(*n.weight->from_age) : "-");
    return s;
}

bool sets_threshold(const model::Norm& n) {
    return (n.age.specified && !n.age.regardless && (n.age.from || n.age.to || n.age.maturity)) || n.weight;
}

}  // namespace

void all_pairs_conflicts(const check::Context& ctx, std::vector<Diagnostic>& out) {
    const auto& norms = ctx.in_force;
    for (std::size_t i = 0; i < norms.size(); ++i) {
        const model::Norm& a = *norms[i];
        if (a.modality == model::Modality::may) continue;
        for (std::size_t j = i + 1; j < norms.size(); ++j) {
            const model::Norm& b = *norms[j];
            if (b.modality == model::Modality::may || a.topic != b.topic) continue;
            const AgeRange overlap = check::intersect(check::nominal_ages(a), check::nominal_ages(b));
            if (overlap.empty()) continue;
            const bool a_forbids = a.modality == model::Modality::must_not;
            const bool b_forbids = b.modality == model::Modality::must_not;
            if (a_forbids != b_forbids) {
                const model::Norm& forbid = a_forbids ? a : b;
                const model::Norm& other = a_forbids ? b : a;
                if (!clash(forbid, other)) continue;
                report_pair(ctx, other, forbid, overlap,
                            phrase("finding.conflict.forbids", {{"statement", other.statement},
                                                                {"other_statement", forbid.statement},
                                                                {"topic", a.topic}}),
                            out);
                continue;
            }
            const bool both_sole = a.modality == model::Modality::power && a.sole &&
                                   b.modality == model::Modality::power && b.sole;
            if (!both_sole || a.actor == b.actor) continue;
            const model::Norm& first = a.id < b.id ? a : b;
            const model::Norm& second = a.id < b.id ? b : a;
            report_pair(ctx, first, second, overlap,
                        phrase("finding.conflict.sole_powers",
                               {{"actor", first.actor}, {"other_actor", second.actor}, {"topic", a.topic}}),
                        out);
        }
    }
}

void all_pairs_divergences(const check::Context& ctx, std::vector<Diagnostic>& out) {
    const auto& norms = ctx.in_force;
    std::vector<bool> grouped(norms.size(), false);
    // Groups in the order the real check meets them: by topic, then modality.
    std::vector<std::vector<const model::Norm*>> groups;
    for (std::size_t i = 0; i < norms.size(); ++i) {
        if (grouped[i]) continue;
        std::vector<const model::Norm*> group{norms[i]};
        for (std::size_t j = i + 1; j < norms.size(); ++j)
            if (!grouped[j] && norms[j]->topic == norms[i]->topic && norms[j]->modality == norms[i]->modality) {
                grouped[j] = true;
                group.push_back(norms[j]);
            }
        groups.push_back(std::move(group));
    }
    for (const auto& norms_of : groups) {
        const std::string& topic = norms_of.front()->topic;
        const model::Modality modality = norms_of.front()->modality;
        std::map<std::string, std::set<std::string>> ladder_by_sector;
        std::vector<const model::Norm*> involved;
        for (const model::Norm* n : norms_of) {
            if (!sets_threshold(*n)) continue;
            ladder_by_sector[n->sector].insert(signature_of(*n));
            involved.push_back(n);
        }
        if (ladder_by_sector.size() < 2) continue;
        const auto& first = ladder_by_sector.begin()->second;
        if (std::all_of(ladder_by_sector.begin(), ladder_by_sector.end(),
                        [&](const auto& entry) { return entry.second == first; }))
            continue;
        std::stable_sort(involved.begin(), involved.end(), [](const model::Norm* a, const model::Norm* b) {
            return std::make_tuple(check::nominal_ages(*a).from, a->id) <
                   std::make_tuple(check::nominal_ages(*b).from, b->id);
        });
        std::vector<Phrase> ladder;
        for (const model::Norm* n : involved)
            ladder.push_back({"finding.divergence.step",
                              {{"sector", n->sector}, {"threshold", threshold_of(*n)}, {"provision", check::provision(*n)}}});
        const model::Norm& low = *involved.front();
        const model::Norm& high = *involved.back();
        std::vector<const model::Norm*> others(involved.begin() + 1, involved.end());
        Diagnostic d = check::make_finding(ctx, "divergence", low, others, "finding.divergence",
                                           {{"modality", model::modality_name(modality)},
                                            {"topic", topic},
                                            {"n", static_cast<std::int64_t>(ladder_by_sector.size())},
                                            {"ladder", ladder}},
                                           model::modality_name(modality));
        const AgeRange a = check::nominal_ages(low), b = check::nominal_ages(high);
        check::set_detail_ages(d, {a.from, b.from > a.from ? b.from : AgeRange::open});
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::bench
