// conflict: two norms that apply to the same people at the same age and
// cannot both be followed — one requires or grants what the other forbids,
// or two actors each hold the sole power to decide the same matter.
#include "check/finding.hpp"

#include "base/kinds.hpp"

#include <algorithm>
#include <set>

namespace lovsjekk::check {

namespace {

/// Whether obeying `forbid` can stop `other` from being honoured: the same
/// actor is bound both to act and not to act toward the same people, or the
/// prohibition is owed against the very holder of a right or power.
bool clash(const model::Norm& forbid, const model::Norm& other) {
    const auto& toward = forbid.counterparts;
    if (other.modality == model::Modality::right || other.modality == model::Modality::power)
        return std::find(toward.begin(), toward.end(), other.actor) != toward.end() ||
               (toward.empty() && forbid.actor == other.actor);
    if (other.actor != forbid.actor) return false;  // each actor can obey its own rule
    if (toward.empty() || other.counterparts.empty()) return true;
    return std::any_of(toward.begin(), toward.end(), [&](const std::string& x) {
        return std::find(other.counterparts.begin(), other.counterparts.end(), x) != other.counterparts.end();
    });
}

/// The exception that settles the pair, if one norm is declared an exception from the other.
const model::Norm* settling_exception(const model::Norm& a, const model::Norm& b) {
    if (std::find(a.exceptions.begin(), a.exceptions.end(), b.id) != a.exceptions.end()) return &a;
    if (std::find(b.exceptions.begin(), b.exceptions.end(), a.id) != b.exceptions.end()) return &b;
    return nullptr;
}

using Of = RuleText::Of;

/// `what` is the clash as a phrase (finding.conflict.forbids or .sole_powers).
void report_pair(const Context& ctx, const model::Norm& first, const model::Norm& second, AgeRange overlap,
                 const MessageValue& what, std::vector<Diagnostic>& out) {
    Diagnostic d;
    if (const model::Norm* exception = settling_exception(first, second)) {
        const model::Norm& general = exception == &first ? second : first;
        d = make_finding(ctx, kinds::conflict, *exception, {&general}, "finding.conflict.settled",
                         {{"what", what},
                          {"ages", describe_ages(overlap)},
                          {"exception", rule_text(ctx, *exception, Of::id)},
                          {"general", rule_text(ctx, general, Of::id)}},
                         "settled");
        d.severity = Severity::note;
        d.details.settled = true;
    } else {
        d = make_finding(ctx, kinds::conflict, first, {&second}, "finding.conflict.unsettled",
                         {{"what", what},
                          {"ages", describe_ages(overlap)},
                          {"provision", rule_text(ctx, first, Of::provision)},
                          {"other_provision", rule_text(ctx, second, Of::provision)}});
        d.details.witness_key = "finding.conflict.witness";
        d.details.witness_args = {{"born", ctx.when.at.add_months(-overlap.from).iso()},
                                  {"at", ctx.when.at.iso()},
                                  {"age", std::int64_t{overlap.from / 12}},
                                  {"provision", rule_text(ctx, first, Of::provision)},
                                  {"statement", rule_text(ctx, first, Of::statement)},
                                  {"other_provision", rule_text(ctx, second, Of::provision)},
                                  {"other_statement", rule_text(ctx, second, Of::statement)}};
    }
    set_detail_ages(d, overlap);
    out.push_back(std::move(d));
}

}  // namespace

void check_conflicts(const Context& ctx, std::vector<Diagnostic>& out) {
    // Not a structured binding: clang before 16 cannot capture one in the lambda below.
    for (const auto& topic_norms : by_topic(ctx)) {
        const auto& topic = topic_norms.first;
        const auto& norms = topic_norms.second;
        // Only norms that forbid, or grant the sole power, can clash; the sweep
        // meets only pairs whose ages overlap.
        // Without a prohibition on the topic only two sole powers can clash:
        // leaving the rest out keeps a topic with many rights or duties (100 000
        // rules in one file) linear instead of visiting every pair.
        const bool any_forbid = std::any_of(norms.begin(), norms.end(), [](const model::Norm* n) {
            return n->modality == model::Modality::must_not;
        });
        std::vector<const model::Norm*> candidates;
        for (const model::Norm* n : norms)
            if (n->modality != model::Modality::may &&
                (any_forbid || (n->modality == model::Modality::power && n->sole)))
                candidates.push_back(n);
        for_each_overlapping_pair(candidates, [&](const model::Norm& a, const model::Norm& b, AgeRange overlap) {
            const bool a_forbids = a.modality == model::Modality::must_not;
            const bool b_forbids = b.modality == model::Modality::must_not;
            if (a_forbids != b_forbids) {
                const model::Norm& forbid = a_forbids ? a : b;
                const model::Norm& other = a_forbids ? b : a;
                if (!clash(forbid, other)) return;
                report_pair(ctx, other, forbid, overlap,
                            phrase("finding.conflict.forbids",
                                   {{"statement", rule_text(ctx, other, Of::statement)},
                                    {"other_statement", rule_text(ctx, forbid, Of::statement)},
                                    {"topic", topic}}),
                            out);
                return;
            }
            const bool both_sole = a.modality == model::Modality::power && a.sole &&
                                   b.modality == model::Modality::power && b.sole;
            if (!both_sole || a.actor == b.actor) return;
            const model::Norm& first = a.id < b.id ? a : b;
            const model::Norm& second = a.id < b.id ? b : a;
            report_pair(ctx, first, second, overlap,
                        phrase("finding.conflict.sole_powers",
                               {{"actor", first.actor}, {"other_actor", second.actor}, {"topic", topic}}),
                        out);
        });
    }
}

}  // namespace lovsjekk::check
