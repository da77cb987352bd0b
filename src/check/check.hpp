// The check stage: families of findings over the resolved model. Each family
// is one file in this folder and one entry in registry.cpp; a check reads
// the model and appends findings, and never prints.
#pragma once

#include "base/diagnostic.hpp"
#include "model/model.hpp"

#include <map>
#include <string>
#include <vector>

namespace lovsjekk::corpus {
class Corpus;
}

namespace lovsjekk::check {

struct Context {
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
};

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

}  // namespace lovsjekk::check
