// The naive all-pairs versions of the conflict and divergence checks: the
// baseline the benchmark measures the real checks against. Kept only here;
// they must find exactly what src/check finds, only slower.
#pragma once

#include "check/check.hpp"

#include <vector>

namespace lovsjekk::bench {

/// Every pair of norms in force, compared directly: same topic, overlapping ages.
void all_pairs_conflicts(const check::Context& ctx, std::vector<Diagnostic>& out);
/// Groups found by comparing every norm with every other (same topic and
/// modality), then the same ladders as src/check/divergences.cpp.
void all_pairs_divergences(const check::Context& ctx, std::vector<Diagnostic>& out);

}  // namespace lovsjekk::bench
