#include "base/kinds.hpp"

namespace lovsjekk {

const std::vector<KindInfo>& all_kinds() {
    using F = KindFamily;
    static const std::vector<KindInfo> table = {
        {kinds::reference, F::finding, Severity::error, "family.reference.title", "family.reference.description", "Reference"},
        {kinds::conflict, F::finding, Severity::warning, "family.conflict.title", "family.conflict.description", "Conflict"},
        {kinds::divergence, F::finding, Severity::warning, "family.divergence.title", "family.divergence.description",
         "Divergence"},
        {kinds::grey_zone, F::finding, Severity::note, "family.grey_zone.title", "family.grey_zone.description", "GreyZone"},
        {kinds::gap, F::finding, Severity::warning, "family.gap.title", "family.gap.description", "Gap"},
        {kinds::suppression, F::policy, Severity::warning, "family.other.title", "family.other.description", "Suppression"},
        {kinds::syntax, F::input, Severity::error, "family.syntax.title", "family.syntax.description", "Syntax", true},
        {kinds::encoding, F::input, Severity::error, "family.encoding.title", "family.encoding.description", "Encoding",
         true},
        {kinds::io, F::input, Severity::error, "family.io.title", "family.io.description", "Io", true},
        {kinds::limit, F::input, Severity::error, "family.limit.title", "family.limit.description", "Limit", true},
        {kinds::config, F::input, Severity::error, "family.other.title", "family.other.description", "Config", true},
        {kinds::corpus, F::input, Severity::error, "family.other.title", "family.other.description", "Corpus", true},
        {kinds::lovdata, F::input, Severity::error, "family.other.title", "family.other.description", "Lovdata"},
        {kinds::format, F::input, Severity::error, "family.other.title", "family.other.description", "Format"},
        {kinds::archive, F::input, Severity::error, "family.other.title", "family.other.description", "Archive"},
    };
    return table;
}

const KindInfo* find_kind(std::string_view name) {
    for (const KindInfo& k : all_kinds())
        if (k.name == name) return &k;
    return nullptr;
}

}  // namespace lovsjekk
