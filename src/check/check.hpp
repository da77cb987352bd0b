// The check stage: families of findings over the resolved model. Each family
// is one file in this folder and one entry in registry.cpp; a check reads
// the model and appends findings, and never prints.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "model/model.hpp"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lovsjekk::corpus {
class Corpus;
struct Law;
}

namespace lovsjekk::check {

/// A change to a provision a norm in force cites, in force on the evaluation
/// date, that the statute text predates (the index's note "Endres ved lov …
/// (i kraft …)"), where the norm has no version dated from the change: what
/// the norm says may be the old wording. The `reference` check reports it;
/// the summary marks the norm's sentence.
struct TextChange {
    const model::Norm* norm = nullptr;             ///< valid while the model lives
    const model::Citation* citation = nullptr;     ///< the norm's citation of the changed section
    std::string rule;        ///< the norm's id
    std::string provision;   ///< the section as cited: "pbrl § 4-3"
    std::string section;     ///< the index's section number: "4-3"
    std::string kind;        ///< "added", "changed", "repealed"
    std::string act;         ///< "LOV-2025-06-20-67"
    Date in_force;
};

/// A law as the rules declare it and as the statute index has it.
struct CitedLaw {
    const model::Law* declared = nullptr;  ///< null: the rules do not declare the name
    const corpus::Law* statute = nullptr;  ///< null: not declared, no index, or not in it
};

struct Context {
    Context(const model::Model& model, model::Evaluation when, const corpus::Corpus* corpus)
        : model(model), when(std::move(when)), corpus(corpus) {}

    const model::Model& model;
    model::Evaluation when;
    const corpus::Corpus* corpus = nullptr;  ///< null: no statute index, reference checks that need it are skipped
    /// Norms in force at `when`, sorted by id.
    std::vector<const model::Norm*> in_force;
    /// The same norms grouped by topic, each group sorted by id (most
    /// families read them so; grouped once, not once per family).
    std::map<std::string, std::vector<const model::Norm*>> by_topic;
    /// Norms that encode, in another file, a provision an earlier norm already
    /// encodes (repeat, original): left out of `in_force` and `by_topic`.
    std::vector<std::pair<const model::Norm*, const model::Norm*>> duplicates;
    /// Changes since the statute text to what the norms in force cite, by
    /// norm and then section and act; empty without a statute index.
    std::vector<TextChange> text_changes;

    /// The law a citation's short name names. Looked up once per law and
    /// then kept: the checks ask for every citation of every norm, and two
    /// searches of ordered string maps per citation were a tenth of a large
    /// run (the index's map holds every law of Norway).
    const CitedLaw& cited_law(const std::string& short_name) const;

    /// Each topic's group in the vocabulary, by topic id (check::group_of
    /// reads it): hashed, since a large rule set has thousands of topics and
    /// the checks ask for every norm's.
    std::unordered_map<std::string_view, const std::string*> topic_groups;
    /// Each norm in force's topic group, by the norm's place in the model's
    /// norms (null for the others: group_of looks them up). The checks ask
    /// for a norm's group several times each, and a hashed lookup of its
    /// topic every time was a twentieth of a run over a million norms.
    std::vector<const std::string*> norm_groups;

private:
    mutable std::unordered_map<std::string, CitedLaw> cited_laws_;
};

/// The changes since the statute text to what the norms in force in `ctx`
/// cite (make_context fills Context::text_changes with them).
std::vector<TextChange> changes_since_text(const Context& ctx);

/// Removes from `norms` each norm another file already encodes (same topic,
/// actor, modality and provision) and returns the pairs (repeat, original).
std::vector<std::pair<const model::Norm*, const model::Norm*>> drop_duplicate_encodings(
    std::vector<const model::Norm*>& norms);

/// The context the checks read: the norms in force at `when`, also by topic.
Context make_context(const model::Model& model, const model::Evaluation& when, const corpus::Corpus* corpus);

using CheckFunction = void (*)(const Context&, std::vector<Diagnostic>&);

/// One family of findings: its kind names its row in the table of kinds
/// (base/kinds.hpp: default severity, catalogue keys, SARIF name).
struct Family {
    std::string_view kind;
    CheckFunction run;
};

const std::vector<Family>& families();

/// An analysis of the system as a whole (sector coverage, transitions, who
/// leads, decisions across sectors): its findings have a family's kind, and
/// `lovsjekk explain NAME` prints its page (analysis.<name>.* in the catalogues).
struct Analysis {
    std::string_view name;
    std::string_view kind;  ///< its row in the table of kinds (base/kinds.hpp)
    CheckFunction run;
};

const std::vector<Analysis>& analyses();
const Analysis* find_analysis(const std::string& name);

/// Sorts findings by kind and id (stable) and drops repeated ids, as run_all returns them.
void sort_findings(std::vector<Diagnostic>& findings);

/// Runs every family and returns their findings, sorted and de-duplicated,
/// as values: catalogue keys and arguments, not yet worded (text/word.hpp).
std::vector<Diagnostic> run_all(const model::Model& model, const model::Evaluation& when,
                                const corpus::Corpus* corpus);
/// The same over a context made already (the driver keeps its text changes).
std::vector<Diagnostic> run_all(const Context& context);

}  // namespace lovsjekk::check
