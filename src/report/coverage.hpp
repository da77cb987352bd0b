// Coverage of the statute's age phrases: for every law the rules declare,
// each age phrase the statute index finds in its text, and whether a rule
// encodes it (a rule in force cites the provision), an `utelatt` excludes it
// (with its reason), or nothing does (missing). `lovsjekk coverage`.
#pragma once

#include "corpus/corpus.hpp"
#include "model/model.hpp"
#include "text/messages.hpp"

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lovsjekk::report {

struct CoverageQuery {
    model::Evaluation when;
    std::optional<std::string> law;  ///< a declared short name: only this law
    /// The laws the rules under check make their own; unset: every declared
    /// law. Used when the law lines are the bundled defaults, which declare
    /// laws a single file never meant to cover.
    std::optional<std::set<std::string>> in_scope;
};

enum class CoverageStatus : std::uint8_t { encoded, excluded, missing };
const char* coverage_status_name(CoverageStatus s);  ///< "encoded", "excluded", "missing"

/// One age phrase where it stands in the statute, and what covers it.
struct CoveredPhrase {
    std::string law;      ///< the declared short name ("bvl")
    std::string section;  ///< "6-1"
    int ledd = 0;
    std::string point;    ///< "a", "a/1" for a nested point; empty for the ledd's own text
    corpus::AgeMention mention;
    CoverageStatus status = CoverageStatus::missing;
    std::vector<std::string> rules;    ///< encoded: the ids of the rules citing the provision
    const model::ExcludedRow* exclusion = nullptr;  ///< excluded: the `utelatt` citing it
    /// A change announced in the index's text is in force on the date asked:
    /// the text (and the phrase) is the law only until this day, and rules in
    /// force on it count as encoding the phrase beside those in force on the date.
    std::optional<Date> text_until;

    /// The provision as lawyers write it: "bvl § 6-1 andre ledd bokstav a".
    std::string provision() const;
};

struct LawCoverage {
    std::string law;         ///< declared short name
    std::string name;        ///< declared full name
    std::string lovdata_id;
    bool indexed = false;    ///< the statute index has the law
    bool in_force = false;   ///< in force on the date asked about (only then are its phrases listed)
    int encoded = 0, excluded = 0, missing = 0;
    int total() const { return encoded + excluded + missing; }
};

struct Coverage {
    Date at;
    std::vector<LawCoverage> laws;      ///< by short name
    std::vector<CoveredPhrase> phrases; ///< by law, then in statute order
    bool any_missing() const;
};

/// Reads the rules against the index. Rules count when in force on the
/// date, or, where the index's text predates a change in force on the date,
/// on the text's last day; "jf." citations do not encode what they refer to.
Coverage compute_coverage(const model::Model& model, const corpus::Corpus& corpus, const CoverageQuery& query);

void write_coverage_text(std::ostream& out, const Coverage& coverage, const text::Catalogue& messages);
/// `lovsjekk.coverage/1` (docs/schemas/lovsjekk.coverage-1.schema.json).
void write_coverage_json(std::ostream& out, const Coverage& coverage);
/// A page on its own: the summary per law and a table of every phrase.
void write_coverage_html(std::ostream& out, const Coverage& coverage, const text::Catalogue& messages);

}  // namespace lovsjekk::report
