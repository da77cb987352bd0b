// gap (sector coverage): the vocabulary says what every sector that serves
// children is expected to address (`forventet X` on the topics that meet
// expectation X: the right to be heard, party rights, information,
// cooperation, coordination, the duty to notify child welfare). A sector
// with a directorate that serves a child on the date (a service, or a duty toward the child)
// and has no norm in force on any topic of an expectation is a gap: one
// finding per sector, listing what it misses. `utelatt forventet X "why"` in
// its file settles X: listed with the reason, and a note when all are settled.
#include "base/kinds.hpp"
#include "check/finding.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

/// What a sector does on the date: the laws of its norms in force, the
/// expectations it meets, and a norm by which it serves children.
struct SectorFacts {
    std::set<std::string> laws;
    std::set<std::string> met;
    const model::Norm* serves = nullptr;
};

bool serves_child(const Context& ctx, const model::Norm& n) {
    if (group_of(ctx, n) == "tjeneste")
        return n.modality == model::Modality::duty || n.modality == model::Modality::right;
    const std::string child = child_actor(ctx.model);
    return n.modality == model::Modality::duty &&
           std::find(n.counterparts.begin(), n.counterparts.end(), child) != n.counterparts.end();
}

const model::ExcludedRow* left_out(const model::Model& model, const std::string& sector, const std::string& expectation) {
    for (const model::ExcludedRow& e : model.excluded)
        if (e.sector == sector && e.expected == expectation) return &e;
    return nullptr;
}

}  // namespace

void check_coverage(const Context& ctx, std::vector<Diagnostic>& out) {
    // expectation → its topics, in id order
    std::map<std::string, std::vector<std::string>> expectations;
    for (const auto& [id, topic] : ctx.model.topics)
        if (!topic.expected.empty()) expectations[topic.expected].push_back(id);
    if (expectations.empty()) return;

    std::map<std::string, SectorFacts> facts;
    for (const model::Norm* n : ctx.in_force) {  // sorted by id: the first serving norm is the lowest id
        SectorFacts& f = facts[n->sector];
        if (!n->law().empty()) f.laws.insert(n->law());
        const auto topic = ctx.model.topics.find(n->topic);
        if (topic != ctx.model.topics.end() && !topic->second.expected.empty()) f.met.insert(topic->second.expected);
        if (!f.serves && serves_child(ctx, *n)) f.serves = n;
    }

    for (const model::Sector& sector : ctx.model.sectors) {
        // A service sector is one run by a directorate (`sektor … direktorat …`):
        // family law, administrative law and the like reach children through
        // the services of other sectors.
        if (sector.directorate.empty()) continue;
        const auto found = facts.find(sector.id);
        if (found == facts.end() || !found->second.serves) continue;
        const SectorFacts& f = found->second;
        // One finding per sector, listing every expectation it misses; one it
        // leaves out with a reason is listed with the reason and a note there.
        std::vector<Phrase> missing;
        std::vector<Note> notes;
        std::string first_topic;
        bool unsettled = false;
        for (const auto& [expectation, topics] : expectations) {
            if (f.met.contains(expectation)) continue;
            const model::ExcludedRow* exclusion = left_out(ctx.model, sector.id, expectation);
            missing.push_back({"finding.gap.coverage_group",
                               {{"topics", comma_list(topics)},  // ids, named by use_display_names
                                {"left_out", exclusion ? "yes" : "no"},
                                {"reason", exclusion ? exclusion->reason : std::string()}}});
            if (exclusion)
                notes.push_back({exclusion->span, {}, "finding.note.left_out", {{"reason", exclusion->reason}}});
            else unsettled = true;
            if (first_topic.empty()) first_topic = topics.front();
        }
        if (missing.empty()) continue;
        Diagnostic d;
        d.kind = kinds::gap;
        const KindInfo* gap = find_kind(kinds::gap);
        d.severity = unsettled ? (gap ? gap->default_severity : Severity::warning) : Severity::note;
        d.span = sector.span;
        d.message_key = "finding.gap.coverage";
        d.message_args = {{"sector", sector.id},
                          {"law_names", comma_list({f.laws.begin(), f.laws.end()})},
                          {"provision", provision(*f.serves)},
                          {"n", static_cast<std::int64_t>(missing.size())},
                          {"missing", missing}};
        d.notes = std::move(notes);
        d.details.topic = first_topic;
        d.details.sectors = {sector.id};
        d.details.rules = {f.serves->id};
        d.details.provisions = {f.serves->sources.empty() ? std::string() : f.serves->sources.front().short_text()};
        d.id = stable_id(std::string(kinds::gap), {"coverage", sector.id});
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::check
