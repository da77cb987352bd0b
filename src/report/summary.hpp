// Plain-language summaries for services: what applies to a child of a given
// age, what one service must do, or the exact dates for one child. Every
// sentence is generated from the norms through a message catalogue (ICU
// MessageFormat, one per language) and ends with its provision; sentences are
// grouped by topic and sorted with ICU collation. The summary knows no law:
// actors, topics, ages and provisions all come from the model.
#pragma once

#include "base/date.hpp"
#include "check/check.hpp"
#include "model/model.hpp"
#include "text/lix.hpp"
#include "text/messages.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::report {

/// What to summarise: exactly one of `age`, `service` and `born` is set.
struct SummaryQuery {
    model::Evaluation when;              ///< the law in force on this day (and, with `born`, the day we look)
    std::optional<int> age;              ///< a child of this age
    std::optional<std::string> service;  ///< an actor id: what it must do, toward whom, from what age
    std::optional<Date> born;            ///< one child born on this day, looked at on `when.at`
    /// The date of the statute text the rules were read against (none without an index).
    std::optional<Date> statute_text_date;
    /// Changes since that text in force on `when.at` to what the norms cite,
    /// where a norm has no version from the change (the driver's, as the
    /// `reference` check reports them).
    std::vector<check::TextChange> text_changes;
};

/// One change since the statute text that a sentence may not reflect, with
/// the number its sentences are marked with.
struct SummaryChange {
    int marker = 0;          ///< 1, 2, … in the order listed
    std::string provision;   ///< "pbrl § 4-3"
    std::string kind;        ///< "added", "changed", "repealed"
    std::string act;         ///< "LOV-2025-06-20-67"
    Date in_force;
    std::vector<std::string> rules;  ///< the norms in this summary that may not reflect it (sorted)
};

struct SummarySentence {
    std::string text;                ///< the whole sentence, ending with its provision
    std::string provision;           ///< the provision as printed in the parentheses
    std::vector<std::string> rules;  ///< the norms it was generated from (sorted ids)
    /// Lines under the sentence: the statute's conditions, quoted ("Vilkår: «…»"),
    /// and for one child the days it applies.
    std::vector<std::string> details;
    /// Sentences of the norms that are declared exceptions from this one
    /// (`unntak fra`), said under it rather than beside it.
    std::vector<SummarySentence> exceptions;
    /// The weight of her view (a norm's `vekt`), said apart from the norm's statement.
    bool weight = false;
    /// The markers of the changes since the statute text this sentence may not reflect.
    std::vector<int> changes;
};

/// The parts of a summary for an age or a child, in the order a person at
/// work asks: what the child decides herself and may refuse, what the
/// services must do and whom to contact, then the rest.
enum class SummaryPart : std::uint8_t { decides, services, other, none };
const char* part_name(SummaryPart part);  ///< "decides", "services", "other" (catalogue keys)

struct SummarySection {
    std::string topic;  ///< topic id
    std::string title;  ///< heading: the topic's description
    SummaryPart part = SummaryPart::none;  ///< none in a service's summary, which has no parts
    std::vector<SummarySentence> sentences;
};

struct Summary {
    std::string lang;
    std::string title;
    std::string intro;  ///< one sentence saying whom and which day the summary is for
    std::vector<SummarySection> sections;
    std::optional<Date> statute_text_date;  ///< named in the intro
    std::vector<SummaryChange> changes;     ///< listed under the intro, by provision
    text::LixCounts lix;  ///< over the intro and the sentences (headings are not sentences)
    /// Topics and actors the catalogue has no words for; their sentences use
    /// the vocabulary's description or the rule's own wording instead.
    std::vector<std::string> notes;
};

/// Builds the summary. Throws text::MessageError when the catalogue lacks a
/// key the summary needs (a bug the catalogue tests catch).
Summary build_summary(const model::Model& model, const SummaryQuery& query, const text::Catalogue& messages);

/// The vocabulary's actor id for the child herself ("barnet"), which has no
/// service summary: her summaries are by age or by birth date.
const char* child_actor_id();

/// The LIX band's name in the catalogue ("very_easy" … "very_hard"), after Björnsson's scale.
const char* lix_band(double lix);

/// Title, intro, one heading per topic with its sentences, the closing reminder and the LIX line.
/// The changes since the statute text are listed under the intro, and each
/// sentence that may not reflect one is marked with its number.
void write_summary_text(std::ostream& out, const Summary& summary, const SummaryQuery& query,
                        const text::Catalogue& messages);
/// One self-contained HTML page (no scripts, no external assets), built as a DOM.
void write_summary_html(std::ostream& out, const Summary& summary, const SummaryQuery& query,
                        const text::Catalogue& messages);
/// The lovsjekk.summary/1 contract.
void write_summary_json(std::ostream& out, const Summary& summary, const SummaryQuery& query);

}  // namespace lovsjekk::report
