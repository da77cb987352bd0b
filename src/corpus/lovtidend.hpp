// Norsk Lovtidend's amending acts: which law and which sections each act
// changes, adds or repeals, the new wording where the act gives it ("skal
// lyde:"), and its announced and in-force dates as far as the data says.
// The consolidated texts in corpus/ are as of one date; this index tells a
// check what an act announced after that date does to a cited provision.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "text/source.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::corpus {

/// What one change instruction of an act does, read from its wording.
enum class ChangeKind : std::uint8_t {
    reworded,    ///< "§ 4-3 andre ledd skal lyde:"
    added,       ///< "Ny § 7-2 a skal lyde:", "Nytt fjerde ledd skal lyde:"
    repealed,    ///< "§ 2 a oppheves."
    renumbered,  ///< "Nåværende tredje ledd blir nytt fjerde ledd."
    other,       ///< anything else ("I § 5 skal «x» erstattes med «y»")
};

const char* change_kind_name(ChangeKind k);
std::optional<ChangeKind> parse_change_kind(std::string_view name);

/// One change instruction ("endring") of an act to one law.
struct ProvisionChange {
    ChangeKind kind = ChangeKind::other;
    /// Lovdata's change parts without the law: "§4-3/ledd/2", "§4-3/ledd/3".
    std::vector<std::string> parts;
    /// The sections they touch, normalised ("4-3", "2-1 c"), in order, once each.
    std::vector<std::string> sections;
    std::string instruction;  ///< "§ 4-3 andre til femte ledd skal lyde:"
    /// The new wording, one ledd a line; empty when the act gives none.
    std::string new_text;

    friend bool operator==(const ProvisionChange&, const ProvisionChange&) = default;
};

/// All the changes of one act to one law.
struct DocumentChanges {
    std::string law;  ///< the changed law's id: "LOV-1999-07-02-63"
    std::vector<ProvisionChange> changes;

    friend bool operator==(const DocumentChanges&, const DocumentChanges&) = default;
};

/// An act as Lovtidend announced it.
struct AmendingAct {
    std::string id;           ///< "LOV-2025-06-20-67"
    std::string title;
    std::optional<Date> announced;  ///< "Kunngjort" (dateOfPublication)
    std::string in_force_text;      ///< as written: "2025-07-01", "Kongen bestemmer"
    std::vector<Date> in_force;     ///< the dates in in_force_text; empty for "Kongen bestemmer"
    std::vector<DocumentChanges> documents;

    friend bool operator==(const AmendingAct&, const AmendingAct&) = default;
};

/// Reads a Lovtidend item loaded into `sources`. nullopt, without a
/// diagnostic, when it amends nothing (a new law, a regulation without
/// change articles); an error of kind "lovdata" when it is not Lovdata XML.
std::optional<AmendingAct> read_amending_act(std::uint32_t file, const text::SourceManager& sources,
                                             Diagnostics& diags);

/// A change to a law, with the act that makes it.
struct LawChange {
    const AmendingAct* act = nullptr;
    const ProvisionChange* change = nullptr;
};

/// The amending acts, queried by law and section. Pointers stay valid until
/// the next add().
class AmendmentIndex {
public:
    /// Adds or replaces (same id) an act.
    void add(AmendingAct act);
    const std::vector<AmendingAct>& acts() const { return acts_; }
    bool empty() const { return acts_.empty(); }

    /// Every change to `law` (id or refid), acts in order of announcement.
    std::vector<LawChange> changes_to(std::string_view law) const;
    /// The changes that touch `section` of `law` (compared tolerantly).
    std::vector<LawChange> changes_to(std::string_view law, std::string_view section) const;
    /// The changes to `law` by acts announced after `consolidated` (the date
    /// of the consolidated text), or coming into force after it.
    std::vector<LawChange> changes_after(std::string_view law, Date consolidated) const;
    /// Keeps only the acts (and of them only the changes) touching one of `laws`.
    void keep_only(const std::vector<std::string>& laws);

private:
    std::vector<AmendingAct> acts_;  // sorted by (announced, id)
};

inline constexpr std::string_view amendments_schema = "lovsjekk.amendments/1";
inline constexpr std::string_view amendments_file = "amendments.json";

/// amendments.json: fixed key order, acts in order, the same index always
/// gives the same bytes.
std::string serialise_amendments(const AmendmentIndex& index);
/// Errors are diagnostics of kind "corpus" naming the JSON path.
std::optional<AmendmentIndex> parse_amendments(std::uint32_t file, const text::SourceManager& sources,
                                               Diagnostics& diags);
/// Reads `dir`/amendments.json; an empty index when there is none.
AmendmentIndex load_amendments(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace lovsjekk::corpus
