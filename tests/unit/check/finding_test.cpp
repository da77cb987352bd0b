// A finding's notes point at their rule in the details; complete_findings gives
// them the key and the rule's id, sector and provision their words need, from
// the model, only for formats that word them.
#include "check/finding.hpp"
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

using namespace lovsjekk;

model::Norm norm(std::string sector, std::string local_id, std::string law, std::string section, int ledd) {
    model::Norm n;
    n.sector = sector;
    n.id = sector + "/" + local_id;
    n.topic = "bli-hørt";
    model::Citation c;
    c.law = std::move(law);
    c.section = std::move(section);
    c.ledd = ledd;
    n.sources.push_back(c);
    return n;
}

/// Two norms, sorted by id as the model keeps them.
model::Model two_norms() {
    model::Model m;
    m.norms.push_back(norm("familie", "høres", "bl", "31", 2));
    m.norms.push_back(norm("helse", "høres", "pbrl", "4-4", 1));
    m.norms[0].span = Span::at(0, 10, 20);
    m.norms[1].span = Span::at(0, 30, 40);
    return m;
}

const MessageValue* arg(const MessageArgs& args, std::string_view name) {
    const auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    return it == args.end() ? nullptr : &it->second;
}

}  // namespace

TEST_CASE("a finding's note points at its rule only; complete_findings words its rule, sector and provision") {
    const model::Model m = two_norms();
    const check::Context ctx(m, {}, nullptr);
    const model::Norm& primary = m.norms[1];
    const model::Norm& other = m.norms[0];
    std::vector<Diagnostic> findings{
        check::make_finding(ctx, "divergence", primary, {&other}, "finding.divergence", {}, "right")};
    REQUIRE(findings[0].notes.size() == 1);
    const Note& bare = findings[0].notes[0];
    CHECK(bare.message_key.empty());
    CHECK(bare.message_args.empty());
    // The details hold the rules' places in the model, the primary first; no text yet.
    CHECK(findings[0].details.norms == std::vector<std::uint32_t>{1, 0});
    CHECK(findings[0].details.rules.empty());
    CHECK(findings[0].details.sectors.empty());
    CHECK(findings[0].details.provisions.empty());
    // The note's place is among the sorted ids: the other rule (familie/…) comes first, though it is the note.
    CHECK(bare.detail_rule == 0);
    CHECK(bare.span.begin == 10);  // the other rule's, not the primary's

    check::complete_findings(findings, m);
    CHECK(findings[0].details.norms.empty());
    REQUIRE(findings[0].details.rules == std::vector<std::string>{"familie/høres", "helse/høres"});
    CHECK(findings[0].details.sectors == std::vector<std::string>{"familie", "helse"});
    // The details name every rule's provision in full, the primary's first, whatever the notes hold.
    CHECK(findings[0].details.provisions ==
          std::vector<std::string>{"pbrl § 4-4 første ledd", "bl § 31 andre ledd"});
    const Note& full = findings[0].notes[0];
    CHECK(full.message_key == check::rule_note_key);
    CHECK(full.detail_rule == Note::no_rule);
    REQUIRE(full.message_args.size() == 3);
    CHECK(std::get<std::string>(*arg(full.message_args, "sector")) == "familie");
    CHECK(std::get<std::string>(*arg(full.message_args, "rule")) == "familie/høres");
    CHECK(std::get<std::string>(*arg(full.message_args, "provision")) == "bl § 31 andre ledd");

    // Completed once: a second pass leaves the note as it is.
    check::complete_findings(findings, m);
    CHECK(findings[0].notes[0].message_args.size() == 3);

    const Note& note = findings[0].notes[0];
    CHECK(text::bundled_catalogue("nb").format(note.message_key, note.message_args) ==
          "regelen familie/høres (familie) står her (bl § 31 andre ledd)");
}

TEST_CASE("a finding about a rule outside the model copies its ids, sectors and provisions at once") {
    const model::Model m = two_norms();
    const model::Model elsewhere = two_norms();
    const check::Context ctx(m, {}, nullptr);
    const Diagnostic d =
        check::make_finding(ctx, "divergence", m.norms[1], {&elsewhere.norms[0]}, "finding.divergence", {}, "right");
    CHECK(d.details.norms.empty());
    CHECK(d.details.rules == std::vector<std::string>{"familie/høres", "helse/høres"});
    CHECK(d.details.sectors == std::vector<std::string>{"familie", "helse"});
    CHECK(d.details.provisions == std::vector<std::string>{"pbrl § 4-4 første ledd", "bl § 31 andre ledd"});
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].detail_rule == 0);
    // The same id either way: it hashes the rules' ids, not where they are.
    const Diagnostic same =
        check::make_finding(ctx, "divergence", m.norms[1], {&m.norms[0]}, "finding.divergence", {}, "right");
    CHECK(d.id == same.id);
}

TEST_CASE("rule_lists: ids and sectors sorted and once, provisions in order and once") {
    model::Model m = two_norms();
    // The same provision as familie/høres; first by id, as the model keeps its norms.
    m.norms.insert(m.norms.begin(), norm("familie", "annen", "bl", "31", 2));
    const model::RuleLists lists = model::rule_lists(m, {2, 0, 1, 2});
    CHECK(lists.rules == std::vector<std::string_view>{"familie/annen", "familie/høres", "helse/høres"});
    CHECK(lists.sectors == std::vector<std::string_view>{"familie", "helse"});
    CHECK(lists.provisions == std::vector<std::string>{"pbrl § 4-4 første ledd", "bl § 31 andre ledd"});
    CHECK_THROWS_AS(model::rule_lists(m, {3}), std::out_of_range);
    FindingDetails untouched;
    untouched.rules = {"x"};
    model::expand_details(untouched, m);
    CHECK(untouched.rules == std::vector<std::string>{"x"});
}

TEST_CASE("complete_findings leaves other notes; a rule the model lacks is named by id alone") {
    const model::Model m = two_norms();
    std::vector<Diagnostic> findings(1);
    findings[0].details.rules = {"ingen/slik"};
    findings[0].notes.push_back({Span{}, {}, "resolve.note.first_rule", {}});
    findings[0].notes.push_back({Span{}, {}, {}, {}, 0});
    findings[0].notes.push_back({Span{}, {}, {}, {}, 1});  // past the details' rules: left as it is
    check::complete_findings(findings, m);
    CHECK(findings[0].notes[0].message_key == "resolve.note.first_rule");
    CHECK(findings[0].notes[0].message_args.empty());
    CHECK(findings[0].notes[1].message_key == check::rule_note_key);
    REQUIRE(findings[0].notes[1].message_args.size() == 1);
    CHECK(std::get<std::string>(*arg(findings[0].notes[1].message_args, "rule")) == "ingen/slik");
    CHECK(findings[0].notes[2].message_key.empty());
    CHECK(findings[0].notes[2].detail_rule == 1);
}
