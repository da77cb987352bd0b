// The age-phrase scanner: finds "fylt 16 år", "mellom 12 og 16 år", "det
// året barnet fyller 6 år" and the like (bokmål and nynorsk) in statute text.
#pragma once

#include "corpus/corpus.hpp"

#include <string_view>
#include <vector>

namespace lovsjekk::corpus {

/// Age phrases in `text` (collapsed, NFC), in order. Recognised, with digits
/// or number words (tre … tjuefem; not "en/ein/to", which are too ambiguous):
///   fylt/fylte/fyller/fylle N [år]   → fylt (negated after "ikke"/"ikkje")
///   over N år, under N år            → over, under
///   mellom N og M år                 → mellom
///   [det] året … fyller N [år]       → calendar_year
///   (kalender)året etter at … fylte N år → calendar_year, age N + 1
///   [ikke] fylt N år innen årets utgang / før|ved utgangen av (inntekts)året
///                                    → calendar_year, age N − 1 if negated, else N
///   skoleåret/skuleåret … fyller N   → school_year
///   N år eller/og eldre|yngre, er N år eller meir|mer, eldre/yngre enn N år,
///   N-årsdagen                      → other
/// Durations are skipped: "ut over 2 år", "ikke over 5 år", "fengsel i 6 år eller mer".
/// A hand-written scanner, linear in the text.
/// Each mention's `sentence` is its punktum in `text` (counted as
/// count_sentences does), plus `sentences_before` for a text that continues
/// an earlier one.
std::vector<AgeMention> find_age_mentions(std::string_view text, int sentences_before = 0);

}  // namespace lovsjekk::corpus
