#include "grammar/api.hpp"

#include "grammar/config.hpp"
#include "grammar/grammar.hpp"

#include <boost/core/demangle.hpp>

namespace lovsjekk::grammar {

namespace {

std::string readable_expectation(const std::string& which) {
    // Named rules give readable names; a bare literal comes back as its
    // text in quotes; anything else is a grammar bug worth seeing verbatim.
    if (which.empty()) return "something else";
    return which;
}

template <typename Rule, typename Attribute>
bool run(Rule const& rule, const char*& first, const char* last, const char* base, Attribute& out,
         SyntaxFailure& failure) {
    ParseState state{base, last};
    try {
        return x3::phrase_parse(first, last, x3::with<parse_state_tag>(std::ref(state))[rule], skipper, out);
    } catch (const x3::expectation_failure<iterator_type>& e) {
        failure.offset = static_cast<std::size_t>(e.where() - base);
        failure.expected = readable_expectation(e.which());
        return false;
    }
}

}  // namespace

StepResult parse_declaration(std::string_view text, std::size_t& offset, ast::Declaration& out,
                             SyntaxFailure& failure) {
    const char* base = text.data();
    const char* first = base + offset;
    const char* last = base + text.size();
    x3::phrase_parse(first, last, x3::eps, skipper);
    offset = static_cast<std::size_t>(first - base);
    if (first == last) return StepResult::end_of_input;
    failure = SyntaxFailure{offset, "a declaration (sektor, lov, aktør, tema, regel, …)"};
    if (run(declaration(), first, last, base, out, failure)) {
        offset = static_cast<std::size_t>(first - base);
        return StepResult::parsed;
    }
    return StepResult::failed;
}

bool parse_citation(std::string_view text, ast::Citation& out, SyntaxFailure& failure) {
    const char* base = text.data();
    const char* first = base;
    const char* last = base + text.size();
    failure = SyntaxFailure{0, "a citation (such as pbrl § 4-3 første ledd)"};
    if (!run(citation(), first, last, base, out, failure)) return false;
    x3::phrase_parse(first, last, x3::eps, skipper);
    if (first != last) {
        failure = SyntaxFailure{static_cast<std::size_t>(first - base), "the end of the citation"};
        return false;
    }
    return true;
}

}  // namespace lovsjekk::grammar
