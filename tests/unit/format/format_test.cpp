#include "format/format.hpp"
#include "parse/parser.hpp"
#include "text/word.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace lovsjekk;
namespace fs = std::filesystem;

namespace {

std::string fmt(const std::string& text) {
    Diagnostics diags;
    auto out = format::format_text("t.regel", text, diags);
    REQUIRE_MESSAGE(out.has_value(), (diags.all().empty() ? std::string("no diagnostic") : diags.all().front().message));
    return *out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The syntax tree without positions, or nullopt when the text has a syntax error.
std::optional<std::string> meaning(const std::string& text) {
    text::SourceManager sources;
    Diagnostics diags;
    const ast::File file = parse::parse_string(sources, "t.regel", text, diags);
    for (const Diagnostic& d : diags.all())
        if (d.severity == Severity::error) return std::nullopt;
    return format::describe(file);
}

}  // namespace

TEST_CASE("fmt keeps the meaning of every bundled rule file and test case, and is idempotent") {
    std::vector<fs::path> files;
    for (const char* dir : {"rules", "tests/cases"})
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".regel") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 20);
    std::size_t formatted = 0;
    for (const fs::path& file : files) {
        CAPTURE(file.generic_string());
        const std::string source = read(file);
        const auto before = meaning(source);
        if (!before) continue;  // cases with syntax errors on purpose
        Diagnostics diags;
        const auto once = format::format_text(file.generic_string(), source, diags);
        REQUIRE(once.has_value());
        CHECK(meaning(*once) == before);
        const auto twice = format::format_text(file.generic_string(), *once, diags);
        REQUIRE(twice.has_value());
        CHECK(*twice == *once);
        ++formatted;
    }
    CHECK(formatted > 60);
}

TEST_CASE("the bundled rules are formatted") {
    for (const auto& entry : fs::directory_iterator("rules")) {
        if (entry.path().extension() != ".regel") continue;
        CAPTURE(entry.path().generic_string());
        const std::string source = read(entry.path());
        CHECK(fmt(source) == source);
    }
}

TEST_CASE("field keywords and actors are aligned; indentation and spacing are canonical") {
    const std::string in =
        "sektor   helse  \"Helse\"\n"
        "regel   r   \"Tittel\" {\n"
        "kilde pbrl § 4-3 første ledd\n"
        "\t tema samtykke.helsehjelp\n"
        "      barnet    har rett til å samtykke\n"
        "nærmeste-pårørende har rett til informasjon\n"
        "  faktaark \"a\"\n"
        "    }\n";
    CHECK(fmt(in) ==
          "sektor helse \"Helse\"\n"
          "\n"
          "regel r \"Tittel\" {\n"
          "  kilde    pbrl § 4-3 første ledd\n"
          "  tema     samtykke.helsehjelp\n"
          "  barnet   har rett til å samtykke\n"
          "  nærmeste-pårørende har rett til informasjon\n"
          "  faktaark \"a\"\n"
          "}\n");
}

TEST_CASE("free text, strings and comments are kept byte for byte") {
    const std::string in =
        "regel r {\n"
        "  barnet har rett til å  bli   hørt  # why  two  spaces\n"
        "  vilkår \"med  to  mellomrom # ikke en kommentar\"\n"
        "  alder fra 7 år, og yngre når barnet  kan  danne seg synspunkter\n"
        "    # own line,  indented\n"
        "}\n";
    CHECK(fmt(in) ==
          "regel r {\n"
          "  barnet   har rett til å  bli   hørt # why  two  spaces\n"
          "  vilkår   \"med  to  mellomrom # ikke en kommentar\"\n"
          "  alder    fra 7 år, og yngre når barnet  kan  danne seg synspunkter\n"
          "  # own line,  indented\n"
          "}\n");
}

TEST_CASE("a statement's text that starts at a comma stays attached to the modality") {
    const std::string in = "regel r {\n  nav skal, i tillegg, samarbeide\n}\n";
    CHECK(fmt(in) == "regel r {\n  nav      skal, i tillegg, samarbeide\n}\n");
}

TEST_CASE("blank lines: none inside a rule, one around each rule, comments above a rule stay attached") {
    const std::string in =
        "\n\n# head\n"
        "lov a \"A\" LOV-2000-01-01-1\n"
        "lov b \"B\" LOV-2000-01-01-2\n\n\n\n"
        "lov c \"C\" LOV-2000-01-01-3\n"
        "# about r\n"
        "regel r {\n\n  tema t\n\n  barnet kan x\n\n}\n"
        "regel s {\n  tema t\n}\n\n\n";
    CHECK(fmt(in) ==
          "# head\n"
          "lov a \"A\" LOV-2000-01-01-1\n"
          "lov b \"B\" LOV-2000-01-01-2\n"
          "\n"
          "lov c \"C\" LOV-2000-01-01-3\n"
          "\n"
          "# about r\n"
          "regel r {\n  tema     t\n  barnet   kan x\n}\n"
          "\n"
          "regel s {\n  tema     t\n}\n");
}

TEST_CASE("consecutive includes are sorted; a comment or blank line ends a run") {
    const std::string in =
        "inkluder \"c.regel\"\n"
        "inkluder \"a.regel\" # first\n"
        "inkluder \"b.regel\"\n"
        "\n"
        "inkluder \"z.regel\"\n"
        "# a comment\n"
        "inkluder \"y.regel\"\n";
    CHECK(fmt(in) ==
          "inkluder \"a.regel\" # first\n"
          "inkluder \"b.regel\"\n"
          "inkluder \"c.regel\"\n"
          "\n"
          "inkluder \"z.regel\"\n"
          "# a comment\n"
          "inkluder \"y.regel\"\n");
}

TEST_CASE("list continuations hang under the list's first element") {
    const std::string in =
        "aktør barnet \"barnet\"\n"
        "alias pbrl \"pasienten\", hol \"pasienten\",\n"
        "bl \"barnet\"\n"
        "regel r {\n"
        "  kilde pbrl § 1,\n"
        "  pbrl § 2\n"
        "  gjelder fra 2020-01-01\n"
        "  til 2021-01-01\n"
        "}\n";
    CHECK(fmt(in) ==
          "aktør barnet \"barnet\"\n"
          "  alias pbrl \"pasienten\", hol \"pasienten\",\n"
          "        bl \"barnet\"\n"
          "\n"
          "regel r {\n"
          "  kilde    pbrl § 1,\n"
          "           pbrl § 2\n"
          "  gjelder  fra 2020-01-01\n"
          "           til 2021-01-01\n"
          "}\n");
}

TEST_CASE("a section letter keeps the space it was written with, since one space makes it part of the number") {
    // "§ 2-1 c" is section "2-1 c"; "§ 2-1  c" is section 2-1, letter c.
    const std::string in = "regel r {\n  kilde a § 2-1  c\n  kilde a § 2-1 c\n}\n";
    const std::string out = fmt(in);
    CHECK(out == "regel r {\n  kilde    a § 2-1  c\n  kilde    a § 2-1 c\n}\n");
    CHECK(meaning(out) == meaning(in));
}

TEST_CASE("CRLF, a byte-order mark and decomposed letters come out as LF, no BOM and NFC") {
    CHECK(fmt("\xEF\xBB\xBFtema t \"a\"\r\ntema u \"a\xCC\x8A\"\r\n") == "tema t \"a\"\ntema u \"\xC3\xA5\"\n");
}

TEST_CASE("a file with a syntax error is not formatted and the error says where") {
    Diagnostics diags;
    CHECK_FALSE(format::format_text("t.regel", "regel r {\n  alderr fra 16 år\n}\n", diags).has_value());
    REQUIRE(diags.size() >= 1);
    CHECK(diags.all().front().kind == "syntax");
    // Worded last, in the language asked for, with where it stands.
    text::word(diags.all(), text::bundled_catalogue("en"));
    CHECK(diags.all().front().message.find("unknown field “alderr”") != std::string::npos);
    CHECK(diags.all().front().message.find("line 2") != std::string::npos);
}

TEST_CASE("describe ignores positions and include order but nothing else") {
    CHECK(meaning("tema t \"a\"\n") == meaning("tema   t\n  \"a\"\n"));
    CHECK(meaning("inkluder \"a\"\ninkluder \"b\"\n") == meaning("inkluder \"b\"\ninkluder \"a\"\n"));
    CHECK(meaning("tema t \"a\"\n") != meaning("tema t \"b\"\n"));
    CHECK(meaning("regel r {\n  barnet kan a  b\n}\n") != meaning("regel r {\n  barnet kan a b\n}\n"));
}

TEST_CASE("the unified diff shows changed lines with context and line numbers") {
    CHECK(format::unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
    const std::string diff = format::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfem\n6\n7\n8\n9\n", "x", "x (formatted)");
    CHECK(diff ==
          "--- x\n+++ x (formatted)\n"
          "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+fem\n 6\n 7\n 8\n");
    const std::string added = format::unified_diff("a\n", "a\n\nb\n", "x", "y");
    CHECK(added == "--- x\n+++ y\n@@ -1,1 +1,3 @@\n a\n+\n+b\n");
}

TEST_CASE("the diff shows a carriage return, so that a CRLF line does not look unchanged") {
    const std::string diff = format::unified_diff("a\r\n", "a\n", "x", "y");
    CHECK(diff == "--- x\n+++ y\n@@ -1,1 +1,1 @@\n-a\xE2\x90\x8D\n+a\n");
}

TEST_CASE("blanks inside a modality fold to one space; the modality stays what it was") {
    // "skal  ikke" (two spaces) is the prohibition, as "skal ikke" is: the
    // grammar folds blanks between a modality's words, so fmt may too.
    const std::string in = "regel r {\n  helse   skal  ikke gi noe\n  barnet   bestemmer\talene over x\n}\n";
    const std::string out = fmt(in);
    CHECK(out == "regel r {\n  helse    skal ikke gi noe\n  barnet   bestemmer alene over x\n}\n");
    CHECK(meaning(out) == meaning(in));
}

TEST_CASE("a file of nothing but blanks (form feeds too) is an empty file, not formatted") {
    Diagnostics diags;
    CHECK_FALSE(format::format_text("t.regel", " \f \n\t\n", diags).has_value());
    REQUIRE(diags.size() == 1);
    CHECK(diags.all().front().kind == "syntax");
    CHECK(diags.all().front().severity == Severity::error);
}

TEST_CASE("fmt keeps the meaning of, and is idempotent on, rule files with blanks, line ends and comments stirred") {
    // Seeded, so that a failure repeats; the mutations only add or change
    // blanks, line ends and comments, as people do by hand.
    std::vector<std::string> sources;
    for (const auto& entry : fs::directory_iterator("rules"))
        if (entry.path().extension() == ".regel") sources.push_back(read(entry.path()));
    std::sort(sources.begin(), sources.end());
    std::mt19937 random(20261201);
    const char* blanks[] = {"  ", "\t", " \t ", " \f ", "\t\t"};
    const char* line_ends[] = {"\n\n", "\n   ", " \n", "\r\n", "\n\t", "  # kommentar æ\n", "\n# egen linje\n", "\n\n\n  "};
    std::size_t checked = 0;
    for (int n = 0; n < 300; ++n) {
        const std::string& source = sources[random() % sources.size()];
        std::string mutated;
        for (char c : source) {
            const unsigned roll = random() % 100;
            if (c == ' ' && roll < 3) mutated += blanks[random() % 5];
            else if (c == '\n' && roll < 15) mutated += line_ends[random() % 8];
            else if (c == ',' && roll < 20) mutated += ",\n  ";
            else mutated += c;
        }
        const auto before = meaning(mutated);
        if (!before) continue;  // a line end inside a statement's text, say
        CAPTURE(mutated);
        Diagnostics diags;
        const auto once = format::format_text("t.regel", mutated, diags);
        REQUIRE(once.has_value());
        CHECK(meaning(*once) == before);
        CHECK(format::format_text("t.regel", *once, diags) == once);
        ++checked;
    }
    CHECK(checked > 30);
}

TEST_CASE("a declaration of another kind than the one before it gets a blank line; one kind may stand together") {
    const std::string in =
        "sektor s \"S\"\n"
        "lov a \"A\" LOV-2000-01-01-1\n"
        "lov b \"B\" LOV-2000-01-01-2\n"
        "tema t \"T\"\n"
        "# om aktørene\n"
        "aktør x \"X\"\n"
        "aktør y \"Y\"\n"
        "regel r { tema t\n"
        "}\n"
        "# etter regelen\n"
        "tema u \"U\"\n";
    CHECK(fmt(in) ==
          "sektor s \"S\"\n"
          "\n"
          "lov a \"A\" LOV-2000-01-01-1\n"
          "lov b \"B\" LOV-2000-01-01-2\n"
          "\n"
          "tema t \"T\"\n"
          "\n"
          "# om aktørene\n"
          "aktør x \"X\"\n"
          "aktør y \"Y\"\n"
          "\n"
          "regel r { tema t\n"
          "}\n"
          "\n"
          "# etter regelen\n"
          "tema u \"U\"\n");
}

TEST_CASE("every example in regel.ebnf keeps its meaning through fmt, which is idempotent on it") {
    // The examples use every construct of the language (§§ ranges, (2) b,
    // erstattet, utelatt, bestemmer alene, calendar and school-year bounds).
    const std::string ebnf = read("grammar/regel.ebnf");
    std::size_t examples = 0;
    for (std::size_t at = ebnf.find("(* EXAMPLE"); at != std::string::npos; at = ebnf.find("(* EXAMPLE", at + 1)) {
        const std::size_t body = ebnf.find('\n', at) + 1;
        const std::string example = ebnf.substr(body, ebnf.find("*)", body) - body);
        CAPTURE(example);
        const auto before = meaning(example);
        REQUIRE(before);
        const std::string once = fmt(example);
        CHECK(meaning(once) == before);
        CHECK(fmt(once) == once);
        ++examples;
    }
    CHECK(examples >= 6);
}
