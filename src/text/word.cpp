#include "text/word.hpp"

namespace lovsjekk::text {

void word(Diagnostic& d, const Catalogue& messages) {
    if (!d.message_key.empty()) d.message = messages.format(d.message_key, d.message_args);
    for (Note& n : d.notes)
        if (!n.message_key.empty()) n.message = messages.format(n.message_key, n.message_args);
    if (!d.details.witness_key.empty())
        d.details.witness = messages.format(d.details.witness_key, d.details.witness_args);
}

void word(std::vector<Diagnostic>& diags, const Catalogue& messages) {
    for (Diagnostic& d : diags) word(d, messages);
}

}  // namespace lovsjekk::text
