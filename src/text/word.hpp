// The last step before output: word every diagnostic that was stated as a
// catalogue key (findings, notes, witnesses) in one language.
#pragma once

#include "base/diagnostic.hpp"
#include "text/messages.hpp"

#include <vector>

namespace lovsjekk::text {

/// Fills `message`, the notes' messages and the witness from their keys;
/// leaves text without a key as it is. Throws MessageError for a missing key
/// or argument.
void word(Diagnostic& d, const Catalogue& messages);
void word(std::vector<Diagnostic>& diags, const Catalogue& messages);

}  // namespace lovsjekk::text
