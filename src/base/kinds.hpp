// The one table of diagnostic kinds. A kind is the JSON `kind`, the SARIF
// ruleId, the key of `--severity` and of a policy file's `severity` line, and
// the name of an `explain` page; every stage names kinds through the
// constants below, and the readers of settings check names against the table.
#pragma once

#include "base/diagnostic.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk {

/// Where a kind comes from.
enum class KindFamily : std::uint8_t {
    input,    ///< the rule files, the index or the settings cannot be read as they are
    finding,  ///< a check's finding over the model
    policy,   ///< the policy's own reports (an acceptance that expired or matches nothing)
};

struct KindInfo {
    std::string_view name;
    KindFamily family;
    Severity default_severity;
    /// The catalogue keys of its title and description (messages/*/findings.txt);
    /// kinds without a page of their own share family.other.*, worded with {kind}.
    std::string_view title_key;
    std::string_view description_key;
    std::string_view sarif_name;  ///< the PascalCase name SARIF viewers show
    /// An error of this kind makes the rules unusable: no checks, exit 2.
    bool stops_checks = false;
};

namespace kinds {
inline constexpr std::string_view reference = "reference";
inline constexpr std::string_view conflict = "conflict";
inline constexpr std::string_view divergence = "divergence";
inline constexpr std::string_view grey_zone = "grey-zone";
inline constexpr std::string_view gap = "gap";
inline constexpr std::string_view suppression = "suppression";
inline constexpr std::string_view syntax = "syntax";
inline constexpr std::string_view encoding = "encoding";
inline constexpr std::string_view io = "io";
inline constexpr std::string_view limit = "limit";
inline constexpr std::string_view config = "config";
inline constexpr std::string_view corpus = "corpus";
inline constexpr std::string_view lovdata = "lovdata";
inline constexpr std::string_view format = "format";
/// A Lovdata archive cannot be read (not an archive, a broken stream, an entry over a limit).
inline constexpr std::string_view archive = "archive";
}  // namespace kinds

/// Every kind, findings first (in the order reports list them).
const std::vector<KindInfo>& all_kinds();
const KindInfo* find_kind(std::string_view name);

}  // namespace lovsjekk
