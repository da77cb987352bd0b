// Diagnostics as values: every stage appends, nothing prints. Rendering to
// text, JSON, SARIF or LSP happens last, in one place per format.
#pragma once

#include "base/message.hpp"
#include "base/reorder.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace lovsjekk {

enum class Severity : std::uint8_t { note, warning, error };

const char* severity_name(Severity s);
/// The severity named `error`, `warning` or `note`; none for another word.
std::optional<Severity> parse_severity(std::string_view name);

/// A byte range in one source file. `file` indexes the SourceManager; byte
/// offsets are converted to lines and columns only when rendering.
struct Span {
    static constexpr std::uint32_t no_file = 0xFFFFFFFFu;
    std::uint32_t file = no_file;  ///< no_file: a problem with no source (a bad option)
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool valid = false;

    static Span at(std::uint32_t file, std::uint32_t begin, std::uint32_t end) {
        return Span{file, begin, end, true};
    }
    /// The whole file, without a position ("file: error: …").
    static Span whole(std::uint32_t file) { return Span{file, 0, 0, false}; }
};

struct Note {
    static constexpr std::int32_t no_rule = -1;
    Span span;
    std::string message;
    /// When set, `message` is worded from this catalogue key (see Diagnostic).
    Key message_key = {};
    MessageArgs message_args = {};
    /// A finding's note at one of its rules, kept as the rule's index in
    /// `details.rules` until the note is to be worded (check::complete_findings
    /// gives it its key and arguments then): a large report holds no words
    /// for notes it never words. no_rule otherwise.
    std::int32_t detail_rule = no_rule;
};

/// What a finding is about, for reports that list it (JSON, SARIF, HTML).
/// Empty for input errors.
struct FindingDetails {
    std::string topic;
    int age_from = -1;  ///< -1: none
    int age_to = -1;    ///< -1: open
    std::vector<std::string> sectors;
    std::vector<std::string> rules;
    std::vector<std::string> provisions;
    /// The rules a finding of the checks is about, as positions in the
    /// model's norms (the primary first, then the others, as make_finding was
    /// given them), while `sectors`, `rules` and `provisions` are still empty:
    /// a large report holds four bytes a rule instead of its id, sector and
    /// provision copied. model::expand_details gives the three lists from them
    /// (check::complete_findings, for the formats worded in the driver); the
    /// JSON report writes them from the model as it goes.
    std::vector<std::uint32_t> norms;
    /// A conflict a declared exception settles: kept in JSON and SARIF, left
    /// out of the text and HTML reports unless asked for (--include-settled).
    bool settled = false;
    /// A concrete child and date that shows the finding, in plain words.
    std::string witness;
    /// When set, `witness` is worded from this catalogue key.
    Key witness_key = {};
    MessageArgs witness_args = {};
};

struct Diagnostic {
    /// Machine name of the diagnostic class: `syntax`, `encoding`, `io`,
    /// `reference`, `conflict`, … It is the SARIF ruleId and the key for
    /// `--severity`.
    std::string kind;
    Severity severity = Severity::error;
    Span span;
    /// The message in the user's language. Findings state it as a catalogue
    /// key and arguments (`message_key`, `message_args`), and text::word()
    /// fills `message` from them last; diagnostics without a key (parse and
    /// resolve errors) carry their text here directly.
    std::string message;
    Key message_key = {};
    MessageArgs message_args = {};
    std::vector<Note> notes;
    /// Stable finding id: a hash of kind, topic and the rules involved,
    /// never of line numbers.
    std::string id;
    FindingDetails details;
};

/// How many diagnostics have each severity, indexed by Severity.
std::array<std::int64_t, 3> severity_tally(const std::vector<Diagnostic>& diags);

/// std::stable_sort of diagnostics by `less`, but the order is found on
/// indices and each diagnostic moved about once, in place: a Diagnostic is
/// large, a merge sort would move it about log n times, and a second vector
/// of them would double the report's peak for a moment.
template <class Less>
void stable_sort_diagnostics(std::vector<Diagnostic>& diags, Less less) {
    std::vector<std::size_t> order(diags.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(diags[a], diags[b]); });
    reorder(diags, order);
}

/// A stable, short id from the parts that identify a finding.
std::string stable_id(const std::string& kind, const std::vector<std::string>& parts);

class Diagnostics {
public:
    /// `kind`: a name from the table of kinds (base/kinds.hpp: kinds::syntax, …).
    Diagnostic& add(std::string_view kind, Severity severity, Span span, std::string message);
    Diagnostic& error(std::string_view kind, Span span, std::string message) {
        return add(kind, Severity::error, span, std::move(message));
    }

    const std::vector<Diagnostic>& all() const { return items_; }
    std::vector<Diagnostic>& all() { return items_; }
    bool has_errors() const;
    std::size_t size() const { return items_.size(); }
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
};

}  // namespace lovsjekk
