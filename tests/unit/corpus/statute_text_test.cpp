// Whitespace collapsing, the text hash and punktum counting.
#include "corpus/statute_text.hpp"

#include "text/source.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk::corpus;

TEST_CASE("corpus: white space collapses to single spaces") {
    CHECK(collapse_whitespace("  a \t\n b  ") == "a b");
    CHECK(collapse_whitespace("a\xC2\xA0\xC2\xA0" "b") == "a b");        // no-break spaces
    CHECK(collapse_whitespace("a\xE2\x80\xAF" "b") == "a b");            // narrow no-break space
    CHECK(collapse_whitespace("") == "");
    CHECK(collapse_whitespace("   ") == "");
}

TEST_CASE("corpus: the text hash is FNV-1a 64 over NFC, collapsed text") {
    // Published FNV-1a 64 test vectors.
    CHECK(fnv1a64("") == 0xcbf29ce484222325ull);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(fnv1a64("foobar") == 0x85944171f73967e8ull);
    CHECK(text_hash("foobar") == "85944171f73967e8");
    CHECK(text_hash("  foo\n bar ") == text_hash("foo bar"));
    CHECK(text_hash("a\xCC\x8A") == text_hash("\xC3\xA5"));  // a + combining ring = å
    CHECK(text_hash("foo bar") != text_hash("foobar"));
    CHECK(text_hash("x").size() == 16);
}

TEST_CASE("corpus: the text hash's shortcut past ICU gives the hash of the NFC text") {
    // The hash skips normalising text that is surely NFC; around the edges
    // of that test it must agree with hashing the normalised text.
    const auto via_icu = [](std::string_view s) {
        return fnv1a64(collapse_whitespace(lovsjekk::text::normalise(s)));
    };
    const auto hex = [](std::uint64_t h) {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 15; i >= 0; --i) out[static_cast<std::size_t>(15 - i)] = digits[(h >> (4 * i)) & 0xF];
        return out;
    };
    for (std::string_view s : {
             "Barn som har fylt 15 \xC3\xA5r \xE2\x80\x93 \xC2\xAB" "s\xC2\xBB \xC2\xA7 2-1",  // – « » §
             "a\xCC\x8A",              // a + combining ring (U+030A): å
             "\xE2\x80\x80 spaces",    // U+2000, which NFC maps to U+2002
             "\xE2\x84\xAB",           // Angstrom sign, NFC Å
             "\xEF\xBB\xBF" "bom",     // a byte-order mark
             "line\r\nend\rhere",      // CRLF and a lone CR
             "\xE2\x80\xA6 \xE2\x80\x9C" "q" "\xE2\x80\x9D",  // … “q”
             "\xCB\xBF\xCC\x80",       // U+02FF then U+0300
         })
        CHECK_MESSAGE(text_hash(s) == hex(via_icu(s)), s);
}

TEST_CASE("corpus: punktum are counted at a full stop before a capital") {
    CHECK(count_sentences("") == 0);
    CHECK(count_sentences("Rett til å samtykke til helsehjelp har") == 1);
    CHECK(count_sentences("Dette er én. Dette er to. Og tre.") == 3);
    CHECK(count_sentences("Se jf. Del C i loven. Neste.") == 2);
    CHECK(count_sentences("Etter bl.a. Kongens vedtak gjelder dette.") == 1);
    // A section reference's number ends a sentence; an ordinal ("13. Mai" aside) does not.
    CHECK(count_sentences("Følger av reglene i §§ 18 til 19. Dersom en mindreårig er part.") == 2);
    CHECK(count_sentences("Etter reglane i § 65. Vilkåret er at avtala.") == 2);
    CHECK(count_sentences("Fristen er 13. Mai for alle.") == 1);
    CHECK(count_sentences("Fra 13. Juni gjelder dette.") == 1);  // an ordinal, not a full stop
    CHECK(count_sentences("Loven trer i kraft i 2023. Kongen kan gi forskrift.") == 2);
    CHECK(count_sentences("fastsettes ved lov. Dog kan det ikke") == 2);
    CHECK(count_sentences("saker om foreldreansvar mv. etter dødsfall") == 1);
    CHECK(count_sentences("Første. Æren er din. Øvrige. Ålesund.") == 4);
    CHECK(count_sentences("Spør du? Ja.") == 2);
    CHECK(count_sentences("Første. «Andre» sier han.") == 2);
    CHECK(count_sentences("kap. VI gjelder") == 1);
}
