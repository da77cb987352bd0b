// A finding's notes name their rule by id; complete_notes adds the sector and
// provision their words need, from the model, only for formats that word them.
#include "check/finding.hpp"
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace {

using namespace lovsjekk;

model::Norm norm(std::string sector, std::string local_id, std::string law, std::string section, int ledd) {
    model::Norm n;
    n.sector = sector;
    n.local_id = local_id;
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
    return m;
}

const MessageValue* arg(const MessageArgs& args, std::string_view name) {
    const auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    return it == args.end() ? nullptr : &it->second;
}

}  // namespace

TEST_CASE("a finding's note names its rule only; complete_notes adds its sector and provision") {
    const model::Model m = two_norms();
    const model::Norm& primary = m.norms[1];
    const model::Norm& other = m.norms[0];
    std::vector<Diagnostic> findings{
        check::make_finding("divergence", primary, {&other}, "finding.divergence", {}, "right")};
    REQUIRE(findings[0].notes.size() == 1);
    const Note& bare = findings[0].notes[0];
    CHECK(bare.message_key == check::rule_note_key);
    REQUIRE(bare.message_args.size() == 1);
    CHECK(std::get<std::string>(*arg(bare.message_args, "rule")) == "familie/høres");
    // The details name every rule's provision in full, whatever the notes hold.
    CHECK(findings[0].details.provisions == std::vector<std::string>{"pbrl § 4-4 første ledd", "bl § 31 andre ledd"});

    check::complete_notes(findings, m);
    const Note& full = findings[0].notes[0];
    REQUIRE(full.message_args.size() == 3);
    CHECK(std::get<std::string>(*arg(full.message_args, "sector")) == "familie");
    CHECK(std::get<std::string>(*arg(full.message_args, "rule")) == "familie/høres");
    CHECK(std::get<std::string>(*arg(full.message_args, "provision")) == "bl § 31 andre ledd");

    // Completed once: a second pass leaves the note as it is.
    check::complete_notes(findings, m);
    CHECK(findings[0].notes[0].message_args.size() == 3);

    const Note& note = findings[0].notes[0];
    CHECK(text::bundled_catalogue("nb").format(note.message_key, note.message_args) ==
          "regelen familie/høres (familie) står her (bl § 31 andre ledd)");
}

TEST_CASE("complete_notes leaves other notes, and a note whose rule the model lacks") {
    const model::Model m = two_norms();
    std::vector<Diagnostic> findings(1);
    findings[0].notes.push_back({Span{}, {}, "resolve.note.first_rule", {}});
    findings[0].notes.push_back({Span{}, {}, std::string(check::rule_note_key), {{"rule", "ingen/slik"}}});
    check::complete_notes(findings, m);
    CHECK(findings[0].notes[0].message_args.empty());
    CHECK(findings[0].notes[1].message_args.size() == 1);
}
