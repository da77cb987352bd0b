// What every family of checks needs to state a finding: the norms involved
// (primary location plus notes), a stable id, ages, sectors, provisions and
// a witness child.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "check/check.hpp"
#include "model/model.hpp"
#include "model/norm_text.hpp"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace lovsjekk::text {
class Catalogue;
}

namespace lovsjekk::check {

/// Nominal ages [from, to) in whole months from birth (a year is 12, so an
/// age in months compares exactly with one in years); `to` is `open` when
/// unbounded.
struct AgeRange {
    static constexpr int open = 1000 * 12;
    int from = 0;
    int to = open;
    bool empty() const { return to <= from; }
};

/// The finding's ages in whole years (JSON, SARIF, the HTML matrix): the
/// lower rounded down, the upper up, -1 for an open end.
void set_detail_ages(Diagnostic& d, AgeRange r);

AgeRange nominal_ages(const model::Norm& n);
AgeRange intersect(AgeRange a, AgeRange b);
/// The ages as a phrase to word: "12–16 år", "fra 16 år", "alle aldre" (key `ages`).
MessageValue describe_ages(AgeRange r);

// A norm's texts (model/norm_text.hpp), as the checks and reports name them.
using model::describe_age_rule;
using model::provision;
using model::sector_name;

/// The catalogue key of a finding's note at one of its other rules.
inline constexpr Key rule_note_key = "finding.note.rule_here";

/// Builds a finding at `primary`, with a note at each of `others`, stated
/// as the catalogue key `message_key` with `args` (see text/word.hpp). The id
/// hashes kind, topic, the sorted rule ids and `id_part`: never positions,
/// never the words. The details name the rules by their positions in the
/// model (FindingDetails::norms) when all of them are the model's, else by
/// their ids, sectors and provisions.
Diagnostic make_finding(const Context& ctx, std::string_view kind, const model::Norm& primary,
                        const std::vector<const model::Norm*>& others, Key message_key, MessageArgs args,
                        const std::string& id_part = {});

/// A select keyword from an id: ICU keywords cannot hold '-', '.' or spaces.
std::string keyword(std::string id);

/// Items joined by ", ", for lists of provisions or ages inside a message.
std::string comma_list(const std::vector<std::string>& items);

/// A child born so that she is `age` on the evaluation date.
Date birth_date_for(Date on, int age);

/// Norms in force, grouped by topic; each group sorted by id.
const std::map<std::string, std::vector<const model::Norm*>>& by_topic(const Context& ctx);

/// Sorts norms by the nominal age they start at, then by id: each start
/// computed once, each id compared where it is (never copied per comparison).
void sort_by_starting_age(std::vector<const model::Norm*>& norms);

/// Calls `visit(a, b, overlap)` for every pair of norms whose nominal ages
/// overlap, by sweeping the sorted intervals: O(n log n) plus the pairs met,
/// never all pairs.
void for_each_overlapping_pair(std::vector<const model::Norm*> norms,
                               const std::function<void(const model::Norm&, const model::Norm&, AgeRange)>& visit);

/// The name a person reads for a topic or a sector: the topic's heading in
/// the language of `messages` (`topic.<id>`, as the summaries name it) when
/// the catalogue has one, else the description the vocabulary gives it; the
/// sector's name; the id when there is none.
std::string topic_name(const model::Model& model, const std::string& topic, const text::Catalogue* messages = nullptr);

/// A norm's text in a finding's arguments, deferred (model::rule_text): the
/// finding holds a few bytes, not a copy of the text, until it is worded.
inline MessageValue rule_text(const Context& ctx, const model::Norm& n, RuleText::Of of) {
    return model::rule_text(ctx.model, n, of);
}

/// Gives each finding what its words need and the checks left out: its
/// details' ids, sectors and provisions (model::expand_details), each note of
/// make_finding its key and its rule's id, sector and provision, and every
/// deferred rule text (RuleText) its text. For the formats that word findings
/// in the driver (text, SARIF, the editor), before use_display_names; the JSON
/// report expands each finding's rule texts as it words it, and words no notes.
void complete_findings(std::vector<Diagnostic>& findings, const model::Model& model);

/// Arguments named `topic`, `topics` (ids joined by ", "), `sector` and
/// `other_sector` (in messages, notes, witnesses and the phrases inside them)
/// hold ids; they become names (topic_name, sector_name), so that findings
/// read "retten til å bli hørt", not "bli-hørt". The details keep the ids. A
/// deferred rule text there is marked to become its sector's name when it is
/// expanded (checks give topics as text, never deferred).
void use_display_names(std::vector<Diagnostic>& findings, const model::Model& model,
                       const text::Catalogue* messages = nullptr);

/// The widest difference, over every birthday in a leap year, between the
/// days two bounds are reached (two ways of counting the same age).
int widest_window_days(const model::Bound& a, const model::Bound& b);

/// The actor the vocabulary gives the role of the child ("rolle barnet"); empty when none has it.
std::string child_actor(const model::Model& model);

/// The topic's group from the vocabulary ("medvirkning", "tjeneste", …).
const std::string& group_of(const Context& ctx, const std::string& topic);
/// The same for a norm's topic, read from Context::norm_groups when the norm is in force.
const std::string& group_of(const Context& ctx, const model::Norm& n);

}  // namespace lovsjekk::check
