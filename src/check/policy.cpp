#include "check/policy.hpp"

#include "base/kinds.hpp"
#include "text/suggest.hpp"

#include <algorithm>
#include <set>

namespace lovsjekk::check {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Phrase> add_severity_setting(Policy& policy, std::string_view setting) {
    const auto eq = setting.find('=');
    if (eq == std::string_view::npos) return Phrase{"policy.severity_form", {}};
    const std::string_view target = trim(setting.substr(0, eq));
    const auto level = parse_severity(trim(setting.substr(eq + 1)));
    if (!level) return Phrase{"policy.severity_level", {{"value", std::string(trim(setting.substr(eq + 1)))}}};
    const auto slash = target.find('/');
    const std::string_view kind = target.substr(0, slash);
    if (!find_kind(kind)) {
        // A typo must not turn into a policy nobody asked for.
        std::vector<std::string_view> names;
        for (const KindInfo& k : all_kinds()) names.push_back(k.name);
        const auto close = text::closest(kind, names);
        return Phrase{"policy.unknown_kind",
                      {{"kind", std::string(kind)},
                       {"has_suggestion", close ? "yes" : "no"},
                       {"suggestion", close ? *close : std::string()}}};
    }
    if (slash == std::string_view::npos) policy.by_kind[std::string(target)] = *level;
    else policy.by_kind_and_topic[{std::string(target.substr(0, slash)), std::string(target.substr(slash + 1))}] = *level;
    return std::nullopt;
}

void read_policy_file(const text::SourceManager& sources, std::uint32_t file, Policy& policy, Diagnostics& diags) {
    const text::SourceFile& source = sources.file(file);
    for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
        const std::string_view raw = source.line_text(line);
        const std::uint32_t start = source.line_start(line);
        std::string_view text = raw;
        if (auto hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
        text = trim(text);
        if (text.empty()) continue;
        const auto at = [&](std::string_view part) {
            const auto offset = static_cast<std::uint32_t>(part.data() - raw.data()) + start;
            return Span::at(file, offset, offset + static_cast<std::uint32_t>(std::max<std::size_t>(part.size(), 1)));
        };
        if (text.rfind("severity ", 0) == 0) {
            if (auto error = add_severity_setting(policy, text.substr(9))) {
                Diagnostic& d = diags.error(kinds::config, at(text), {});
                d.message_key = error->key;
                d.message_args = error->args;
            }
            continue;
        }
        if (text.rfind("accept ", 0) == 0) {
            std::string_view rest = trim(text.substr(7));
            const auto colon = rest.find(':');
            if (colon == std::string_view::npos || trim(rest.substr(colon + 1)).empty()) {
                diags.error(kinds::config, at(text), {}).message_key = "policy.accept_reason";
                continue;
            }
            Suppression s;
            s.reason = std::string(trim(rest.substr(colon + 1)));
            std::string_view head = trim(rest.substr(0, colon));
            const auto space = head.find(' ');
            s.id = std::string(head.substr(0, space));
            s.span = at(head.substr(0, space));
            if (space != std::string_view::npos) {
                std::string_view until = trim(head.substr(space));
                if (until.rfind("until ", 0) != 0 || !Date::parse(trim(until.substr(6)))) {
                    diags.error(kinds::config, at(until), {}).message_key = "policy.accept_until";
                    continue;
                }
                s.expires = Date::parse(trim(until.substr(6)));
            }
            policy.suppressions.push_back(std::move(s));
            continue;
        }
        diags.error(kinds::config, at(text), {}).message_key = "policy.line";
    }
}

void apply_policy(const Policy& policy, Date at, std::vector<Diagnostic>& findings) {
    for (Diagnostic& d : findings) {
        if (auto it = policy.by_kind.find(d.kind); it != policy.by_kind.end()) d.severity = it->second;
        if (auto it = policy.by_kind_and_topic.find({d.kind, d.details.topic}); it != policy.by_kind_and_topic.end())
            d.severity = it->second;
    }
    std::set<std::string> present;
    for (const Diagnostic& d : findings) present.insert(d.id);
    std::set<std::string> accepted;
    std::vector<Diagnostic> reports;
    for (const Suppression& s : policy.suppressions) {
        Diagnostic d;
        d.kind = kinds::suppression;
        d.severity = Severity::warning;
        d.span = s.span;
        if (s.expires && *s.expires < at) {
            d.message_key = "finding.suppression.expired";
            d.message_args = {{"id", s.id}, {"expired", s.expires->iso()}, {"reason", s.reason}};
        } else if (!present.contains(s.id)) {
            d.message_key = "finding.suppression.unmatched";
            d.message_args = {{"id", s.id}};
        } else {
            accepted.insert(s.id);
            continue;
        }
        d.id = stable_id(d.kind, {s.id});
        reports.push_back(std::move(d));
    }
    std::erase_if(findings, [&](const Diagnostic& d) { return accepted.contains(d.id); });
    findings.insert(findings.end(), reports.begin(), reports.end());
}

}  // namespace lovsjekk::check
