// The user's policy over findings: severities per kind and topic, and
// accepted findings (suppressions) with a mandatory reason and an optional
// expiry. Applied after the checks, before reporting.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "text/source.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::check {

struct Suppression {
    std::string id;
    std::string reason;
    std::optional<Date> expires;  ///< last day the suppression holds
    Span span;
};

struct Policy {
    std::map<std::string, Severity> by_kind;
    std::map<std::pair<std::string, std::string>, Severity> by_kind_and_topic;
    std::vector<Suppression> suppressions;
};

/// `--severity KIND=LEVEL` or `KIND/TOPIC=LEVEL`; an error message on failure.
/// Adds KIND=LEVEL or KIND/TOPIC=LEVEL; what is wrong with it otherwise, as a
/// catalogue key and arguments (policy.* in messages/*/findings.txt).
std::optional<Phrase> add_severity_setting(Policy& policy, std::string_view setting);

/// Reads a policy file: one setting a line, `#` comments.
///   severity KIND[/TOPIC] = error|warning|note
///   accept ID [until YYYY-MM-DD]: reason
void read_policy_file(const text::SourceManager& sources, std::uint32_t file, Policy& policy, Diagnostics& diags);

/// Sets severities, drops accepted findings, and reports suppressions that
/// have expired or match no finding (kind `suppression`).
void apply_policy(const Policy& policy, Date at, std::vector<Diagnostic>& findings);

}  // namespace lovsjekk::check
