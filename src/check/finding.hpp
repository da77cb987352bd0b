// What every family of checks needs to state a finding: the norms involved
// (primary location plus notes), a stable id, ages, sectors, provisions and
// a witness child.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "model/model.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lovsjekk::check {

/// Nominal ages [from, to) in completed years; `to` is `open_age` when unbounded.
struct AgeRange {
    static constexpr int open_age = 1000;
    int from = 0;
    int to = open_age;
    bool empty() const { return to <= from; }
};

AgeRange nominal_ages(const model::Norm& n);
AgeRange intersect(AgeRange a, AgeRange b);
std::string describe_ages(AgeRange r);  ///< "12–16 år", "fra 16 år", "alle aldre"

/// How the norm's age reads in the statute's words: "over 16 år", "fra året 19".
std::string describe_age_rule(const model::Norm& n);

/// The norm's main provision: "pbrl § 4-3 første ledd bokstav b".
std::string provision(const model::Norm& n);

/// Builds a finding at `primary`, with a note at each of `others`. The id
/// hashes kind, topic, the sorted rule ids and `key` (never positions).
Diagnostic make_finding(const std::string& kind, const model::Norm& primary,
                        const std::vector<const model::Norm*>& others, const std::string& message,
                        const std::string& key = {});

/// A child born so that she is `age` on the evaluation date.
Date birth_date_for(Date on, int age);

/// Norms in force, grouped by topic; each group sorted by id.
const std::map<std::string, std::vector<const model::Norm*>>& by_topic(const Context& ctx);

/// Calls `visit(a, b, overlap)` for every pair of norms whose nominal ages
/// overlap, by sweeping the sorted intervals: O(n log n) plus the pairs met,
/// never all pairs.
void for_each_overlapping_pair(std::vector<const model::Norm*> norms,
                               const std::function<void(const model::Norm&, const model::Norm&, AgeRange)>& visit);

/// The topic's group from the vocabulary ("medvirkning", "tjeneste", …).
std::string group_of(const Context& ctx, const std::string& topic);

}  // namespace lovsjekk::check
