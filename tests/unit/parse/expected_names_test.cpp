// The parser words "expected …, found …" from the catalogues: every readable
// rule name of the grammar needs its key, or the message would fall back to
// quoting the English name.
#include "parse/parser.hpp"
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("parse: every rule name in grammar_def.hpp is worded from the catalogues") {
    std::ifstream in("grammar/grammar_def.hpp");
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string grammar = buffer.str();
    // `x3::rule<…> const name =\n    "a readable name";` (the name may stand on the next line)
    const std::regex rule_name(R"((?:x3::rule<[^;]*?>|_type) const \w+ =\s*\"((?:[^\"\\]|\\.)*)\";)");
    int names = 0;
    for (auto it = std::sregex_iterator(grammar.begin(), grammar.end(), rule_name); it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[1];
        for (std::size_t at = name.find("\\\""); at != std::string::npos; at = name.find("\\\"")) name.replace(at, 2, "\"");
        ++names;
        if (name.size() > 2 && name.front() == '\'') continue;  // a quoted word is worded as itself
        const std::string_view key = lovsjekk::parse::expected_key(name);
        CHECK_MESSAGE(!key.empty(), name);
        for (const std::string& lang : lovsjekk::text::catalogue_languages())
            if (!key.empty()) CHECK_NOTHROW(lovsjekk::text::bundled_catalogue(lang).format(std::string(key)));
    }
    CHECK(names > 30);
}
