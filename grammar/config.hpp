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
    const char* end = nullptr;  ///< the end of the whole input
};
struct parse_state_tag;

using iterator_type = const char*;

/// White space and # comments between tokens (what `ascii::space | '#' >>
/// *(char_ - eol)` matches), passed over in one call: X3 asks the skipper
/// before every token, and an alternative of parsers re-dispatched at each
/// character was a tenth of the parse.
struct skipper_parser : x3::parser<skipper_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        Iterator it = first;
        while (it != last) {
            const char c = *it;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                ++it;
            } else if (c == '#') {
                while (it != last && *it != '\n' && *it != '\r') ++it;
            } else {
                break;
            }
        }
        if (it == first) return false;
        first = it;
        return true;
    }
};
inline constexpr skipper_parser skipper{};
using skipper_type = skipper_parser;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using context_type =
    x3::context<parse_state_tag, std::reference_wrapper<ParseState>, phrase_context_type>;

}  // namespace lovsjekk::grammar
