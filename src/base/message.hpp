// A message still to be worded: a catalogue key and named arguments. Stages
// that find something (checks, the policy) state it this way, and the words
// are chosen last, in the language the user asked for (text/messages.hpp).
#pragma once

#include "base/date.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lovsjekk {

struct Phrase;

/// A text of one rule of the model, not yet copied out of it: which rule
/// (its position in the model's norms) and which of its texts. A finding
/// quotes rules' provisions, statements and ages; a large report holds these
/// few bytes instead, and each becomes its text (model::expand_rule_texts)
/// just before the finding is worded. The catalogue refuses one it is not
/// given the words for (text::RuleTextWords).
struct RuleText {
    enum class Of : std::uint8_t {
        id,         ///< "helse/samtykke-16"
        sector,     ///< the sector's id
        provision,  ///< the main provision in full: "pbrl § 4-3 første ledd bokstav b"
        statement,  ///< the statement line as written
        age_rule,   ///< the age in the statute's words: "over 16 år"
        threshold,  ///< the age and, when the rule has one, its weight: "fylt 16 år, stor vekt fra 12 år"
    };
    std::uint32_t rule = 0;
    Of of = Of::id;
    /// Stands where ids become names (check::use_display_names): it becomes
    /// its text's sector name, as a sector id there does.
    bool as_sector_name = false;
    bool operator==(const RuleText&) const = default;
};

/// A named argument's value: text (also select keywords), a whole number
/// (plural), a decimal number (`{lix, number, ::.0}`), a calendar date
/// (`{d, date, long}`), phrases worded in the same language first (a list
/// of them is joined by "; "), or a rule's text still to be copied out.
using MessageValue = std::variant<std::string, std::int64_t, double, Date, std::vector<Phrase>, RuleText>;
using MessageArgs = std::vector<std::pair<std::string, MessageValue>>;

struct Phrase {
    std::string key;
    MessageArgs args;
};

/// One phrase as an argument value.
inline MessageValue phrase(std::string key, MessageArgs args) {
    return std::vector<Phrase>{Phrase{std::move(key), std::move(args)}};
}

}  // namespace lovsjekk
