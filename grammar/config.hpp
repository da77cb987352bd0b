// The iterator, skipper and context types the grammar is instantiated for.
// The call site in api.cpp must build exactly this context, or the link fails.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <functional>

namespace lovsjekk::grammar {
namespace x3 = boost::spirit::x3;

/// Where the text starts, so that on_success can store byte offsets.
struct ParseState {
    const char* base = nullptr;
};
struct parse_state_tag;

using iterator_type = const char*;

// White space and # comments between tokens.
inline auto const skipper = x3::ascii::space | (x3::lit('#') >> *(x3::char_ - x3::eol));
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace lovsjekk::grammar
