// LIX on texts whose counts were worked out by hand: words, long words
// (more than six letters) and sentences, with the counting rules of lix.hpp.
#include "text/lix.hpp"

#include <doctest/doctest.h>

using lovsjekk::text::count_lix;
using lovsjekk::text::lix;

namespace {

void check_counts(const char* text, const char* lang, int words, int long_words, int sentences, double expected) {
    CAPTURE(text);
    const auto c = count_lix(text, lang);
    CHECK(c.words == words);
    CHECK(c.long_words == long_words);
    CHECK(c.sentences == sentences);
    CHECK(c.lix() == doctest::Approx(expected).epsilon(0.0001));
}

}  // namespace

TEST_CASE("one short sentence") {
    // Barnet(6) har rett til å bli hørt: 7 words, none over six letters.
    check_counts("Barnet har rett til å bli hørt.", "nb", 7, 0, 1, 7.0);
}

TEST_CASE("two sentences, three long words") {
    // samarbeide(10), barnevernet(11), informasjon(11) are long; Skolen and
    // Eleven have six letters and are not. 10 / 2 + 100 × 3 / 10 = 35.
    check_counts("Skolen skal samarbeide med barnevernet. Eleven har rett til informasjon.", "nb", 10, 3, 2, 35.0);
}

TEST_CASE("letters are counted as a reader counts them, not as bytes") {
    // "følger" is six letters in seven bytes; "særskilt" eight letters.
    check_counts("Det følger av en særskilt regel.", "nb", 6, 1, 1, 6.0 + 100.0 / 6.0);
}

TEST_CASE("an abbreviation does not end a sentence, even before a capital") {
    // ICU alone would end a sentence after "jf." (a capital follows).
    // Words: Dette følger av barnevernsloven jf Grunnloven 104 | Barnet skal høres.
    // 10 words, 2 long (barnevernsloven, Grunnloven), 2 sentences: 5 + 20.
    check_counts("Dette følger av barnevernsloven, jf. Grunnloven § 104. Barnet skal høres.", "nb", 10, 2, 2, 25.0);
    // Se f.eks Prop 169 L om dette | Neste setning(7): 9 words, 1 long, 2 sentences.
    check_counts("Se f.eks. Prop. 169 L om dette. Neste setning.", "nb", 9, 1, 2, 4.5 + 100.0 / 9.0);
}

TEST_CASE("§ is not a word; a section number or a number is a word, never a long one") {
    // Se, 4-3, og, 2,041, ganger, 16, år: seven words.
    check_counts("Se § 4-3 og 2,041 ganger 16 år.", "nb", 7, 0, 1, 7.0);
    // 1000000 has seven digits but no letters; Beløpet has seven letters.
    check_counts("Beløpet er 1000000 kroner.", "nb", 4, 1, 1, 4.0 + 25.0);
}

TEST_CASE("a hyphen with no space joins one word; a hyphen before a space does not") {
    // Nav-kontoret: one word of 11 letters. 13-åring: one word of 5 letters.
    check_counts("Nav-kontoret og 13-åring.", "nb", 3, 1, 1, 3.0 + 100.0 / 3.0);
    // helse, og, omsorgstjenesten: three words, one long.
    check_counts("helse- og omsorgstjenesten.", "nb", 3, 1, 1, 3.0 + 100.0 / 3.0);
}

TEST_CASE("a line break ends a sentence (a heading); a colon does not") {
    // Overskrift | Tekst her: 3 words, 1 long, 2 sentences.
    check_counts("Overskrift\nTekst her.", "nb", 3, 1, 2, 1.5 + 100.0 / 3.0);
    // Fra 15 år: barnet bestemmer. One sentence of five words, one long.
    check_counts("Fra 15 år: barnet bestemmer.", "nb", 5, 1, 1, 5.0 + 20.0);
}

TEST_CASE("English abbreviations") {
    // It applies(7) e.g Norway and Sweden | Then more: 8 words, 1 long, 2 sentences.
    check_counts("It applies, e.g. Norway and Sweden. Then more.", "en", 8, 1, 2, 4.0 + 12.5);
}

TEST_CASE("nynorsk counts the same way") {
    // Eleven har rett til å bli høyrd frå 15 år: 10 words (15 is one), none long.
    check_counts("Eleven har rett til å bli høyrd frå 15 år.", "nn", 10, 0, 1, 10.0);
}

TEST_CASE("a text without words has LIX 0; a text without a full stop is one sentence") {
    CHECK(lix("", "nb") == 0.0);
    CHECK(lix("§ — …", "nb") == 0.0);
    check_counts("Barnet bestemmer selv", "nb", 3, 1, 1, 3.0 + 100.0 / 3.0);
}
