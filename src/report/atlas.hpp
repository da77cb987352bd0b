// The age atlas: every age phrase in every law of the statute index, by age
// and by law, with the rules that encode it. The survey the age working group
// made by hand, done for all of the corpus.
#pragma once

#include "corpus/corpus.hpp"
#include "model/model.hpp"
#include "text/messages.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::report {

struct AtlasQuery {
    std::optional<int> min_age;
    std::optional<int> max_age;
    std::optional<std::string> law;  ///< abbreviation, short title or id
};

/// One age phrase where it stands.
struct AtlasEntry {
    const corpus::Law* law = nullptr;
    const corpus::Section* section = nullptr;
    int ledd = 0;                       ///< 0 when the phrase is in no ledd (never in Lovdata's texts)
    std::string point;                  ///< "a", "a.2" for a nested point, or empty
    const corpus::AgeMention* mention = nullptr;
    std::vector<std::string> encoded_by;  ///< ids of the norms that encode the phrase (encodes_phrase)
};

/// The entries in the laws of `corpus` (every law is read), filtered, sorted
/// by age, law, section order, ledd. `encoded_by`: the norms of the model
/// (every one read, whatever its dates) that encode the phrase, as
/// encodes_phrase (phrase_encoding.hpp) decides — the decision `lovsjekk
/// coverage` makes too, there over the rules in force on its date.
std::vector<AtlasEntry> build_atlas(const corpus::Corpus& corpus, const model::Model& model, const AtlasQuery& query);

/// The basis of a wording: "birthday", "calendar_year" or "school_year".
const char* atlas_basis(corpus::AgeWording wording);
/// https://lovdata.no/<refid>/<§…>: the provision's page on lovdata.no.
std::string lovdata_url(const corpus::Law& law, const corpus::Section& section);

void write_atlas_text(std::ostream& out, const std::vector<AtlasEntry>& entries, const text::Catalogue& messages);
/// lovsjekk.atlas/1: the entries, then counts by age and by law.
void write_atlas_json(std::ostream& out, const std::vector<AtlasEntry>& entries);
void write_atlas_html(std::ostream& out, const std::vector<AtlasEntry>& entries, const text::Catalogue& messages);

}  // namespace lovsjekk::report
