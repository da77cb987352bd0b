// The resolved rules: sectors, laws, actors, topics and norms with every
// name looked up, every date and age checked and normalised. No syntax is
// left here; checks and reports read only this.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::model {

enum class Modality : std::uint8_t { right, duty, may, must_not, power };
const char* modality_name(Modality m);  ///< "right", "duty", … (the JSON contract's names)

/// How an age bound is counted.
enum class Basis : std::uint8_t { birthday, calendar_year, school_year, maturity, none };
const char* basis_name(Basis b);  ///< "birthday", "calendar_year", "school_year", "maturity", "none"

/// The statute's own word for a bound, kept because "over 15 år" beside
/// "fylt 15 år" is itself a question for a legal adviser.
enum class Wording : std::uint8_t { fra, fylt, over, til, under, fra_aaret, til_og_med_aaret, fra_skoleaaret, ut_skoleaaret };
const char* wording_text(Wording w);  ///< "fylt", "over", "til og med året", …
struct Bound;
/// A bound as the statute words it, in every language: "over 16 år", "fra året 19".
std::string bound_text(const Bound& b);
/// The bound's age with its unit, as the statute words it: "16 år", "6 måneder".
std::string amount_text(const Bound& b);

/// The unit a birthday bound counts in: "til 6 måneder" is no age in years.
enum class AgeUnit : std::uint8_t { years, months, days };
const char* unit_name(AgeUnit u);  ///< "years", "months", "days" (JSON and message keywords)

struct Bound {
    int age = 0;  ///< in `unit`
    Wording wording = Wording::fra;
    AgeUnit unit = AgeUnit::years;
    Basis basis() const;
    bool is_lower() const;
    /// The first day the bound is reached by a child born on `born`. For
    /// an upper bound, the first day the norm no longer applies.
    Date date_for(Date born) const;
    /// The bound in whole months from birth, for comparing and ordering
    /// bounds of any unit: a year is 12, a day bound is rounded outwards (a
    /// lower one down, an upper one up). Calendar- and school-year bounds
    /// count their nominal year.
    int nominal_months() const;
    /// The bound in whole years, rounded outwards as nominal_months (so that
    /// "til 6 måneder" is within age 0): the age a query in years compares.
    int nominal_years() const;
};

/// Ages [from, to) with their basis; either end may be open.
struct AgeInterval {
    std::optional<Bound> from;
    std::optional<Bound> to;
    bool regardless = false;            ///< "alder uansett": applies at every age
    bool maturity = false;              ///< a maturity condition applies as well
    bool maturity_lowers_floor = false; ///< "og yngre når …": maturity can open it before `from`
    std::string maturity_text;
    bool specified = false;             ///< the norm has an `alder` line at all

    /// The basis a reader would name: the bounds' basis, else maturity, else none.
    Basis basis() const;
    /// Lower age in whole years (a bound in months or days rounded down).
    int from_age() const { return from ? from->nominal_years() : 0; }
    /// Exclusive upper age in whole years (rounded up), or `open` when there is none.
    int to_age(int open = 1000) const { return to ? to->nominal_years() + (to->basis() == Basis::birthday ? 0 : 1) : open; }
    /// The same in months: exact for bounds in years and months.
    int from_months() const { return from ? from->nominal_months() : 0; }
    int to_months(int open) const { return to ? to->nominal_months() + (to->basis() == Basis::birthday ? 0 : 12) : open; }
    /// Whether the interval covers a child born on `born` on day `on`.
    bool covers(Date born, Date on) const;
};

enum class WeightLevel : std::uint8_t { great, decisive, by_age_and_maturity };
const char* weight_text(WeightLevel w);

struct Weight {
    WeightLevel level = WeightLevel::great;
    std::optional<int> from_age;
};

/// As written: plain, `skjønn` (discretion) or `modenhet` (the child's
/// maturity or capacity, a judgement too).
enum class ConditionKind : std::uint8_t { plain, discretion, maturity };

struct Condition {
    std::string text;
    ConditionKind kind = ConditionKind::plain;
    bool judgement() const { return kind != ConditionKind::plain; }
};

/// A law's time in force. `to` is the last day in force; `pending` means
/// enacted but with no commencement date yet (in force when the King decides).
struct Validity {
    std::optional<Date> from;
    std::optional<Date> to;
    bool pending = false;
    bool in_force_on(Date day, bool assume_pending_in_force = false) const;
    bool overlaps(const Validity& other) const;
};

struct Law {
    std::string short_name;
    std::string name;
    std::string lovdata_id;
    Validity validity;
    Span span;
};

/// The statute index's name of an incorporated act's article: ("gdpr", "8") → "gdpr/a8".
std::string article_section(std::string_view part, std::string_view article);
/// True for an article's index name ("gdpr/a8").
bool is_article_section(std::string_view section);
/// How a section or an article is written in the rules: "§ 4-3", "gdpr art. 8".
std::string place_text(std::string_view section);

struct Citation {
    std::string law;  ///< short name, resolved against the laws
    std::string section;
    std::optional<std::string> section_last;
    std::optional<int> ledd;
    std::optional<int> punktum;
    std::optional<int> nummer;
    std::optional<std::string> letter;
    bool see_also = false;  ///< "jf."
    Span span;

    /// "pbrl § 4-3" (law and section only).
    std::string short_text() const;
    /// "pbrl § 4-3 første ledd bokstav b".
    std::string text() const;
};

struct Sector {
    std::string id;
    std::string name;
    std::string directorate;
    Span span;
};

/// Who an actor is to the child, from the vocabulary's "rolle": the checks
/// read roles, never actor names. A body (a service, an authority) has none.
enum class ActorRole : std::uint8_t {
    body,          ///< no "rolle": a service or an authority
    child,         ///< "rolle barnet": the child or young person
    family,        ///< "rolle familie": the parents and others of the family
    around_child,  ///< "rolle rundt-barnet": people around the child (a guardian, foster parents)
    nobody,        ///< "rolle ingen": the statute names nobody
};

/// The role's word in the language ("familie"), and back (nullopt: not a role).
std::string_view role_name(ActorRole role);
std::optional<ActorRole> role_from_name(std::string_view name);

struct Actor {
    std::string id;
    std::string description;
    std::string part_of;  ///< the larger actor this is a service of ("kommune"), or empty
    ActorRole role = ActorRole::body;
    /// law short name → the law's word for this actor ("pasienten")
    std::vector<std::pair<std::string, std::string>> aliases;
    Span span;
    /// law short name → the upper age bound the law's word implies for the
    /// child ("den mindreårige": under 18 år), declared on the alias. Summaries
    /// apply it to that law's norms about her whose own ages have no upper bound.
    std::map<std::string, Bound> word_bounds;
};

struct Topic {
    std::string id;
    std::string description;
    std::string group;
    std::string expected;  ///< the expectation on sectors serving children this topic meets, or empty
    bool names_lead = false;  ///< "leder": its norms name who leads (a coordinator, a lead service)
    Span span;
    /// The upper age bound the topic's subject implies (grunnskole ends with
    /// year 10), declared on the topic; applied like Actor::word_bounds.
    std::optional<Bound> subject_bound;
};

/// What few norms have: notes to the reader, plain-language sentences, a
/// performer. Kept apart from the norm, so that a norm without them holds one
/// pointer instead of some 200 bytes of empty vectors, map and strings.
struct NormExtras {
    std::vector<std::string> uncertain;
    std::vector<std::string> derived;
    std::vector<std::string> remarks;
    std::vector<std::string> worksheet_rows;
    /// "X skal sørge for at Y …" (`utfører Y`): the duty is the actor's, the
    /// performer carries it out; empty when the actor acts itself.
    std::string performer;
    Span performer_span;
    /// language ("nb", "nn", "en") → the rule author's plain-language sentence
    /// for the summaries ("klarspråk nb …"), said before any topic phrase.
    std::map<std::string, std::string> plain;
};

struct Norm {
    std::string id;        ///< "sector/local-id", unique
    std::string title;
    std::string sector;
    Span span;             ///< the `regel` keyword line

    std::vector<Citation> sources;
    std::string topic;
    Span topic_span;
    std::string actor;
    Modality modality = Modality::right;
    bool sole = false;     ///< "bestemmer alene": the sole power to decide
    std::string action;
    std::string statement;  ///< the statement line as written: "helse-kommune skal informere foreldrene"
    Span statement_span;
    std::vector<std::string> counterparts;
    AgeInterval age;
    Span age_span;
    std::optional<Weight> weight;
    std::vector<Condition> conditions;
    std::vector<std::string> exceptions;  ///< full ids of the norms this one is an exception from
    Validity validity;

    /// `usikker`, `avledet`, `merknad` and `arbeidsark` lines, as written.
    const std::vector<std::string>& uncertain() const { return extras_or_none().uncertain; }
    const std::vector<std::string>& derived() const { return extras_or_none().derived; }
    const std::vector<std::string>& remarks() const { return extras_or_none().remarks; }
    const std::vector<std::string>& worksheet_rows() const { return extras_or_none().worksheet_rows; }
    const std::string& performer() const { return extras_or_none().performer; }
    const std::map<std::string, std::string>& plain() const { return extras_or_none().plain; }
    /// The extras to fill (resolve), made on first use; a copy of the norm
    /// gets its own when it changes them.
    NormExtras& extras();

    /// A condition that needs judgement: `skjønn` or `modenhet`.
    bool discretionary() const;
    /// Who does what the norm says: the performer, else the actor.
    const std::string& acting_actor() const {
        return extras_ && !extras_->performer.empty() ? extras_->performer : actor;
    }
    /// The law of the first citation (the norm's home law).
    const std::string& law() const;

private:
    const NormExtras& extras_or_none() const;
    std::shared_ptr<NormExtras> extras_;
};

struct Replacement {
    Citation from;
    std::vector<Citation> to;
    Span span;
};

/// Something deliberately not encoded, and why: a fact-sheet row (`row`) or
/// provisions of a law (`citations`, `utelatt bvl § 16-5 "…"`).
struct ExcludedRow {
    std::string row;                 ///< empty when the exclusion cites provisions or an expectation
    std::vector<Citation> citations;
    std::string expected;  ///< "utelatt forventet X": the expectation the row's sector leaves out
    std::string sector;    ///< the sector declared before it in its file (set for `expected`)
    std::string reason;
    Span span;
};

struct Model {
    std::vector<Sector> sectors;
    std::map<std::string, Law> laws;  ///< by short name
    std::map<std::string, Actor> actors;
    std::map<std::string, Topic> topics;
    std::vector<Norm> norms;          ///< sorted by id: a norm's place sorts as its id (findings sort places)
    std::vector<Replacement> replacements;
    std::vector<ExcludedRow> excluded;

    const Norm* find_norm(const std::string& id) const;
    const Law* find_law(const std::string& short_name) const;
    const Sector* find_sector(const std::string& id) const;
    /// The actor and every larger actor it is part of: barnevern, kommune.
    std::vector<std::string> actor_and_wholes(const std::string& actor) const;
    /// The actor's role; an undeclared actor is a body.
    ActorRole role_of(const std::string& actor) const;
};

/// Which norms are in force on a day: the norm's own validity and that of
/// its home law must both include the day.
struct Evaluation {
    Date at;
    /// Laws (short names) assumed in force although pending; "*" for all.
    std::vector<std::string> assume_in_force;
    bool assumes(const std::string& law) const;
};

bool in_force(const Model& model, const Norm& norm, const Evaluation& when);
/// The same with the norm's home law already looked up (null: not declared),
/// for callers that ask for many norms of few laws.
bool in_force(const Law* home_law, const Norm& norm, const Evaluation& when);

/// The upper bound a norm's subject implies when its own ages have none: its
/// topic's (grunnskole: ut skoleåret som tar til det året 15), else, for a
/// norm about the child (actor or counterpart `child`), the bound of her word
/// in its law ("den mindreårige": under 18 år). None when the norm has an
/// upper bound of its own or starts at or after the implied one ("fra 18 år").
std::optional<Bound> implied_upper_bound(const Model& model, const Norm& norm, std::string_view child);

}  // namespace lovsjekk::model
