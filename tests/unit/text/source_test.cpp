#include "text/source.hpp"
#include "text/suggest.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;

TEST_CASE("columns count what a person sees") {
    text::SourceFile f("t", "§ æøå x\n🇳🇴 y\n");
    // '§', ' ', 'æ', 'ø', 'å', ' ' are six characters before 'x' (bytes: 2+1+2+2+2+1 = 10).
    CHECK(f.position(10).column == 7);
    CHECK(f.position(10).line == 1);
    // A flag is two code points, four UTF-16 units, one grapheme.
    const std::uint32_t y = static_cast<std::uint32_t>(std::string_view(f.content()).find('y'));
    CHECK(f.position(y).column == 3);
    CHECK(f.utf16_column(y) == 6);
}

TEST_CASE("invalid UTF-8 is found at its byte") {
    CHECK(!text::first_invalid_utf8("æøå").has_value());
    CHECK(text::first_invalid_utf8("ab\xff").value() == 2);
    CHECK(text::first_invalid_utf8("a\xc3").value() == 1);       // truncated
    CHECK(text::first_invalid_utf8("\xc0\xaf").value() == 0);    // overlong '/'
    CHECK(text::first_invalid_utf8("\xed\xa0\x80").value() == 0);  // surrogate
    CHECK(text::first_invalid_utf8(std::string("a\0b", 3)).value() == 1);
}

TEST_CASE("BOM, CRLF and NFC are normalised") {
    CHECK(text::normalise("\xEF\xBB\xBF" "a\r\nb\rc") == "a\nb\nc");
    CHECK(text::normalise("a\xCC\x8A") == "å");
}

TEST_CASE("invalid files are kept for display and reported") {
    text::SourceManager sources;
    Diagnostics diags;
    CHECK(!sources.add("bad.regel", "ok\nx\xff", diags).has_value());
    REQUIRE(diags.size() == 1);
    CHECK(diags.all()[0].kind == "encoding");
    CHECK(sources.file(0).position(diags.all()[0].span.begin).line == 2);
}

TEST_CASE("did you mean") {
    CHECK(text::edit_distance("alder", "aldér") == 1);
    CHECK(text::closest("alderr", {"alder", "tema"}).value() == "alder");
    CHECK(!text::closest("xyz", {"alder", "tema"}).has_value());
    CHECK(!text::closest("alder", {"alder"}).has_value());
}

TEST_CASE("did you mean: two neighbouring letters swapped are one edit") {
    CHECK(text::edit_distance("kidle", "kilde") == 1);
    CHECK(text::edit_distance("ab", "ba") == 1);
    CHECK(text::edit_distance("abc", "ca") == 3);  // no edit of letters already moved
    CHECK(text::edit_distance("tmea", "tema") == 1);
    CHECK(text::edit_distance("", "tema") == 4);
    CHECK(text::closest("kidle", {"kilde", "tema", "alder"}).value() == "kilde");
    CHECK(text::closest("aldre", {"kilde", "tema", "alder"}).value() == "alder");
}
