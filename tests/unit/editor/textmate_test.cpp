// The editor grammar and the VS Code manifest in tools/editor parse, and the
// grammar knows every keyword the parser knows.
#include "grammar/keywords.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

json::value read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path.generic_string());
    std::ostringstream s;
    s << in.rdbuf();
    boost::system::error_code ec;
    json::value v = json::parse(s.str(), ec);
    REQUIRE_MESSAGE(!ec, path.generic_string() << ": " << ec.message());
    return v;
}

/// Every `match`, `begin` and `end` regex of the grammar, one per line.
void collect_regexes(const json::value& v, std::string& out) {
    if (const auto* o = v.if_object()) {
        for (const auto& [key, value] : *o) {
            if ((key == "match" || key == "begin" || key == "end") && value.is_string())
                out += std::string(value.as_string()) + "\n";
            else
                collect_regexes(value, out);
        }
    } else if (const auto* a = v.if_array()) {
        for (const auto& e : *a) collect_regexes(e, out);
    }
}

/// True when `word` is one whole alternative in some "(a|b|c)" group.
bool is_alternative(const std::string& regexes, std::string_view word) {
    for (const char* before : {"(", "|"})
        for (const char* after : {"|", ")"})
            if (regexes.find(before + std::string(word) + after) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("the TextMate grammar parses and names every keyword of the language") {
    const json::value grammar = read_json("tools/editor/regel.tmLanguage.json");
    CHECK(grammar.at("scopeName") == "source.regel");
    REQUIRE(grammar.at("patterns").as_array().size() > 5);
    // Every include names an entry of the repository.
    for (const json::value& p : grammar.at("patterns").as_array()) {
        const std::string include(p.at("include").as_string());
        CHECK_MESSAGE(grammar.at("repository").as_object().contains(include.substr(1)), include);
    }
    std::string regexes;
    collect_regexes(grammar, regexes);
    for (auto keyword : lovsjekk::grammar::declaration_keywords) CHECK_MESSAGE(is_alternative(regexes, keyword), keyword);
    for (auto keyword : lovsjekk::grammar::field_keywords) CHECK_MESSAGE(is_alternative(regexes, keyword), keyword);
    for (const auto& phrase : lovsjekk::grammar::modality_phrases)
        CHECK_MESSAGE(is_alternative(regexes, phrase.words), phrase.words);
    // The words of the grammar that are not in keywords.hpp (regel.ebnf).
    for (const char* word : {"direktorat", "gjelder", "Kongen", "alias", "rolle", "gruppe", "uansett", "yngre", "fylt", "skoleåret",
                             "skjønn", "avgjørende", "modenhet", "ledd", "punktum", "bokstav", "første", "tiande"})
        CHECK_MESSAGE(is_alternative(regexes, word), word);
    CHECK(regexes.find("#.*$") != std::string::npos);  // comments
}

TEST_CASE("an exclusion's citation is coloured as a citation, not as a declared name") {
    const json::value grammar = read_json("tools/editor/regel.tmLanguage.json");
    const auto& repository = grammar.at("repository").as_object();
    REQUIRE(repository.contains("excluded"));
    const std::string excluded(repository.at("excluded").at("match").as_string());
    CHECK(excluded.find("(utelatt)") != std::string::npos);
    // `utelatt bvl § 16-5 "…"`: the declaration pattern would take "bvl" for a declared name.
    const std::string declaration(repository.at("declaration").at("match").as_string());
    CHECK(declaration.find("utelatt") == std::string::npos);
    // The excluded pattern comes first, so that it wins at the start of the line.
    std::vector<std::string> order;
    for (const json::value& p : grammar.at("patterns").as_array()) order.emplace_back(p.at("include").as_string());
    const auto at = [&](const char* name) { return std::find(order.begin(), order.end(), name) - order.begin(); };
    CHECK(at("#excluded") < at("#declaration"));
    CHECK(at("#excluded") < static_cast<std::ptrdiff_t>(order.size()));
}

TEST_CASE("the VS Code manifest declares the language, the grammar and the client it starts") {
    const json::value manifest = read_json("tools/editor/package.json");
    const json::value& language = manifest.at("contributes").at("languages").at(0);
    CHECK(language.at("id") == "regel");
    CHECK(language.at("extensions").at(0) == ".regel");
    const json::value& grammar = manifest.at("contributes").at("grammars").at(0);
    CHECK(grammar.at("scopeName") == "source.regel");
    CHECK(fs::exists(fs::path("tools/editor") / std::string(grammar.at("path").as_string())));
    CHECK(fs::exists(fs::path("tools/editor") / std::string(language.at("configuration").as_string())));
    // main is the bundle `npm run bundle` makes of extension.js with the
    // client inside (tests/editor/vsix_test.sh packages and opens it).
    CHECK(manifest.at("main") == "./dist/extension.js");
    CHECK(manifest.at("scripts").at("bundle").as_string().find("extension.js --bundle") != std::string_view::npos);
    CHECK(manifest.at("devDependencies").as_object().contains("vscode-languageclient"));
    read_json("tools/editor/language-configuration.json");
    std::ifstream client("tools/editor/extension.js");
    std::ostringstream s;
    s << client.rdbuf();
    CHECK(s.str().find("'lsp'") != std::string::npos);
}
