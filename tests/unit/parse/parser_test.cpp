#include "parse/parser.hpp"

#include <doctest/doctest.h>

using namespace lovsjekk;

namespace {

struct Parsed {
    text::SourceManager sources;
    Diagnostics diags;
    ast::File file;
};

std::unique_ptr<Parsed> parse_text(const std::string& text) {
    auto p = std::make_unique<Parsed>();
    p->file = parse::parse_string(p->sources, "t.regel", text, p->diags);
    return p;
}

const ast::Rule& only_rule(const Parsed& p) {
    REQUIRE(p.file.declarations.size() >= 1);
    const auto* rule = std::get_if<ast::Rule>(&p.file.declarations.back().value);
    REQUIRE(rule != nullptr);
    return *rule;
}

}  // namespace

TEST_CASE("a citation keeps section, ledd, letter and see-also") {
    auto p = parse_text("regel r {\n kilde jf. pbrl § 4-3 første ledd bokstav b, bvl § 2-1 c (3), opplova §§ 5-1 til 5-3, "
                        "opplova1998 § 4A-3 første ledd\n}\n");
    REQUIRE(p->diags.size() == 0);
    const ast::Rule& r = only_rule(*p);
    CHECK(r.sources[0].jf);
    CHECK(r.sources[0].law.name == "pbrl");
    CHECK(r.sources[0].section.text == "4-3");
    REQUIRE(r.sources[0].subdivisions.size() == 2);
    CHECK(r.sources[0].subdivisions[0].kind == ast::SubdivisionKind::ledd);
    CHECK(r.sources[0].subdivisions[0].number == 1);
    CHECK(r.sources[0].subdivisions[1].letter == "b");
    CHECK(r.sources[1].section.text == "2-1 c");
    CHECK(r.sources[1].subdivisions.at(0).number == 3);
    CHECK(r.sources[2].section_last->text == "5-3");
    REQUIRE(r.sources.size() == 4);
    CHECK(r.sources[3].section.text == "4A-3");
    CHECK(r.sources[3].subdivisions.at(0).number == 1);
}

TEST_CASE("annet and andre are both the second") {
    auto p = parse_text("regel r {\n kilde bl § 33 annet punktum, bl § 31 andre ledd\n}\n");
    REQUIRE(p->diags.size() == 0);
    const ast::Rule& r = only_rule(*p);
    CHECK(r.sources[0].subdivisions[0].kind == ast::SubdivisionKind::punktum);
    CHECK(r.sources[0].subdivisions[0].number == 2);
    CHECK(r.sources[1].subdivisions[0].number == 2);
}

TEST_CASE("abbreviated subdivisions: 1. ledd, 2. pkt., nr. 3") {
    auto p = parse_text("regel r {\n kilde navnel § 12 1. ledd 2. pkt., bl § 31 2. ledd 1. punktum, "
                        "pbrl § 4-3 1. ledd bokstav b, barnevernsl § 4-1 12. ledd nr. 3\n}\n");
    REQUIRE(p->diags.size() == 0);
    const ast::Rule& r = only_rule(*p);
    REQUIRE(r.sources.size() == 4);
    REQUIRE(r.sources[0].subdivisions.size() == 2);
    CHECK(r.sources[0].subdivisions[0].kind == ast::SubdivisionKind::ledd);
    CHECK(r.sources[0].subdivisions[0].number == 1);
    CHECK(r.sources[0].subdivisions[1].kind == ast::SubdivisionKind::punktum);
    CHECK(r.sources[0].subdivisions[1].number == 2);
    CHECK(r.sources[1].subdivisions.at(1).kind == ast::SubdivisionKind::punktum);
    CHECK(r.sources[2].subdivisions.at(1).letter == "b");
    CHECK(r.sources[3].subdivisions.at(0).number == 12);
    CHECK(r.sources[3].subdivisions.at(1).kind == ast::SubdivisionKind::nummer);
    CHECK(r.sources[3].subdivisions.at(1).number == 3);
}

TEST_CASE("a number and a full stop in a citation must be followed by ledd or pkt.") {
    auto p = parse_text("regel r {\n kilde bl § 31 2. avsnitt\n}\n");
    REQUIRE(p->diags.size() >= 1);
    CHECK(p->diags.all()[0].message_key == "parse.expected");
}

TEST_CASE("age wordings are kept as the statute writes them") {
    auto p = parse_text("regel r {\n alder over 15 år til og med året 18\n}\n");
    REQUIRE(p->diags.size() == 0);
    const ast::AgeExpr& a = only_rule(*p).ages.at(0);
    CHECK(a.lower->wording == ast::AgeWording::over);
    CHECK(a.lower->age.digits == "15");
    CHECK(a.upper->wording == ast::AgeWording::til_og_med_aaret);
    CHECK(!a.maturity);
}

TEST_CASE("a maturity clause and weight") {
    auto p = parse_text("regel r {\n alder fra 7 år, og yngre når barnet kan danne seg egne synspunkter\n vekt stor vekt fra 12 år\n}\n");
    REQUIRE(p->diags.size() == 0);
    const ast::Rule& r = only_rule(*p);
    CHECK(r.ages[0].maturity);
    CHECK(r.ages[0].maturity_lowers_floor);
    CHECK(r.ages[0].maturity_text.text == "barnet kan danne seg egne synspunkter");
    CHECK(r.weights[0].level == ast::WeightLevel::great);
    CHECK(r.weights[0].from->digits == "12");
}

TEST_CASE("modalities, including the longest match") {
    auto p = parse_text("regel r {\n barnet skal ikke informeres\n}\nregel s {\n foreldre bestemmer alene\n}\n");
    REQUIRE(p->diags.size() == 0);
    CHECK(std::get<ast::Rule>(p->file.declarations[0].value).statements[0].modality == ast::Modality::must_not);
    const auto& s = std::get<ast::Rule>(p->file.declarations[1].value).statements[0];
    CHECK(s.modality == ast::Modality::power_sole);
    CHECK(s.action.text.empty());
}

TEST_CASE("a modality's words may stand with any blanks between them") {
    // Written "skal  ikke", the rule forbids; it must never read as the duty
    // "skal" with the text "ikke informeres".
    auto p = parse_text("regel r {\n barnet skal  ikke informeres\n}\nregel s {\n barnet har\trett   til å bli hørt\n}\n"
                        "regel t {\n foreldre bestemmer \t alene\n}\nregel u {\n barnet kan ikkje noko\n}\n");
    REQUIRE(p->diags.size() == 0);
    const auto statement = [&](std::size_t i) { return std::get<ast::Rule>(p->file.declarations[i].value).statements[0]; };
    CHECK(statement(0).modality == ast::Modality::must_not);
    CHECK(statement(0).action.text == "informeres");
    CHECK(statement(1).modality == ast::Modality::right);
    CHECK(statement(1).action.text == "å bli hørt");
    CHECK(statement(2).modality == ast::Modality::power_sole);
    // "ikkje" is no "ikke": the may "kan", then the text.
    CHECK(statement(3).modality == ast::Modality::may);
    CHECK(statement(3).action.text == "ikkje noko");
}

TEST_CASE("a keyword is a whole word") {
    auto p = parse_text("regel r {\n kanskje kan noe\n}\n");
    REQUIRE(p->diags.size() == 0);
    CHECK(only_rule(*p).statements[0].actor.name == "kanskje");
}

TEST_CASE("identifiers may hold æ, ø, å but not §") {
    auto p = parse_text("regel høres-å {\n barnet har rett til noe\n}\n");
    CHECK(p->diags.size() == 0);
    CHECK(only_rule(*p).id.name == "høres-å");
    auto bad = parse_text("regel §x {\n}\n");
    CHECK(bad->diags.size() == 1);
}

TEST_CASE("spans point at the node in the source") {
    const std::string text = "regel r {\n  tema     bli-hørt\n}\n";
    auto p = parse_text(text);
    const auto& topic = only_rule(*p).topics.at(0);
    CHECK(text.substr(topic.begin, topic.end - topic.begin) == "bli-hørt");
}

TEST_CASE("the parser recovers and reports every broken rule") {
    auto p = parse_text("regel a {\n tema\n}\nregel b {\n alder fra\n}\nregel c {\n tema ok\n}\n");
    CHECK(p->diags.size() == 2);
    CHECK(p->file.declarations.size() == 1);
}

TEST_CASE("parsing stops cleanly, never reports success, on trailing junk") {
    auto p = parse_text("regel a {\n tema x\n}\n}}}\n");
    CHECK(p->diags.has_errors());
}

TEST_CASE("an age's span covers the whole age expression") {
    const std::string text = "regel r {\n  alder    fylt 15 år\n  vekt     stor vekt\n}\n";
    auto p = parse_text(text);
    REQUIRE(p->diags.size() == 0);
    const auto& age = only_rule(*p).ages.at(0);
    CHECK(text.substr(age.begin, age.end - age.begin) == "fylt 15 år");
    const auto& lower = *age.lower;
    CHECK(text.substr(lower.begin, lower.end - lower.begin) == "fylt 15 år");
}
