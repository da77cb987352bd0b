// Instantiates the citation rule on its own, for parsing citations outside
// rule files (command-line arguments, the language server, fuzzing).
#include "grammar/grammar_def.hpp"

namespace lovsjekk::grammar {

BOOST_SPIRIT_INSTANTIATE(citation_type, iterator_type, context_type)

citation_type const& citation() { return citation_rule; }

}  // namespace lovsjekk::grammar
