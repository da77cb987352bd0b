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

/// A named argument's value: text (also select keywords), a whole number
/// (plural), a decimal number (`{lix, number, ::.0}`), a calendar date
/// (`{d, date, long}`), or phrases worded in the same language first (a list
/// of them is joined by "; ").
using MessageValue = std::variant<std::string, std::int64_t, double, Date, std::vector<Phrase>>;
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
