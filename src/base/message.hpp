// A message still to be worded: a catalogue key and named arguments. Stages
// that find something (checks, the policy) state it this way, and the words
// are chosen last, in the language the user asked for (text/messages.hpp).
#pragma once

#include "base/date.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace lovsjekk {

struct Phrase;

/// A catalogue key ("finding.conflict.message") or an argument's name
/// ("sector"): text that lives as long as the program, held as one pointer.
/// A report holds a key and a dozen names per finding, so a copied string
/// each (32 bytes, and a heap block for a key over 15 bytes) cost a fifth of
/// a finding. A key is a string literal, or text made lasting by intern();
/// any other text does not convert, so a key cannot dangle.
class Key {
public:
    constexpr Key() = default;
    template <std::size_t N>
    constexpr Key(const char (&literal)[N]) : text_(literal) {}  // NOLINT: literals convert
    /// The same text kept for the rest of the program (each distinct text
    /// once): for keys read from tables or built from ids.
    static Key intern(std::string_view text);

    std::string_view view() const { return text_; }
    operator std::string_view() const { return text_; }  // NOLINT: reads as text
    const char* c_str() const { return text_; }
    bool empty() const { return *text_ == '\0'; }
    std::size_t size() const { return std::strlen(text_); }
    /// Compared where it lies, without measuring it first (the catalogue
    /// compares every argument's name with the pattern's).
    friend bool operator==(Key a, std::string_view b) {
        for (std::size_t i = 0; i < b.size(); ++i)
            if (a.text_[i] != b[i] || a.text_[i] == '\0') return false;
        return a.text_[b.size()] == '\0';
    }

private:
    struct Lasting {};
    Key(const char* lasting, Lasting) : text_(lasting) {}
    const char* text_ = "";
};

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
using MessageArgs = std::vector<std::pair<Key, MessageValue>>;

struct Phrase {
    Key key;
    MessageArgs args;
};

/// One phrase as an argument value.
inline MessageValue phrase(Key key, MessageArgs args) {
    return std::vector<Phrase>{Phrase{key, std::move(args)}};
}

}  // namespace lovsjekk
