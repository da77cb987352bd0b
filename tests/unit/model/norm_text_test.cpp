// A finding holds rules' texts deferred (RuleText) and expands them when it is
// worded: the expanded words must be those the text itself would have given.
#include "check/finding.hpp"
#include "model/norm_text.hpp"
#include "text/messages.hpp"

#include <doctest/doctest.h>

namespace {

using namespace lovsjekk;
using Of = RuleText::Of;

model::Model one_sector_two_norms() {
    model::Model m;
    m.sectors.push_back({"helse", "helse og omsorg", "", {}});
    for (const char* local : {"høres", "samtykke"}) {
        model::Norm n;
        n.sector = "helse";
        n.id = std::string("helse/") + local;
        n.statement = "barnet har rett til å samtykke";
        model::Citation c;
        c.law = "pbrl";
        c.section = "4-3";
        c.ledd = 1;
        n.sources.push_back(c);
        n.age.specified = true;
        n.age.from = model::Bound{16, model::Wording::fylt, model::AgeUnit::years};
        m.norms.push_back(n);
    }
    m.norms[1].weight = model::Weight{model::WeightLevel::great, 12};
    return m;
}

}  // namespace

TEST_CASE("a norm of the model is held as a RuleText; one outside it as its text") {
    const model::Model m = one_sector_two_norms();
    const MessageValue deferred = model::rule_text(m, m.norms[1], Of::provision);
    REQUIRE(std::holds_alternative<RuleText>(deferred));
    CHECK(std::get<RuleText>(deferred).rule == 1);
    CHECK(std::get<RuleText>(deferred).of == Of::provision);

    const model::Norm stranger = m.norms[0];  // a copy: not one of the model's norms
    const MessageValue eager = model::rule_text(m, stranger, Of::provision);
    REQUIRE(std::holds_alternative<std::string>(eager));
    CHECK(std::get<std::string>(eager) == "pbrl § 4-3 første ledd");
}

TEST_CASE("each text a RuleText names expands to the norm's own text") {
    const model::Model m = one_sector_two_norms();
    const model::Norm& n = m.norms[1];
    for (const Of of : {Of::id, Of::sector, Of::provision, Of::statement, Of::age_rule, Of::threshold}) {
        MessageArgs args{{"x", model::rule_text(m, n, of)}};
        model::expand_rule_texts(args, m);
        REQUIRE(std::holds_alternative<std::string>(args[0].second));
        CHECK(std::get<std::string>(args[0].second) == model::text_of(n, of));
    }
    CHECK(model::text_of(n, Of::id) == "helse/samtykke");
    CHECK(model::text_of(n, Of::age_rule) == "fylt 16 år");
    CHECK(model::text_of(n, Of::threshold) == "fylt 16 år, stor vekt fra 12 år");
    CHECK(model::text_of(m.norms[0], Of::threshold) == "fylt 16 år");  // no weight
}

TEST_CASE("rule texts inside phrases expand; a sector's where ids become names becomes the sector's name") {
    const model::Model m = one_sector_two_norms();
    MessageArgs args{{"ladder", std::vector<Phrase>{{"step", {{"sector", model::rule_text(m, m.norms[0], Of::sector)}}},
                                                    {"step", {{"other", model::rule_text(m, m.norms[1], Of::sector)}}}}},
                     {"n", std::int64_t{2}}};
    std::vector<Diagnostic> findings(1);
    findings[0].message_args = args;
    check::use_display_names(findings, m);  // marks the one under "sector", not the one under "other"
    model::expand_rule_texts(findings[0].message_args, m);
    const auto& steps = std::get<std::vector<Phrase>>(findings[0].message_args[0].second);
    CHECK(std::get<std::string>(steps[0].args[0].second) == "helse og omsorg");
    CHECK(std::get<std::string>(steps[1].args[0].second) == "helse");

    // The same as naming a text already expanded: the order of the two steps does not matter.
    std::vector<Diagnostic> eager(1);
    eager[0].message_args = args;
    model::expand_rule_texts(eager[0].message_args, m);
    check::use_display_names(eager, m);
    const auto& eager_steps = std::get<std::vector<Phrase>>(eager[0].message_args[0].second);
    for (std::size_t i = 0; i < 2; ++i) CHECK(std::get<std::string>(eager_steps[i].args[0].second) == std::get<std::string>(steps[i].args[0].second));
}

TEST_CASE("a position the model lacks is left as it is, and the catalogue refuses it unexpanded") {
    const model::Model m = one_sector_two_norms();
    MessageArgs args{{"rule", RuleText{7, Of::id}}, {"sector", model::rule_text(m, m.norms[0], Of::sector)},
                     {"provision", model::rule_text(m, m.norms[0], Of::provision)}};
    model::expand_rule_texts(args, m);
    CHECK(std::holds_alternative<RuleText>(args[0].second));
    CHECK_THROWS_AS(text::bundled_catalogue("nb").format("finding.note.rule_here", args), text::MessageError);
    args[0].second = std::string("helse/høres");
    CHECK(text::bundled_catalogue("nb").format("finding.note.rule_here", args) ==
          "regelen helse/høres (helse) står her (pbrl § 4-3 første ledd)");
    CHECK_THROWS_AS(model::expanded_text(m, RuleText{7, Of::id}), std::out_of_range);
}

TEST_CASE("the catalogue words deferred rule texts it is given words for, only where the pattern uses them") {
    const model::Model m = one_sector_two_norms();
    const MessageArgs args{{"sector", RuleText{0, Of::sector, true}},
                           {"rule", model::rule_text(m, m.norms[0], Of::id)},
                           {"provision", model::rule_text(m, m.norms[0], Of::provision)},
                           {"unused", RuleText{7, Of::id}}};
    int asked = 0;
    const text::RuleTextWords words = [&](const RuleText& r) {
        ++asked;
        return model::expanded_text(m, r);
    };
    CHECK(text::bundled_catalogue("nb").format("finding.note.rule_here", args, &words) ==
          "regelen helse/høres (helse og omsorg) står her (pbrl § 4-3 første ledd)");
    CHECK(asked == 3);  // never the unused one, which the model lacks

    // A ladder's step, worded as the ladder words each of its phrases: the same.
    const MessageArgs ladder{{"ladder", std::vector<Phrase>{{"finding.divergence.step",
                                                             {{"sector", RuleText{1, Of::sector}},
                                                              {"threshold", RuleText{1, Of::threshold}},
                                                              {"provision", RuleText{1, Of::provision}}}}}}};
    CHECK(text::bundled_catalogue("nb").format("finding.divergence.step", std::get<std::vector<Phrase>>(ladder[0].second)[0].args,
                                               &words) == "helse: fylt 16 år, stor vekt fra 12 år (pbrl § 4-3 første ledd)");
}

TEST_CASE("complete_findings expands the rule texts of the message, the notes and the witness") {
    const model::Model m = one_sector_two_norms();
    const check::Context ctx(m, {}, nullptr);
    std::vector<Diagnostic> findings{check::make_finding(ctx, "conflict", m.norms[0], {&m.norms[1]},
                                                         "finding.conflict.x",
                                                         {{"provision", model::rule_text(m, m.norms[1], Of::provision)}})};
    findings[0].details.witness_args = {{"statement", model::rule_text(m, m.norms[0], Of::statement)}};
    findings[0].notes.push_back({Span{}, {}, "k", {{"age", model::rule_text(m, m.norms[0], Of::age_rule)}}});
    check::complete_findings(findings, m);
    const Diagnostic& d = findings[0];
    CHECK(std::get<std::string>(d.message_args[0].second) == "pbrl § 4-3 første ledd");
    CHECK(std::get<std::string>(d.details.witness_args[0].second) == "barnet har rett til å samtykke");
    CHECK(std::get<std::string>(d.notes[1].message_args[0].second) == "fylt 16 år");
    CHECK(d.notes[0].message_key == check::rule_note_key);
}
