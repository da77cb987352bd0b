// reference: a rule is only trustworthy if what it cites exists and is in
// force when it is applied.
#include "check/check.hpp"

namespace lovsjekk::check {

void check_references(const Context& ctx, std::vector<Diagnostic>& out) {
    // A norm in force on a day when its home law is not: the rule's dates
    // and the law's dates disagree.
    for (const model::Norm& n : ctx.model.norms) {
        const model::Law* law = ctx.model.find_law(n.law());
        if (!law || n.validity.pending || law->validity.pending) continue;
        // A norm without dates of its own follows its law; only explicit
        // dates outside the law's period are a contradiction.
        const bool starts_early = n.validity.from && law->validity.from && *n.validity.from < *law->validity.from;
        const bool ends_late = n.validity.to && law->validity.to && *law->validity.to < *n.validity.to;
        const bool starts_after_repeal = n.validity.from && law->validity.to && *law->validity.to < *n.validity.from;
        if (!starts_early && !ends_late && !starts_after_repeal) continue;
        Diagnostic d;
        d.kind = "reference";
        d.severity = Severity::error;
        d.span = n.span;
        auto period = [](const model::Validity& v) {
            return (v.from ? v.from->iso() : std::string("…")) + " – " + (v.to ? v.to->iso() : std::string("…"));
        };
        d.message = "rule '" + n.id + "' is valid " + period(n.validity) + ", but its law " + law->short_name +
                    " is in force only " + period(law->validity);
        d.notes.push_back({law->span, "the law's dates are declared here"});
        d.id = stable_id(d.kind, {"norm-outside-law", n.id});
        d.details.rules = {n.id};
        d.details.sectors = {n.sector};
        d.details.topic = n.topic;
        for (const auto& c : n.sources) d.details.provisions.push_back(c.short_text());
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::check
