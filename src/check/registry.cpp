// The one list of finding families. Adding a family: write NAME.cpp with a
// `void check_NAME(const Context&, std::vector<Diagnostic>&)`, declare it
// here, add a row, and give it golden cases in tests/cases/.
#include "check/check.hpp"
#include "check/finding.hpp"

#include "base/kinds.hpp"
#include "corpus/corpus.hpp"

#include <algorithm>
#include <unordered_map>

namespace lovsjekk::check {

void check_references(const Context&, std::vector<Diagnostic>&);
void check_conflicts(const Context&, std::vector<Diagnostic>&);
void check_divergences(const Context&, std::vector<Diagnostic>&);
void check_grey_zones(const Context&, std::vector<Diagnostic>&);
void check_gaps(const Context&, std::vector<Diagnostic>&);
void check_coverage(const Context&, std::vector<Diagnostic>&);
void check_transitions(const Context&, std::vector<Diagnostic>&);
void check_lead(const Context&, std::vector<Diagnostic>&);
void check_cross_sector(const Context&, std::vector<Diagnostic>&);

const std::vector<Family>& families() {
    static const std::vector<Family> list = {
        {kinds::reference, check_references}, {kinds::conflict, check_conflicts}, {kinds::divergence, check_divergences},
        {kinds::grey_zone, check_grey_zones}, {kinds::gap, check_gaps},
    };
    return list;
}

const std::vector<Analysis>& analyses() {
    static const std::vector<Analysis> list = {
        {"coverage", kinds::gap, check_coverage},
        {"transitions", kinds::gap, check_transitions},
        {"who-leads", kinds::grey_zone, check_lead},
        {"cross-sector", kinds::divergence, check_cross_sector},
    };
    return list;
}

const Analysis* find_analysis(const std::string& name) {
    for (const Analysis& a : analyses())
        if (name == a.name) return &a;
    return nullptr;
}

Context make_context(const model::Model& model, const model::Evaluation& when, const corpus::Corpus* corpus) {
    Context context{model, when, corpus};
    context.topic_groups.reserve(model.topics.size());
    for (const auto& [id, topic] : model.topics) context.topic_groups.emplace(id, &topic.group);
    for (const model::Norm& n : model.norms)
        if (model::in_force(context.cited_law(n.law()).declared, n, when)) context.in_force.push_back(&n);
    context.duplicates = drop_duplicate_encodings(context.in_force);
    // Grouped by hashing each topic, then each group put in the ordered map
    // once: a million insertions into an ordered map of strings compared
    // their topics a score of times each. Each group keeps the norms' order.
    std::unordered_map<std::string_view, std::vector<const model::Norm*>> grouped;
    for (const model::Norm* n : context.in_force) grouped[n->topic].push_back(n);
    context.norm_groups.assign(model.norms.size(), nullptr);
    for (auto& [topic, norms] : grouped) {
        const std::string* group = &group_of(context, norms.front()->topic);
        for (const model::Norm* n : norms)
            context.norm_groups[static_cast<std::size_t>(n - model.norms.data())] = group;
        context.by_topic.emplace(std::string(topic), std::move(norms));
    }
    if (corpus) context.text_changes = changes_since_text(context);
    return context;
}

const CitedLaw& Context::cited_law(const std::string& short_name) const {
    auto it = cited_laws_.find(short_name);
    if (it != cited_laws_.end()) return it->second;
    CitedLaw law;
    law.declared = model.find_law(short_name);
    if (law.declared && corpus) law.statute = corpus->find(law.declared->lovdata_id);
    return cited_laws_.emplace(short_name, law).first->second;
}

void sort_findings(std::vector<Diagnostic>& findings) {
    // A Diagnostic is large: sorted in place through an index permutation
    // (found on a copy of the keys), each finding moved about once; then the
    // first of each id is kept.
    reorder(findings, stable_order_by_text<2>(findings, [](const Diagnostic& d) {
                return std::array<std::string_view, 2>{d.kind, d.id};
            }));
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Diagnostic& a, const Diagnostic& b) { return a.id == b.id; }),
                   findings.end());
}

std::vector<Diagnostic> run_all(const model::Model& model, const model::Evaluation& when,
                                const corpus::Corpus* corpus) {
    return run_all(make_context(model, when, corpus));
}

std::vector<Diagnostic> run_all(const Context& context) {
    std::vector<Diagnostic> findings;
    for (const Family& f : families()) f.run(context, findings);
    for (const Analysis& a : analyses()) a.run(context, findings);
    sort_findings(findings);
    return findings;
}

}  // namespace lovsjekk::check
