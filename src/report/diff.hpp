// Matching the findings of two runs (two dates, or two rule trees) by their
// stable id: what a law change adds, removes and changes. A pure function
// over two finding vectors; the formats render its result.
#pragma once

#include "base/diagnostic.hpp"

#include <vector>

namespace lovsjekk::report {

struct FindingChange {
    Diagnostic before;
    Diagnostic after;
};

struct FindingDiff {
    std::vector<Diagnostic> added;       ///< only in `after`, in its order
    std::vector<Diagnostic> removed;     ///< only in `before`, in its order
    std::vector<FindingChange> changed;  ///< same id, different message, severity or ages; `after`'s order
    std::vector<Diagnostic> unchanged;   ///< in both alike, `after`'s version

    bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

/// Whether two findings with the same id read differently to a user: the
/// message, the severity or the ages.
bool differs(const Diagnostic& before, const Diagnostic& after);

/// Matches findings by id. An id that occurs several times on one side
/// (input errors repeated in one file) is matched occurrence by occurrence.
FindingDiff diff_findings(const std::vector<Diagnostic>& before, const std::vector<Diagnostic>& after);

}  // namespace lovsjekk::report
