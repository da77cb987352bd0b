// The X3 rules other grammar translation units may instantiate or call.
// Only grammar/*.cpp include this; the rest of lovsjekk uses api.hpp.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/config.hpp"

namespace lovsjekk::grammar {

struct declaration_class;
using declaration_type = x3::rule<declaration_class, ast::Declaration>;
BOOST_SPIRIT_DECLARE(declaration_type)

struct citation_class;
using citation_type = x3::rule<citation_class, ast::Citation>;
BOOST_SPIRIT_DECLARE(citation_type)

/// Whitespace and comments only: what may stand between declarations.
struct trailer_class;
using trailer_type = x3::rule<trailer_class>;

declaration_type const& declaration();
citation_type const& citation();

}  // namespace lovsjekk::grammar
