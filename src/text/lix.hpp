// LIX readability (Björnsson 1968): words per sentence plus the percentage
// of long words. Words and sentences are found with ICU's break iterators
// (UAX #29) for the text's language, with the counting choices below fixed
// here so that every summary is measured the same way.
//
// What counts:
// - A word is a run of letters or digits as ICU's word iterator finds it.
//   Parts joined by a hyphen with no space between them are one word, as
//   Björnsson counted words between spaces: "Nav-kontoret" is one long word,
//   "13-åring" one short word, "4-3" one number. "helse- og" is two words.
// - A word is long when it has more than six letters (Unicode letters, counted
//   as code points; digits, hyphens and full stops are not letters). Numbers
//   ("16", "4-3", "2,041") are words but never long. Symbols ("§", "%") and
//   punctuation are not words.
// - A sentence ends where ICU's sentence iterator ends one (after ".", "!",
//   "?" followed by a capital or the end, and at a line break), except after
//   an abbreviation from a short list per language ("jf.", "nr.", "bl.a.",
//   "f.eks.", "pkt." …), which never ends a sentence. A colon does not end a
//   sentence. Segments without a word (a lone "…") are not sentences.
#pragma once

#include <string_view>

namespace lovsjekk::text {

struct LixCounts {
    int words = 0;
    int long_words = 0;
    int sentences = 0;

    /// words / sentences + 100 × long_words / words; 0 for a text without words.
    double lix() const;
};

/// Counts the words, long words and sentences of UTF-8 `text` in language
/// `lang` ("nb", "nn", "en"; others use ICU's root rules and no abbreviations).
LixCounts count_lix(std::string_view text, std::string_view lang);

/// The LIX of UTF-8 `text` in language `lang`.
double lix(std::string_view text, std::string_view lang);

}  // namespace lovsjekk::text
