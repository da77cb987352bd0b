// The syntax tree of a .regel file, exactly as written: nothing resolved,
// nothing checked. Every node carries the byte span it was parsed from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lovsjekk::ast {

/// Byte offsets [begin, end) into the normalised source text.
struct Located {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct Identifier : Located {
    std::string name;
};

struct StringLit : Located {
    std::string value;  ///< with escapes resolved
};

/// Digits as written; converted (with range checks) when resolving.
struct Number : Located {
    std::string digits;
};

/// `YYYY-MM-DD` as written; validated (2023-02-30 is an error) when resolving.
struct DateLit : Located {
    std::string text;
};

/// Free text to the end of the line, trimmed.
struct Text : Located {
    std::string text;
};

// ---- Citations ------------------------------------------------------------

enum class SubdivisionKind : std::uint8_t { ledd, punktum, bokstav, nummer };

struct Subdivision : Located {
    SubdivisionKind kind = SubdivisionKind::ledd;
    int number = 0;      ///< ledd, punktum, nummer
    std::string letter;  ///< bokstav
};

struct Citation : Located {
    bool jf = false;  ///< written "jf. …" (a see-also reference)
    Identifier law;
    std::optional<Identifier> part;   ///< "gdpr" in "popplyl gdpr art. 8": an incorporated act
    Text section;                     ///< "4-3", "2-1 c"; with a part, the article number
    std::optional<Text> section_last; ///< "§§ 4-3 til 4-5": the last section of the range
    std::vector<Subdivision> subdivisions;
};

// ---- Norm fields -------------------------------------------------------------

enum class Modality : std::uint8_t { right, duty, may, must_not, power, power_sole };

struct Statement : Located {
    Identifier actor;
    Modality modality = Modality::right;
    Text action;
};

/// How a bound is counted and how the statute words it.
enum class AgeWording : std::uint8_t {
    fra, fylt, over,            // lower, birthday
    til, under,                 // upper, birthday
    fra_aaret, til_og_med_aaret,        // calendar year
    fra_skoleaaret, ut_skoleaaret,      // school year
};

/// The unit of a birthday bound: "6 måneder" is an age in months, not years.
enum class AgeUnit : std::uint8_t { years, months, days };

struct AgeBound : Located {
    AgeWording wording = AgeWording::fra;
    Number age;
    AgeUnit unit = AgeUnit::years;
};

struct AgeExpr : Located {
    bool regardless = false;            ///< "uansett"
    std::optional<AgeBound> lower;
    std::optional<AgeBound> upper;
    bool maturity = false;              ///< a maturity condition is part of the rule
    bool maturity_lowers_floor = false; ///< ", og yngre når …"
    Text maturity_text;
};

enum class WeightLevel : std::uint8_t { great, decisive, by_age_and_maturity };

struct Weight : Located {
    WeightLevel level = WeightLevel::great;
    std::optional<Number> from;
};

struct Condition : Located {
    bool discretionary = false;
    StringLit text;
};

/// A plain-language sentence for the summaries, in one catalogue language
/// ("nb", "nn", "en"): the rule author's own words for what the norm says.
struct PlainWording : Located {
    Identifier lang;
    StringLit text;
};

struct RuleRef : Located {
    std::optional<Identifier> sector;
    Identifier id;
};

struct Validity : Located {
    std::optional<DateLit> from;
    std::optional<DateLit> to;  ///< last day in force
    bool pending = false;       ///< "når Kongen bestemmer": enacted, not in force
};

/// A field keyword as written, so that duplicate or missing fields can be
/// reported where they stand.
struct Rule : Located {
    Identifier id;
    std::optional<StringLit> title;
    std::vector<Citation> sources;
    std::vector<Identifier> topics;
    std::vector<Statement> statements;
    std::vector<Identifier> counterparts;
    std::vector<AgeExpr> ages;
    std::vector<Weight> weights;
    std::vector<Condition> conditions;
    std::vector<RuleRef> exceptions;
    std::vector<Validity> validity;
    std::vector<StringLit> uncertain;
    std::vector<StringLit> derived;
    std::vector<StringLit> remarks;
    std::vector<StringLit> worksheet_rows;
    std::vector<PlainWording> plain;  ///< "klarspråk nb \"…\""
    /// `utfører Y`: "X skal sørge for at Y …" — the duty is the statement's
    /// actor's, Y carries it out.
    std::vector<Identifier> performers;
};

// ---- Declarations ------------------------------------------------------------

struct SectorDecl : Located {
    Identifier id;
    StringLit name;
    std::optional<StringLit> directorate;
};

struct LawDecl : Located {
    Identifier short_name;
    StringLit name;
    Text lovdata_id;
    std::optional<Validity> validity;
};

struct Include : Located {
    StringLit path;
};

struct ActorAlias : Located {
    Identifier law;
    StringLit word;
    /// The ages the law's word itself bounds ("den mindreårige": under 18 år),
    /// for norms whose own age interval has no upper bound.
    std::optional<AgeBound> upper;
};

struct ActorDecl : Located {
    Identifier id;
    StringLit description;
    std::optional<Identifier> part_of;  ///< "del av kommune": a service of a larger actor
    std::optional<Identifier> role;     ///< "rolle familie": who the actor is to the child
    std::vector<ActorAlias> aliases;
};

struct TopicDecl : Located {
    Identifier id;
    StringLit description;
    std::optional<Identifier> group;
    /// The ages the topic's subject bounds (grunnskole: ut skoleåret som tar
    /// til det året 15), for norms whose own age interval has no upper bound.
    std::optional<AgeBound> upper;
    /// "forventet deltakelse": what every sector serving children is expected
    /// to address; the topics that name the same id make one expectation.
    std::optional<Identifier> expected;
    /// "leder": a norm on this topic names who leads (a coordinator, a child
    /// coordinator, a lead service), which settles shared coordination duties.
    bool names_lead = false;
};

struct ReplacementDecl : Located {
    Citation from;
    std::vector<Citation> to;
};

/// `utelatt "row" "reason"` (a fact-sheet row) or `utelatt bvl § 16-5 "reason"`
/// (a provision deliberately not encoded): exactly one of `row` and `citations`.
struct ExcludedRow : Located {
    StringLit row;                       ///< set in the row form only
    std::vector<Citation> citations;     ///< set in the citation form only
    std::optional<Identifier> expected;  ///< "utelatt forventet X": the sector does not address X, and why
    StringLit reason;
};

using DeclarationValue =
    std::variant<SectorDecl, LawDecl, Include, ActorDecl, TopicDecl, ReplacementDecl, ExcludedRow, Rule>;

struct Declaration : Located {
    DeclarationValue value;
};

struct File {
    std::uint32_t source = 0;  ///< SourceManager id
    std::vector<Declaration> declarations;
    /// The names of declarations that failed to parse ("regel NAME", "aktør
    /// NAME" …): a reference to one is no error of its own, only a follow-on.
    std::vector<std::string> unparsed_names;
};

}  // namespace lovsjekk::ast
