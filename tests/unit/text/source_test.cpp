#include "text/source.hpp"
#include "text/suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

TEST_CASE("NFC: text below the combining marks is kept as it is; a mark anywhere is still composed") {
    const std::string norwegian = "§ 4-3 første ledd: Barnet skal få si sin mening, æ ø å Æ Ø Å é ü ß\n";
    CHECK(text::normalise(norwegian) == norwegian);
    CHECK(text::surely_nfc(norwegian));
    CHECK(text::surely_nfc("13\xE2\x80\x93" "18 \xE2\x80\x9C" "barn\xE2\x80\x9D"));  // – “ ” (U+2013, U+201C, U+201D)
    CHECK(!text::surely_nfc("a\xCC\x8A"));       // a combining ring
    CHECK(!text::surely_nfc("\xE2\x80\x80"));   // U+2000, NFC_QC=No: left to ICU
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += norwegian;  // past the first blocks of the quick check
    CHECK(text::normalise(long_text + "a\xCC\x8A") == long_text + "å");
    CHECK(text::normalise(long_text + "\xE2\x84\xAB") == long_text + "Å");  // Å (angstrom sign, U+212B) is not NFC
}

TEST_CASE("normalise_owned keeps a normal text's buffer and normalises the rest as normalise does") {
    std::string plain(64, 'x');
    plain += "ærlig § 4-3";
    const char* buffer = plain.data();
    const std::string kept = text::normalise_owned(std::move(plain));
    CHECK(kept.data() == buffer);
    CHECK(kept == std::string(64, 'x') + "ærlig § 4-3");
    // A combining ring after eight ASCII bytes and after sixteen: the word-wise
    // ASCII skip must still stop at it.
    for (std::size_t ascii : {0u, 7u, 8u, 9u, 16u, 23u}) {
        const std::string prefix(ascii, 'a');
        CHECK(text::normalise_owned(prefix + "a\xCC\x8A") == prefix + "å");
        CHECK(text::normalise_owned(prefix + "\xE2\x84\xAB") == prefix + "Å");
        CHECK(text::normalise_owned("\xEF\xBB\xBF" + prefix + "\r\n") == prefix + "\n");
        CHECK(!text::surely_nfc(prefix + "a\xCC\x8A"));
        CHECK(text::surely_nfc(prefix + "å–"));
    }
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

TEST_CASE("columns counted on from the last position equal columns counted afresh") {
    // A long line of Norwegian text with a combining mark and a flag, as
    // Lovdata's one-line files have: every offset, in order, backwards and
    // in steps, gives the column a fresh file gives.
    std::string line;
    for (int i = 0; i < 40; ++i) line += "<p>Barn som har fylt 15 år, e\xCC\x81n gang 🇳🇴 «§ 4-3» – ø</p> ";
    const std::string content = line + "\nneste linje\n";
    text::SourceFile walked("t", content);
    std::vector<std::uint32_t> offsets;
    for (std::uint32_t at = 0; at < content.size(); at += 7) {
        // Only offsets at the start of a character.
        if ((static_cast<unsigned char>(content[at]) & 0xC0) != 0x80) offsets.push_back(at);
    }
    for (int pass = 0; pass < 2; ++pass) {
        for (std::uint32_t at : offsets) {
            text::SourceFile fresh("t", content);
            CAPTURE(at);
            CHECK(walked.position(at).column == fresh.position(at).column);
            CHECK(walked.position(at).line == fresh.position(at).line);
        }
        std::reverse(offsets.begin(), offsets.end());
    }
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

TEST_CASE("adopt keeps a file read apart only when a diagnostic points into it") {
    text::SourceManager run;
    Diagnostics into;
    REQUIRE(run.add("rules/a.regel", "sektor a\n", into));

    text::SourceManager apart;
    Diagnostics found;
    REQUIRE(apart.add("index/clean.json", "{}", found));
    REQUIRE(apart.add("index/broken.json", "{\n  \"x\": 1\n}", found));
    REQUIRE(apart.add("index/noted.json", "[]", found));
    Diagnostic& d = found.error("corpus", Span::at(1, 4, 7), "unknown key");
    d.notes.push_back({Span::at(2, 0, 1), "see here"});
    d.notes.push_back({Span::at(1, 0, 1), "and here"});
    found.error("io", Span{}, "a problem with no file");

    run.adopt(apart, found, into);
    CHECK(found.all().empty());
    REQUIRE(into.size() == 2);
    // clean.json is not kept; broken.json and noted.json are, once each, in the order first met.
    REQUIRE(run.size() == 3);
    CHECK(run.file(1).path() == "index/broken.json");
    CHECK(run.file(2).path() == "index/noted.json");
    const Diagnostic& moved = into.all()[0];
    CHECK(moved.span.file == 1);
    CHECK(moved.span.begin == 4);
    CHECK(run.file(moved.span.file).position(moved.span.begin).line == 2);
    CHECK(moved.notes[0].span.file == 2);
    CHECK(moved.notes[1].span.file == 1);
    CHECK(into.all()[1].span.file == Span::no_file);
}
