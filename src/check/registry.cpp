// The one list of finding families. Adding a family: write NAME.cpp with a
// `void check_NAME(const Context&, std::vector<Diagnostic>&)`, declare it
// here, add a row, and give it golden cases in tests/cases/.
#include "check/check.hpp"

#include <algorithm>

namespace lovsjekk::check {

void check_references(const Context&, std::vector<Diagnostic>&);

const std::vector<Family>& families() {
    static const std::vector<Family> list = {
        {"reference", "citation or name that does not resolve",
         "A rule cites a provision the statute index lacks or that is not in force on the evaluation date, "
         "names an unknown law, actor, topic or rule, or repeats an id.",
         Severity::error, check_references},
    };
    return list;
}

const Family* find_family(const std::string& kind) {
    for (const Family& f : families())
        if (kind == f.kind) return &f;
    return nullptr;
}

std::vector<Diagnostic> run_all(const model::Model& model, const model::Evaluation& when,
                                const corpus::Corpus* corpus) {
    Context context{model, when, corpus, {}};
    for (const model::Norm& n : model.norms)
        if (model::in_force(model, n, when)) context.in_force.push_back(&n);
    std::vector<Diagnostic> findings;
    for (const Family& f : families()) f.run(context, findings);
    std::stable_sort(findings.begin(), findings.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
    });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [](const Diagnostic& a, const Diagnostic& b) { return a.id == b.id; }),
                   findings.end());
    return findings;
}

}  // namespace lovsjekk::check
