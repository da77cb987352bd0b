// The one list of finding families. Adding a family: write NAME.cpp with a
// `void check_NAME(const Context&, std::vector<Diagnostic>&)`, declare it
// here, add a row, and give it golden cases in tests/cases/.
#include "check/check.hpp"

#include "text/word.hpp"

#include <algorithm>

namespace lovsjekk::check {

void check_references(const Context&, std::vector<Diagnostic>&);
void check_conflicts(const Context&, std::vector<Diagnostic>&);
void check_divergences(const Context&, std::vector<Diagnostic>&);
void check_grey_zones(const Context&, std::vector<Diagnostic>&);
void check_gaps(const Context&, std::vector<Diagnostic>&);

const std::vector<Family>& families() {
    static const std::vector<Family> list = {
        {"reference", "citation or name that does not resolve",
         "A rule cites a provision the statute index lacks or that is not in force on the evaluation date, "
         "names an unknown law, actor, topic or rule, or repeats an id.",
         Severity::error, check_references},
        {"conflict", "norms that cannot both be followed",
         "Two norms apply to the same people at the same age and topic, and one requires or grants what the other "
         "forbids, or two actors each hold the sole power to decide. A declared exception (unntak fra) settles it.",
         Severity::warning, check_conflicts},
        {"divergence", "the same topic has different age limits in different sectors",
         "Each sector's rule is valid, but a child served by several sectors meets different ages, ways of "
         "counting or weights for the same right, depending on which service she meets.",
         Severity::warning, check_divergences},
        {"grey-zone", "room for doubt about who decides or from when",
         "A maturity judgement meets a fixed age limit, the same age is counted by birthday in one law and by "
         "calendar or school year in another, 'over N år' stands beside 'fylt N år', one child is named "
         "differently by the laws a duty crosses, or several services are responsible with nobody leading.",
         Severity::note, check_grey_zones},
        {"gap", "nobody is responsible",
         "An age that a service ladder leaves uncovered, a duty to cooperate that is not returned, a duty to "
         "notify that nobody must act on, or a duty that names no responsible actor.",
         Severity::warning, check_gaps},
    };
    return list;
}

const Family* find_family(const std::string& kind) {
    for (const Family& f : families())
        if (kind == f.kind) return &f;
    return nullptr;
}

Context make_context(const model::Model& model, const model::Evaluation& when, const corpus::Corpus* corpus) {
    Context context{model, when, corpus, {}, {}, {}};
    for (const model::Norm& n : model.norms)
        if (model::in_force(model, n, when)) context.in_force.push_back(&n);
    context.duplicates = drop_duplicate_encodings(context.in_force);
    for (const model::Norm* n : context.in_force) context.by_topic[n->topic].push_back(n);
    return context;
}

void sort_findings(std::vector<Diagnostic>& findings) {
    // A Diagnostic is large: the order is found on indices, and each finding
    // is moved once.
    std::vector<std::size_t> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(findings[a].kind, findings[a].id) < std::tie(findings[b].kind, findings[b].id);
    });
    std::vector<Diagnostic> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order)
        if (sorted.empty() || sorted.back().id != findings[i].id) sorted.push_back(std::move(findings[i]));
    findings = std::move(sorted);
}

std::vector<Diagnostic> run_all(const model::Model& model, const model::Evaluation& when,
                                const corpus::Corpus* corpus, const text::Catalogue& messages) {
    const Context context = make_context(model, when, corpus);
    std::vector<Diagnostic> findings;
    for (const Family& f : families()) f.run(context, findings);
    sort_findings(findings);
    text::word(findings, messages);
    return findings;
}

}  // namespace lovsjekk::check
