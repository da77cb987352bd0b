// `lovsjekk transitions`: the ages at which a young person's services end,
// what ends, what goes on and whose duty to cooperate, coordinate or follow
// up reaches past; with --born, the exact last day of each.
#include "check/finding.hpp"
#include "check/transitions.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"

#include <algorithm>
#include <map>
#include <ostream>

namespace lovsjekk::cli {

namespace {

void list(std::ostream& out, const char* heading, const std::vector<const model::Norm*>& norms,
          const check::Context& context, const std::optional<Date>& born, const text::Catalogue& messages) {
    out << "  " << messages.format(heading) << "\n";
    if (norms.empty()) out << "    " << messages.format("transitions.none") << "\n";
    for (const model::Norm* n : norms) {
        const std::optional<model::Bound> end = check::end_of(context, *n);
        // The first day the norm no longer applies, less one: the last day it does.
        const bool dated = born && end;
        out << "    "
            << messages.format("transitions.item",
                               {{"provision", check::provision(*n)},
                                {"topic", check::topic_name(context.model, n->topic, &messages)},
                                {"rule_age", check::ages_with_end(context, *n)},
                                {"has_date", dated ? "yes" : "no"},
                                {"last_day", dated ? end->date_for(*born).add_days(-1).iso() : std::string()}})
            << "\n";
    }
}

/// The duties that reach past the age, one line per actor: who carries the
/// young person over, and under which provisions.
void list_by_actor(std::ostream& out, const std::vector<const model::Norm*>& norms, const text::Catalogue& messages) {
    out << "  " << messages.format("transitions.reaching") << "\n";
    if (norms.empty()) out << "    " << messages.format("transitions.none") << "\n";
    std::map<std::string, std::vector<std::string>> by_actor;
    for (const model::Norm* n : norms) {
        auto& provisions = by_actor[n->actor];
        const std::string p = check::provision(*n);
        if (std::find(provisions.begin(), provisions.end(), p) == provisions.end()) provisions.push_back(p);
    }
    for (const auto& [actor, provisions] : by_actor)
        out << "    " << messages.format("transitions.actor", {{"actor", actor}, {"provisions", check::comma_list(provisions)}})
            << "\n";
}

}  // namespace

int cmd_transitions(const Args& args, Io io) {
    std::vector<OptionSpec> specs = pipeline_option_specs();
    specs.push_back({"born", true, "DATE", "cli.transitions.option.born"});
    specs.push_back({"max-age", true, "N", "cli.transitions.option.max_age"});
    specs.push_back({"help", false, "", "cli.option.help"});
    const ParsedOptions parsed = parse_options(args, specs);
    const text::Catalogue& words = catalogue_in(args);
    auto fail = [&](const std::string& message) {
        io.err << "lovsjekk transitions: error: " << message << '\n';
        return exit_unusable;
    };
    if (parsed.error) return fail(*parsed.error);
    if (parsed.has("help"))
        return write_help(io.out, io.err, "transitions", parsed, "lovsjekk transitions [OPTIONS] [PATH...]",
                          {"cli.transitions.description"}, specs)
                   ? exit_ok
                   : exit_unusable;
    PipelineOptions options;
    if (auto error = read_pipeline_options(parsed, options)) return fail(*error);
    std::optional<Date> born;
    if (auto b = parsed.get("born")) {
        born = Date::parse(*b);
        if (!born) return fail(words.format("cli.error.bad_date", {{"option", "--born"}, {"value", *b}}));
        if (options.when.at < *born) return fail(words.format("cli.error.not_born", {{"at", options.when.at.iso()}}));
    }
    // The oldest age served (24 in the 0–24 programme): a service that ends
    // on the next birthday or in the next year (at 25) still ends for her;
    // ages past that are another programme's.
    std::optional<int> max_age;
    if (auto m = parsed.get("max-age")) {
        max_age = whole_number(*m, 0, 130);
        if (!max_age) return fail(words.format("cli.error.age_option", {{"option", "--max-age"}, {"value", *m}}));
    }
    const PipelineResult result = run_pipeline(options);
    if (show_input_errors(result, options.lang, io) > 0) return exit_unusable;
    const text::Catalogue& messages = text::bundled_catalogue(options.lang);
    const check::Context context = check::make_context(result.model, options.when, nullptr);
    auto all = check::transitions(context);
    if (max_age)
        std::erase_if(all, [&](const check::Transition& t) { return t.age > *max_age + 1; });
    io.out << messages.format("transitions.heading", {{"at", options.when.at.iso()},
                                                      {"has_born", born ? "yes" : "no"},
                                                      {"born", born ? born->iso() : std::string()}})
           << "\n";
    if (all.empty()) io.out << "\n" << messages.format("transitions.empty") << "\n";
    for (const check::Transition& t : all) {
        io.out << "\n" << messages.format("transitions.age", {{"age", std::int64_t{t.age}}}) << "\n";
        list(io.out, "transitions.ending", t.ending, context, born, messages);
        list(io.out, "transitions.continuing", t.continuing, context, born, messages);
        list_by_actor(io.out, t.reaching, messages);
    }
    return exit_ok;
}

}  // namespace lovsjekk::cli
