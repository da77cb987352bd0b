// Diff of two finding vectors by id. Locations are deliberately not
// compared: a rule moved within its file, or a tree laid out anew, is the
// same finding.
#include "report/diff.hpp"

#include <map>
#include <string>

namespace lovsjekk::report {

bool differs(const Diagnostic& before, const Diagnostic& after) {
    return before.message != after.message || before.severity != after.severity ||
           before.details.age_from != after.details.age_from || before.details.age_to != after.details.age_to;
}

FindingDiff diff_findings(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after) {
    // Each id's occurrences in `before`, in order; matching consumes them front to back.
    std::map<std::string, std::vector<std::size_t>> pending;
    for (std::size_t i = 0; i < before.size(); ++i) pending[before[i].id].push_back(i);
    std::map<std::string, std::size_t> used;
    std::vector<bool> matched(before.size(), false);

    FindingDiff result;
    for (const Diagnostic& a : after) {
        auto it = pending.find(a.id);
        std::size_t& n = used[a.id];
        if (it == pending.end() || n >= it->second.size()) {
            result.added.push_back(a);
            continue;
        }
        const std::size_t index = it->second[n++];
        matched[index] = true;
        if (differs(before[index], a)) result.changed.push_back({before[index], a});
        else result.unchanged.push_back(a);
    }
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!matched[i]) result.removed.push_back(before[i]);
    return result;
}

}  // namespace lovsjekk::report
