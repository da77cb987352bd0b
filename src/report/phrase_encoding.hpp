// The one decision whether a rule encodes an age phrase of the statute,
// shared by `lovsjekk coverage` and `lovsjekk atlas`: the rule must cite
// the place where the phrase stands and state the phrase's age.
#pragma once

#include "corpus/corpus.hpp"
#include "model/model.hpp"

#include <cstddef>
#include <string>

namespace lovsjekk::report {

/// Where an age phrase stands in the statute index.
struct PhrasePlace {
    const corpus::Law* law = nullptr;
    std::size_t section_index = 0;  ///< into law->sections
    int ledd = 0;
    std::string top_point;  ///< the outermost point's label, or empty for the ledd's own words
};

/// Whether `c` points at (or around) `place`: the same law (by Lovdata id;
/// the nynorsk twin is never the cited text), the section or a range
/// "§§ A til B" holding it, the ledd if it names one, the letter or number
/// if it names one and the phrase is in a point (a point's citation also
/// takes in the ledd's own words). A punktum is not compared: the index counts
/// punktum by a heuristic. A "jf." citation counts too: the caller decides.
bool cites_place(const model::Model& model, const model::Citation& c, const PhrasePlace& place);

/// Whether the norm states the phrase's age (either age of "mellom N og M
/// år") as the bound of its age or as the age from which a weight applies.
bool states_phrase_age(const model::Norm& norm, const corpus::AgeMention& mention);

/// A norm encodes an age phrase when one of its own citations (not "jf.")
/// points at the phrase's place and it states the phrase's age.
bool encodes_phrase(const model::Model& model, const model::Norm& norm, const PhrasePlace& place,
                    const corpus::AgeMention& mention);

}  // namespace lovsjekk::report
