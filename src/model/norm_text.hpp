// The texts a finding quotes of a norm (its provision, its age in the
// statute's words, its threshold), and the rule texts a finding holds
// deferred (RuleText) until it is worded.
#pragma once

#include "base/diagnostic.hpp"
#include "base/message.hpp"
#include "model/model.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::model {

/// The norm's main provision: "pbrl § 4-3 første ledd bokstav b".
std::string provision(const Norm& n);

/// How the norm's age reads in the statute's own words, in every language:
/// "over 16 år", "fra året 19".
std::string describe_age_rule(const Norm& n);

/// The threshold the norm sets, as a reader sees it: its age and, when it has
/// one, its weight ("fra 12 år, stor vekt fra 12 år").
std::string threshold_text(const Norm& n);

/// The sector's name; the id when the model has none.
std::string sector_name(const Model& model, const std::string& sector);

/// The norm's text `of`, as it reads in a finding.
std::string text_of(const Norm& n, RuleText::Of of);

/// The norm's text `of` as a message argument: deferred (a RuleText) when
/// `n` is one of `model`'s norms, else the text itself.
MessageValue rule_text(const Model& model, const Norm& n, RuleText::Of of);

/// The text `r` stands for: the norm's text, or, for one that stands where
/// ids become names, that text's sector name; as the finding would have held
/// it had it copied the text out when it was made. A position the model
/// lacks (rule_text never gives one) throws std::out_of_range.
std::string expanded_text(const Model& model, const RuleText& r);

/// Every RuleText in `args`, and in the phrases inside them, replaced by its
/// expanded_text; one at a position the model lacks is left as it is.
void expand_rule_texts(MessageArgs& args, const Model& model);

/// A finding's lists of the rules at `positions` (FindingDetails::norms):
/// their ids and their sectors, each sorted and once; their provisions in
/// full, in the order of `positions`, each once. The ids and sectors are the
/// model's own text. A position the model lacks throws std::out_of_range.
struct RuleLists {
    std::vector<std::string_view> sectors;
    std::vector<std::string_view> rules;
    std::vector<std::string> provisions;
};
RuleLists rule_lists(const Model& model, const std::vector<std::uint32_t>& positions);

/// The details' `sectors`, `rules` and `provisions` given from their `norms`
/// (rule_lists), which are then cleared; details without norms are left as
/// they are.
void expand_details(FindingDetails& details, const Model& model);

}  // namespace lovsjekk::model
