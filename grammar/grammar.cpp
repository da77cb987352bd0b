// Instantiates the declaration grammar: the one expensive translation unit.
#include "grammar/grammar_def.hpp"

namespace lovsjekk::grammar {

BOOST_SPIRIT_INSTANTIATE(declaration_type, iterator_type, context_type)

declaration_type const& declaration() { return declaration_rule; }

}  // namespace lovsjekk::grammar
