// `lovsjekk explain ID|KIND`: one finding with the chain of provisions and
// what each says, in plain words; or the page for a kind of finding.
#include "base/kinds.hpp"
#include "check/finding.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "text/messages.hpp"
#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::cli {

namespace {

/// The kind's title or description from the catalogue, as the table of kinds names them.
std::string kind_text(const text::Catalogue& messages, const KindInfo& k, std::string_view key) {
    return messages.format(std::string(key), {{"kind", std::string(k.name)}});
}

void explain_kind(const KindInfo& k, const text::Catalogue& messages, std::ostream& out) {
    const std::string kind(k.name);
    // The policy lines are syntax, the same in every language.
    out << kind << ": " << kind_text(messages, k, k.title_key) << "\n\n"
        << kind_text(messages, k, k.description_key) << "\n\n"
        << messages.format("explain.kind.severity", {{"kind", kind}, {"severity", severity_name(k.default_severity)}})
        << "\n"
        << "    severity " << kind << " = note\n"
        << messages.format("explain.kind.accept") << "\n"
        << "    accept ID until 2027-12-31: " << messages.format("explain.kind.accept_reason") << "\n";
}

/// The page of an analysis of the whole system: what it asks, and the kind its findings have.
void explain_analysis(const check::Analysis& a, const text::Catalogue& messages, std::ostream& out) {
    const std::string name(a.name);
    const std::string kind(a.kind);
    const std::string key = "analysis." + check::keyword(name);
    out << name << " (" << kind << "): " << messages.format(key + ".title") << "\n\n"
        << messages.format(key + ".description") << "\n\n"
        << messages.format("explain.analysis.kind", {{"kind", kind}}) << "\n";
    if (const KindInfo* k = find_kind(a.kind))
        out << messages.format("explain.kind.severity", {{"kind", kind}, {"severity", severity_name(k->default_severity)}})
            << "\n"
            << "    severity " << kind << " = note\n"
            << messages.format("explain.kind.accept") << "\n"
            << "    accept ID until 2027-12-31: " << messages.format("explain.kind.accept_reason") << "\n";
}

// Statute wording (ages, weights, conditions, statements) is quoted as the rule file has it.
void explain_norm(const model::Norm& n, const model::Model& model, const text::Catalogue& messages, std::ostream& out) {
    const model::Law* law = model.find_law(n.law());
    out << "  " << check::provision(n);
    if (law) out << " (" << law->name << ", " << law->lovdata_id << ")";
    const bool counted = n.age.specified && !n.age.regardless && n.age.basis() != model::Basis::none;
    out << "\n    "
        << messages.format("explain.norm.rule", {{"rule", n.id}, {"has_title", n.title.empty() ? "no" : "yes"}, {"title", n.title}})
        << "\n    " << n.statement << "\n    "
        << messages.format("explain.norm.age", {{"rule_age", check::describe_age_rule(n)},
                                                {"basis", counted ? model::basis_name(n.age.basis()) : "none"}})
        << "\n";
    if (n.weight)
        out << "    "
            << messages.format("explain.norm.weight", {{"weight", model::weight_text(n.weight->level)},
                                                       {"has_from", n.weight->from_age ? "yes" : "no"},
                                                       {"from", std::int64_t{n.weight->from_age.value_or(0)}}})
            << "\n";
    for (const auto& c : n.conditions)
        out << "    "
            << messages.format("explain.norm.condition",
                               {{"discretionary", c.kind == model::ConditionKind::discretion ? "yes" : "no"},
                                {"maturity", c.kind == model::ConditionKind::maturity ? "yes" : "no"},
                                {"text", c.text}})
            << "\n";
    for (const auto& e : n.exceptions) out << "    " << messages.format("explain.norm.exception", {{"rule", e}}) << "\n";
    for (const auto& u : n.uncertain())
        out << "    " << messages.format("explain.norm.uncertain", {{"text", u}}) << "\n";
}

}  // namespace

/// Where `explain ID` looked, and how to point it elsewhere: an id found by
/// `check mine rules` is only found again in the same rules.
MessageArgs searched(const PipelineOptions& options, const PipelineResult& result, const std::string& id) {
    std::vector<std::string> paths;
    for (const auto& p : options.paths) paths.push_back(parse::display_path(p));
    std::string joined;
    for (const auto& p : paths) joined += (joined.empty() ? "" : ", ") + p;
    return {{"paths", joined.empty() ? parse::display_path(bundled_rules_dir()) : joined},
            {"bundled", paths.empty() ? "yes" : "no"},
            {"rules", static_cast<std::int64_t>(result.model.norms.size())},
            {"id", id}};
}

int cmd_explain(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk explain: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help") || parsed.positional.empty()) {
        const bool asked = parsed.has("help");
        const bool written = write_help(asked ? io.out : io.err, io.err, "explain", parsed,
                                        "lovsjekk explain ID|KIND [OPTIONS] [PATH...]", {"cli.explain.description"}, specs);
        return written && asked ? exit_ok : exit_unusable;
    }
    std::string lang;
    if (auto error = read_lang(parsed, lang)) {
        io.err << "lovsjekk explain: error: " << *error << '\n';
        return exit_unusable;
    }
    const text::Catalogue& messages = text::bundled_catalogue(lang);
    const std::string wanted = parsed.positional.front();
    if (const KindInfo* k = find_kind(wanted); k && k->family == KindFamily::finding) {
        explain_kind(*k, messages, io.out);
        return exit_ok;
    }
    if (const check::Analysis* a = check::find_analysis(wanted)) {
        explain_analysis(*a, messages, io.out);
        return exit_ok;
    }
    ParsedOptions rest = parsed;
    rest.positional.erase(rest.positional.begin());
    PipelineOptions options;
    if (auto error = read_pipeline_options(rest, options)) {
        io.err << "lovsjekk explain: error: " << *error << '\n';
        return exit_unusable;
    }
    const PipelineResult result = run_pipeline(options);
    if (result.unusable) {
        io.err << "lovsjekk explain: " << messages.format("cli.error.explain_unusable") << '\n';
        return exit_unusable;
    }
    std::vector<const Diagnostic*> matches;
    for (const Diagnostic& d : result.findings)
        if (d.id.rfind(wanted, 0) == 0) matches.push_back(&d);
    if (matches.size() != 1) {
        io.err << "lovsjekk explain: error: "
               << (matches.empty()
                       ? messages.format("cli.error.no_such_id", {{"id", wanted}, {"at", options.when.at.iso()}})
                       : messages.format("cli.error.ambiguous_id",
                                         {{"id", wanted}, {"n", static_cast<std::int64_t>(matches.size())}}))
               << '\n';
        if (matches.empty()) io.err << messages.format("cli.explain.searched", searched(options, result, wanted)) << '\n';
        return exit_unusable;
    }
    const Diagnostic& d = *matches.front();
    io.out << messages.format("explain.finding.heading", {{"kind", d.kind},
                                                          {"id", d.id},
                                                          {"severity", severity_name(d.severity)},
                                                          {"at", options.when.at.iso()}})
           << "\n\n"
           << d.message << "\n";
    if (!d.details.witness.empty())
        io.out << "\n" << messages.format("finding.example_sentence", {{"witness", d.details.witness}}) << "\n";
    io.out << "\n" << messages.format("explain.finding.provisions") << "\n";
    for (const std::string& id : d.details.rules)
        if (const model::Norm* n = result.model.find_norm(id)) explain_norm(*n, result.model, messages, io.out);
    io.out << "\n" << messages.format("explain.finding.where") << "\n";
    text::render_text(io.out, d, result.workspace.sources, {false, false, lang});
    if (const KindInfo* k = find_kind(d.kind); k && k->family == KindFamily::finding)
        io.out << "\n"
               << messages.format("explain.finding.about",
                                  {{"kind", d.kind}, {"description", kind_text(messages, *k, k->description_key)}})
               << "\n";
    return exit_ok;
}

}  // namespace lovsjekk::cli
