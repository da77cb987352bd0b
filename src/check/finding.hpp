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
/// The ages as a phrase to word: "12–16 år", "fra 16 år", "alle aldre" (key `ages`).
MessageValue describe_ages(AgeRange r);

/// How the norm's age reads in the statute's own words, in every language:
/// "over 16 år", "fra året 19".
std::string describe_age_rule(const model::Norm& n);

/// The norm's main provision: "pbrl § 4-3 første ledd bokstav b".
std::string provision(const model::Norm& n);

/// Builds a finding at `primary`, with a note at each of `others`, stated
/// as the catalogue key `message_key` with `args` (see text/word.hpp). The id
/// hashes kind, topic, the sorted rule ids and `id_part`: never positions,
/// never the words.
Diagnostic make_finding(std::string_view kind, const model::Norm& primary,
                        const std::vector<const model::Norm*>& others, std::string message_key, MessageArgs args,
                        const std::string& id_part = {});

/// A select keyword from an id: ICU keywords cannot hold '-', '.' or spaces.
std::string keyword(std::string id);

/// Items joined by ", ", for lists of provisions or ages inside a message.
std::string comma_list(const std::vector<std::string>& items);

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
