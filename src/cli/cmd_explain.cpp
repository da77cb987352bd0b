// `lovsjekk explain ID|KIND`: one finding with the chain of provisions and
// what each says, in plain words; or the page for a kind of finding.
#include "check/finding.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "text/render.hpp"

#include <ostream>

namespace lovsjekk::cli {

namespace {

void explain_kind(const check::Family& f, std::ostream& out) {
    out << f.kind << ": " << f.title << "\n\n" << f.description << "\n\n"
        << "Default severity: " << severity_name(f.default_severity) << ". Change it with --severity " << f.kind
        << "=LEVEL (or " << f.kind << "/TOPIC=LEVEL), or in a policy file:\n"
        << "    severity " << f.kind << " = note\n"
        << "A difference that is intended (the legislator chose it) is accepted by id in a policy file, with a reason:\n"
        << "    accept ID until 2027-12-31: the sectors' ages differ by design (Prop. … L)\n";
}

void explain_norm(const model::Norm& n, const model::Model& model, std::ostream& out) {
    const model::Law* law = model.find_law(n.law());
    out << "  " << check::provision(n);
    if (law) out << " (" << law->name << ", " << law->lovdata_id << ")";
    out << "\n    rule " << n.id << (n.title.empty() ? "" : " \"" + n.title + "\"") << "\n"
        << "    " << n.statement << "\n"
        << "    age: " << check::describe_age_rule(n);
    if (n.age.specified && !n.age.regardless && n.age.basis() != model::Basis::none)
        out << " (counted by " << model::basis_name(n.age.basis()) << ")";
    out << "\n";
    if (n.weight) {
        out << "    weight: " << model::weight_text(n.weight->level);
        if (n.weight->from_age) out << " from " << *n.weight->from_age << " år";
        out << "\n";
    }
    for (const auto& c : n.conditions)
        out << "    condition" << (c.discretionary ? " (discretionary)" : "") << ": " << c.text << "\n";
    for (const auto& e : n.exceptions) out << "    exception from: " << e << "\n";
    for (const auto& u : n.uncertain) out << "    uncertain: " << u << "\n";
}

}  // namespace

int cmd_explain(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"help", false, "", "show this help"});
    const ParsedOptions parsed = parse_options(args, specs);
    if (parsed.error) {
        io.err << "lovsjekk explain: error: " << *parsed.error << '\n';
        return exit_unusable;
    }
    if (parsed.has("help") || parsed.positional.empty()) {
        (parsed.has("help") ? io.out : io.err)
            << format_help("lovsjekk explain ID|KIND [OPTIONS] [PATH...]",
                           "Explain one finding (by its id, or a unique prefix of it) with the provisions involved, "
                           "or a kind of finding (reference, conflict, divergence, grey-zone, gap).",
                           specs);
        return parsed.has("help") ? exit_ok : exit_unusable;
    }
    const std::string wanted = parsed.positional.front();
    if (const check::Family* f = check::find_family(wanted)) {
        explain_kind(*f, io.out);
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
        io.err << "lovsjekk explain: the rules have input errors; run 'lovsjekk check' first\n";
        return exit_unusable;
    }
    std::vector<const Diagnostic*> matches;
    for (const Diagnostic& d : result.findings)
        if (d.id.rfind(wanted, 0) == 0) matches.push_back(&d);
    if (matches.size() != 1) {
        io.err << "lovsjekk explain: error: "
               << (matches.empty() ? "no finding has the id '" + wanted + "' on " + options.when.at.iso()
                                   : "'" + wanted + "' matches " + std::to_string(matches.size()) + " findings; give more of the id")
               << '\n';
        return exit_unusable;
    }
    const Diagnostic& d = *matches.front();
    io.out << d.kind << " [" << d.id << "], " << severity_name(d.severity) << ", on " << options.when.at.iso() << "\n\n"
           << d.message << "\n";
    if (!d.details.witness.empty()) io.out << "\nFor example: " << d.details.witness << "\n";
    io.out << "\nThe provisions involved:\n";
    for (const std::string& id : d.details.rules)
        if (const model::Norm* n = result.model.find_norm(id)) explain_norm(*n, result.model, io.out);
    io.out << "\nWhere it stands:\n";
    text::render_text(io.out, d, result.workspace.sources, {false, false});
    if (const check::Family* f = check::find_family(d.kind)) io.out << "\nAbout " << f->kind << ": " << f->description << "\n";
    return exit_ok;
}

}  // namespace lovsjekk::cli
