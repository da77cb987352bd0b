// The EBNF file and the X3 grammar cannot drift apart: every example block
// in grammar/regel.ebnf must parse without a single diagnostic.
#include "parse/parser.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace lovsjekk;

namespace {

std::vector<std::string> examples_in(const std::string& ebnf) {
    std::vector<std::string> out;
    const std::string open = "(* EXAMPLE";
    for (std::size_t at = ebnf.find(open); at != std::string::npos; at = ebnf.find(open, at + 1)) {
        const std::size_t body = ebnf.find('\n', at) + 1;
        const std::size_t close = ebnf.find("*)", body);
        out.push_back(ebnf.substr(body, close - body));
    }
    return out;
}

}  // namespace

TEST_CASE("every example in regel.ebnf parses without diagnostics") {
    std::ifstream in(testing::source_dir() / "grammar" / "regel.ebnf");
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    const auto examples = examples_in(text.str());
    REQUIRE(examples.size() >= 6);
    for (std::size_t i = 0; i < examples.size(); ++i) {
        CAPTURE(i);
        CAPTURE(examples[i]);
        text::SourceManager sources;
        Diagnostics diags;
        const ast::File file = parse::parse_string(sources, "example.regel", examples[i], diags);
        CHECK(diags.size() == 0);
        CHECK(!file.declarations.empty());
    }
}
