// The statute index: laws, their parts and chapters, sections (§), ledd,
// points (bokstav/nummer), the age phrases found in them, and the map from
// repealed provisions to the provisions that replaced them.
#pragma once

#include "base/date.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::corpus {

/// How a statute words an age threshold. The model keeps the wording because
/// "over 15 år" beside "fylt 15 år" is itself a question for a legal adviser.
enum class AgeWording : std::uint8_t {
    fylt,           ///< "fylt N år", "har fylt N", "fyller N år" (birthday)
    over,           ///< "over N år"
    under,          ///< "under N år"
    mellom,         ///< "mellom N og M år"
    calendar_year,  ///< "det året barnet fyller N år"
    school_year,    ///< "skoleåret som tek til det året ein fyller N år"
    other,          ///< "N år eller eldre", "eldre enn N år", "18-årsdagen", …
};

/// The JSON/CLI name of a wording ("fylt", "calendar_year", …).
const char* wording_name(AgeWording w);
std::optional<AgeWording> parse_wording(std::string_view name);

/// One age phrase found in the text of a ledd or point.
struct AgeMention {
    int age = 0;
    std::optional<int> age2;  ///< the upper age of "mellom N og M år"
    AgeWording wording = AgeWording::other;
    bool negated = false;     ///< "ikke har fylt N år" (a ceiling worded as a birthday)
    std::string phrase;       ///< the matched words as written, at most 80 characters
    /// The punktum (from 1) of the ledd's or point's own text the phrase stands
    /// in; null in hand-written entries and in index files written before it.
    std::optional<int> sentence;

    friend bool operator==(const AgeMention&, const AgeMention&) = default;
};

/// One act in a section's amendment notes: "Tilføyd ved lov 24 juni 2011
/// nr. 30 (ikr. 1 jan 2012 …)", "Endret ved lover …", "Endres ved lov 20 juni
/// 2025 nr. 67 (i kraft 1 juni 2026 …)".
struct Amendment {
    enum class Kind : std::uint8_t { added, changed, repealed };
    Kind kind = Kind::changed;
    std::string act;              ///< the amending act's id: "LOV-2025-06-20-67"
    std::optional<Date> in_force; ///< the note's in-force date; null when it names none
    /// Future tense ("Endres", "Tilføyes", "Oppheves"): adopted, and not yet in
    /// the consolidated text the index was made from.
    bool pending = false;

    friend bool operator==(const Amendment&, const Amendment&) = default;
};

const char* amendment_kind_name(Amendment::Kind k);
std::optional<Amendment::Kind> parse_amendment_kind(std::string_view name);

/// A lettered ("a") or numbered ("1") point of a list in a ledd; points may nest.
struct Point {
    std::string label;                  ///< "a", "b", "1" (Lovdata's "a." without the dot)
    std::optional<int> sentences;       ///< punktum count of the point's own text
    std::optional<std::string> hash;    ///< 16 hex digits; null in hand-written entries
    std::vector<AgeMention> age_mentions;
    std::vector<Point> points;          ///< a nested list inside the point
    std::string text;                   ///< own text; only with ImportOptions::keep_text, never in the index

    bool has_point(std::string_view label) const { return find_point(label) != nullptr; }
    const Point* find_point(std::string_view label) const;

    friend bool operator==(const Point&, const Point&) = default;
};

/// One ledd (paragraph) of a section, numbered from 1 in document order.
struct Ledd {
    int number = 0;
    std::optional<int> sentences;       ///< punktum count of the ledd's own text (not its points)
    std::optional<std::string> hash;    ///< hash of the whole ledd text, points included
    std::vector<AgeMention> age_mentions;  ///< found in the ledd's own text
    std::vector<Point> points;
    std::string text;                   ///< own text; only with ImportOptions::keep_text, never in the index

    /// Accepts "a", "a.", "A", and "1" / "nr. 1" style labels.
    bool has_point(std::string_view label) const { return find_point(label) != nullptr; }
    const Point* find_point(std::string_view label) const;
    /// Age mentions of the ledd and of all its points, in document order.
    std::vector<AgeMention> all_age_mentions() const;

    friend bool operator==(const Ledd&, const Ledd&) = default;
};

/// A part (del), chapter (kapittel) or other grouping (e.g. an annex).
struct Division {
    enum class Kind : std::uint8_t { part, chapter, other };
    Kind kind = Kind::chapter;
    std::string name;     ///< Lovdata's data-name: "kap4A", "del1", "oas"
    std::string number;   ///< "4A", "1", "II"
    std::string heading;  ///< as written: "Kapittel 4 A. Sikkerhetstiltak …"
    int parent = -1;      ///< index into Law::divisions; -1 at top level

    friend bool operator==(const Division&, const Division&) = default;
};

const char* division_kind_name(Division::Kind k);
std::optional<Division::Kind> parse_division_kind(std::string_view name);

/// One section (§ or, in treaties, an article).
struct Section {
    std::string number;    ///< normalised: "4-3", "2-1 c", "4A-1", "31", "120 a", "oas/a2"
    std::string url_name;  ///< Lovdata's data-name: "§2-1c" (empty in hand-written entries)
    std::string heading;   ///< "Hvem som har samtykkekompetanse", "(Opphevet)", or empty
    std::string chapter;   ///< number of the outermost chapter holding it, or empty
    int division = -1;     ///< innermost division holding it (index into Law::divisions)
    /// First day in force when the section came later than the law (Lovdata's
    /// "Tilføyd ved lov … (ikr. …)" note), or a future section's announced date.
    std::optional<Date> in_force_from;
    bool repealed = false;             ///< "(Opphevet)" or data-repealeddate
    std::optional<Date> repealed_on;   ///< first day no longer in force, when known
    /// Adopted but not yet in force (futureLegalArticle, or "Tilføyes ved lov …").
    bool future = false;
    /// An adopted amendment of the wording waits ("Endres ved lov …").
    bool pending_change = false;
    /// The section's amendment notes in the order written: its history as the
    /// consolidated text records it (empty in hand-written entries).
    std::vector<Amendment> amendments;
    /// False when the ledd list is only what sources cited (hand-written entries):
    /// a ledd missing from the list is then unknown, not absent.
    bool ledd_complete = true;
    std::optional<std::string> hash;   ///< hash of the section's ledd texts
    std::vector<Ledd> ledd;

    bool has_ledd(int number) const { return find_ledd(number) != nullptr; }
    const Ledd* find_ledd(int number) const;
    /// The section's own status on `on`; combine with Law::in_force_on.
    /// Repealed with no known date and future without a date count as not in force.
    bool in_force_on(Date on) const;

    friend bool operator==(const Section&, const Section&) = default;
};

/// Law::find_section's lookup tables: open-addressed hash tables of the
/// sections' numbers (and, built on the first number that misses, of their
/// url_names), hashed as section_number_key and compared with
/// same_section_number, built on the first lookup. A copied or moved-to
/// index starts empty; a lookup rebuilds it when the sections have grown or
/// moved since, not when a section is renumbered in place (fill a law's
/// sections before looking them up). Never part of a law's equality.
class SectionIndex {
public:
    SectionIndex() = default;
    SectionIndex(const SectionIndex&) noexcept {}
    SectionIndex& operator=(const SectionIndex&) noexcept {
        numbers_.clear();
        url_names_.clear();
        built_ = false;
        return *this;
    }
    ~SectionIndex() = default;
    friend bool operator==(const SectionIndex&, const SectionIndex&) { return true; }

    /// The first section whose number is `number` (same_section_number),
    /// else the first whose non-empty url_name is.
    const Section* find(const std::vector<Section>& sections, std::string_view number) const;

private:
    // A slot: the key's hash in the high 32 bits, the section's position + 1
    // in the low 32 (0: empty).
    mutable std::vector<std::uint64_t> numbers_, url_names_;
    mutable const Section* built_for_ = nullptr;
    mutable std::size_t built_size_ = 0;
    mutable bool built_ = false, url_names_built_ = false;
};

/// One law or regulation as the index knows it.
struct Law {
    std::string id;             ///< "LOV-1999-07-02-63", "FOR-2000-12-20-1554"
    std::string refid;          ///< "lov/1999-07-02-63"
    std::string title;
    std::string short_title;    ///< "Pasient- og brukerrettighetsloven"
    std::string abbreviation;   ///< "pbrl" (after the dash in Lovdata's titleShort); may be empty
    std::string ministry;
    std::string in_force_text;  ///< as written: "2001-01-01, 2001-07-01", "Kongen bestemmer"
    std::vector<Date> in_force; ///< dates in in_force_text; empty when not in force yet
    std::optional<Date> repealed;  ///< first day no longer in force
    std::optional<Date> last_change_in_force;
    std::string last_changed_by;   ///< "lov/2024-06-25-53 fra 2024-07-01"
    std::string source;            ///< "lovdata" or "hand-written"
    /// Empty for a document's main text; "nn" for the parallel nynorsk text
    /// Lovdata publishes beside a bokmål one under the same id (Grunnloven:
    /// nl-18140517-000-nn.xml). Part of the index key, so neither overwrites
    /// the other, and a citation of the bare id finds the main text.
    std::string variant;
    std::vector<std::string> based_on;  ///< regulations: hjemmel refs ("lov/1999-07-02-61/§5-5")
    std::vector<std::string> amends;    ///< changesToDocuments refs ("lov/2020-05-07-38")
    std::string note;              ///< hand-written entries: what was checked, and where
    /// False when only the sections that sources cite are listed (hand-written).
    bool sections_complete = true;
    std::vector<Division> divisions;  ///< in document order
    std::vector<Section> sections;    ///< in statute order

    /// Tolerant of spacing, case and a leading "§": "2-1c" == "2-1 c" == "§ 2-1 C".
    const Section* find_section(std::string_view number) const;
    /// Up to k section numbers closest to `number` (edit distance on the
    /// normalised form, ties broken by numeric closeness), for "did you mean".
    std::vector<std::string> nearest_sections(std::string_view number, std::size_t k = 3) const;
    /// First in-force date (the earliest of `in_force`), if any.
    std::optional<Date> in_force_from() const;
    bool in_force_on(Date on) const;
    /// Enacted with no in-force date yet ("Kongen bestemmer").
    bool awaiting_in_force() const { return in_force.empty() && !repealed; }

    friend bool operator==(const Law&, const Law&) = default;

private:
    SectionIndex section_index_;  // a cache for find_section
};

/// An old provision and the provision that took over its content.
struct Replacement {
    std::string from_law, from_section, to_law, to_section;
    std::string note;  ///< what was checked to confirm the mapping

    friend bool operator==(const Replacement&, const Replacement&) = default;
};

/// The key a law is indexed and filed under: its id in upper case, plus
/// "-NN" for a parallel nynorsk text ("LOV-1814-05-17", "LOV-1814-05-17-NN").
std::string index_key(const Law& law);
/// The key of an id or refid as a citation writes it ("lov/1999-07-02-63",
/// "LOV-1814-05-17-nn").
std::string index_key(std::string_view id);

/// All laws of the index plus the replacement map. Laws may be registered
/// unread (a file per law) and are then read on the first lookup, so a check
/// reads only the laws its rules cite. Pointers returned by the lookups stay
/// valid until the next add(). Not safe for concurrent lookups.
class Corpus {
public:
    /// Reads one unread law's file; nullopt when the file is unusable.
    using Reader = std::function<std::optional<Law>(const std::filesystem::path&)>;

    /// Adds or replaces (same index key) a law.
    void add(Law law);
    void add_replacement(Replacement r);
    /// Adds every law of `other` (its laws win; unread ones stay unread, read
    /// later by this index's reader, which load_corpus makes the same) and its
    /// replacements.
    void add_all(const Corpus& other);
    /// Registers `file` as the law under `key`, read by `reader` when first looked up.
    void add_unread(std::string_view key, std::filesystem::path file);
    void set_reader(Reader reader) { reader_ = std::move(reader); }
    /// Hands over an unread law's file (for a caller that reads it with
    /// diagnostics); nullopt when the key is read already or unknown.
    std::optional<std::filesystem::path> take_unread(std::string_view id);
    /// Laws registered and not read yet.
    std::size_t unread_count() const { return unread_.size(); }

    /// By id ("LOV-1999-07-02-63", case-insensitive) or refid ("lov/1999-07-02-63").
    const Law* find(std::string_view id) const;
    /// By abbreviation or short title, case-insensitive ("pbrl", "Barnelova").
    const Law* find_by_name(std::string_view name) const;
    /// Laws sorted by index key (reads every unread law).
    std::vector<const Law*> laws() const;
    /// Laws known, read or not.
    std::size_t size() const { return laws_.size() + unread_.size(); }

    /// Replacements of (law id, section number); section compared tolerantly.
    std::vector<const Replacement*> replacements_for(std::string_view law_id, std::string_view section) const;
    const std::vector<Replacement>& replacements() const { return replacements_; }

    /// For `--assume-in-force LAW[=DATE]`: treats an enacted law as in force from `from`.
    bool assume_in_force(std::string_view id, Date from);

private:
    const Law* read_unread(const std::string& key) const;
    void read_all() const;

    // Lookups read lazily, hence mutable; keyed by index_key.
    mutable std::map<std::string, Law, std::less<>> laws_;
    mutable std::map<std::string, std::filesystem::path, std::less<>> unread_;
    Reader reader_;
    std::vector<Replacement> replacements_;
};

/// Lovdata's data-name or a written number to the normalised form:
/// "§2-1c" → "2-1 c", "§ 4A-6a" → "4A-6 a", "§120a" → "120 a", "oas/a2" stays.
std::string normalise_section_number(std::string_view written);
/// True when two section numbers denote the same section (ignores "§",
/// spaces and case).
bool same_section_number(std::string_view a, std::string_view b);
/// A key that is equal for two numbers exactly when same_section_number is
/// true, for hashing: "§ 2-1 C." → "2-1c".
std::string section_number_key(std::string_view number);

}  // namespace lovsjekk::corpus
