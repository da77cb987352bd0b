// Message catalogues: the file format, ICU MessageFormat with named
// arguments, plural and select, and the errors that must never become a
// silent fallback. Then the bundled catalogues: every key in every language,
// and every key formats with sample arguments.
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace lovsjekk;
using text::Catalogue;
using text::MessageArgs;
using text::MessageError;

namespace {

Catalogue parse(const std::string& lang, const std::string& content, std::vector<std::string>& errors) {
    Catalogue c(lang);
    c.add(content, "test.txt", errors);
    return c;
}

}  // namespace

TEST_CASE("a catalogue file: comments, keys, continuation lines") {
    std::vector<std::string> errors;
    const Catalogue c = parse("nb",
                              "# a comment\n"
                              "\n"
                              "age = {n, plural, one {# år} other {# år}}\n"
                              "long = første del\n"
                              "    og andre del\r\n",
                              errors);
    CHECK(errors.empty());
    CHECK(c.keys() == std::vector<std::string>{"age", "long"});
    CHECK(c.format("long") == "første del og andre del");
    CHECK(c.argument_names("age") == std::vector<std::string>{"n"});
}

TEST_CASE("plural: one and other, and the number formatted for the language") {
    std::vector<std::string> errors;
    const Catalogue nb = parse("nb", "age = {n, plural, one {# år} other {# år}}\nx = {v, number, ::.0}\n", errors);
    const Catalogue en = parse("en", "age = {n, plural, one {# year} other {# years}}\nx = {v, number, ::.0}\n", errors);
    REQUIRE(errors.empty());
    CHECK(nb.format("age", {{"n", std::int64_t{1}}}) == "1 år");
    CHECK(nb.format("age", {{"n", std::int64_t{16}}}) == "16 år");
    CHECK(en.format("age", {{"n", std::int64_t{1}}}) == "1 year");
    CHECK(en.format("age", {{"n", std::int64_t{16}}}) == "16 years");
    CHECK(nb.format("x", {{"v", 37.25}}) == "37,2");
    CHECK(en.format("x", {{"v", 37.25}}) == "37.2");
}

TEST_CASE("select chooses the law's word for the child") {
    std::vector<std::string> errors;
    const Catalogue nb =
        parse("nb", "child = {who, select, eleven {eleven} pasienten {pasienten} other {barnet}} har rett\n", errors);
    REQUIRE(errors.empty());
    CHECK(nb.format("child", {{"who", "eleven"}}) == "eleven har rett");
    CHECK(nb.format("child", {{"who", "pasienten"}}) == "pasienten har rett");
    CHECK(nb.format("child", {{"who", "den_mindreårige"}}) == "barnet har rett");
    CHECK(nb.format("child", {{"who", ""}}) == "barnet har rett");
}

TEST_CASE("a date is formatted as the language writes it, on the same day in any time zone") {
    std::vector<std::string> errors;
    const Catalogue nb = parse("nb", "d = {d, date, long}\n", errors);
    const Catalogue en = parse("en", "d = {d, date, long}\n", errors);
    REQUIRE(errors.empty());
    CHECK(nb.format("d", {{"d", *Date::parse("2014-03-01")}}) == "1. mars 2014");
    CHECK(en.format("d", {{"d", *Date::parse("2032-02-29")}}) == "February 29, 2032");
}

TEST_CASE("a missing key and a missing argument are errors, never a fallback") {
    std::vector<std::string> errors;
    const Catalogue nb = parse("nb", "hello = hei {name}\n", errors);
    REQUIRE(errors.empty());
    CHECK_THROWS_AS(nb.format("goodbye"), MessageError);
    CHECK_THROWS_AS(nb.format("hello"), MessageError);
    CHECK_THROWS_AS(nb.format("hello", {{"nmae", "Kari"}}), MessageError);
    CHECK(nb.format("hello", {{"name", "Kari"}, {"unused", "x"}}) == "hei Kari");
    CHECK_THROWS_AS(nb.pattern("goodbye"), MessageError);
}

TEST_CASE("bad lines, bad patterns, numbered arguments and duplicate keys are reported with file and line") {
    std::vector<std::string> errors;
    parse("nb",
          "no equals sign here\n"
          "  continuation\n"
          "bad = {n, plural, one {# år}\n"
          "numbered = {0} år\n"
          "twice = a\n"
          "twice = b\n",
          errors);
    REQUIRE(errors.size() == 5);
    CHECK(errors[0].rfind("test.txt:1:", 0) == 0);
    CHECK(errors[1].rfind("test.txt:2: continuation", 0) == 0);
    CHECK(errors[2].rfind("test.txt:3: bad:", 0) == 0);
    CHECK(errors[3].find("named arguments") != std::string::npos);
    CHECK(errors[4].find("defined twice") != std::string::npos);
}

TEST_CASE("a phrase argument is worded first, in the same language; a list of phrases is joined by '; '") {
    std::vector<std::string> errors;
    const Catalogue nb = parse("nb",
                               "ages = {span, select, from {fra {from} år} other {alle aldre}}\n"
                               "step = {sector}: {ages}\n"
                               "finding = ulike i {n} sektorer: {ladder}\n",
                               errors);
    REQUIRE(errors.empty());
    const MessageValue sixteen = phrase("ages", {{"span", "from"}, {"from", std::int64_t{16}}});
    CHECK(nb.format("step", {{"sector", "helse"}, {"ages", sixteen}}) == "helse: fra 16 år");
    const std::vector<Phrase> ladder = {{"step", {{"sector", "helse"}, {"ages", sixteen}}},
                                        {"step", {{"sector", "familie"}, {"ages", phrase("ages", {{"span", "all"}, {"from", std::int64_t{0}}})}}}};
    CHECK(nb.format("finding", {{"n", std::int64_t{2}}, {"ladder", ladder}}) ==
          "ulike i 2 sektorer: helse: fra 16 år; familie: alle aldre");
    // A phrase with a key the catalogue lacks is the same error as a missing key.
    CHECK_THROWS_AS(nb.format("step", {{"sector", "helse"}, {"ages", phrase("agse", {})}}), MessageError);
}

TEST_CASE("only the arguments a pattern uses reach ICU, in any order; the first of a name wins; phrases are all worded") {
    std::vector<std::string> errors;
    const Catalogue nb = parse("nb", "pair = {b} før {a}, {n, plural, one {# gang} other {# ganger}}\nword = ord\n", errors);
    REQUIRE(errors.empty());
    CHECK(nb.format("pair", {{"a", "første"}, {"x", 1.5}, {"n", std::int64_t{2}}, {"b", "andre"}}) ==
          "andre før første, 2 ganger");
    // ICU took the first argument of a name; it still does.
    CHECK(nb.format("pair", {{"a", "én"}, {"b", "to"}, {"a", "tre"}, {"n", std::int64_t{1}}}) == "to før én, 1 gang");
    // A phrase the pattern does not use is worded all the same: a missing key is still an error.
    CHECK(nb.format("pair", {{"a", "x"}, {"b", "y"}, {"n", std::int64_t{1}}, {"extra", phrase("word", {})}}) ==
          "y før x, 1 gang");
    CHECK_THROWS_AS(nb.format("pair", {{"a", "x"}, {"b", "y"}, {"n", std::int64_t{1}}, {"extra", phrase("wrod", {})}}),
                    MessageError);
    // Characters outside the BMP (two UTF-16 units, four bytes of UTF-8) and only-ASCII both come back whole.
    CHECK(nb.format("pair", {{"a", "𝄞 § 4-3 æøå"}, {"b", ""}, {"n", std::int64_t{3}}}) == " før 𝄞 § 4-3 æøå, 3 ganger");
    CHECK(nb.format("word") == "ord");
}

TEST_CASE("a language without a catalogue folder is an error") {
    std::vector<std::string> errors;
    Catalogue::load(text::bundled_messages_dir(), "xx", errors);
    CHECK(errors.size() == 1);
}

// ---------------------------------------------------------------------------
// The bundled catalogues

namespace {

/// Sample values for every argument name the catalogues use; select
/// arguments list each keyword the code passes, so every branch is formatted.
const std::map<std::string, std::vector<text::MessageValue>>& samples() {
    static const std::map<std::string, std::vector<text::MessageValue>> s = [] {
        const std::vector<text::MessageValue> yes_no = {"yes", "no"};
        const std::vector<text::MessageValue> who = {"barnet", "eleven", "pasienten", "deltakeren", "brukeren",
                                                     "den_mindreårige", ""};
        const std::vector<text::MessageValue> actor = {
            "barnet", "foreldre", "verge", "skole", "barnehage", "kommune", "helsepersonell", "statsforvalter",
            "kongen", "ingen", "fosterforeldre", "offentlige_myndigheter", "tilbyder", "nav", "helse_kommune"};
        std::map<std::string, std::vector<text::MessageValue>> m;
        for (const char* flag : {"adult", "self", "has_others", "to_child", "has_when", "comma", "cond", "you",
                                 "object", "sole", "range", "has_ledd", "has_punktum", "has_letter", "has_nummer",
                                 "see_also", "has_suggestion", "has_mentions", "complete", "has_nearest", "replaced", "maturity",
                                 "has_kinds", "has_title", "has_from", "discretionary", "has_rest", "some_ages",
                                 "has_topic", "has_born", "has_date", "left_out", "same_ages", "has_labels", "bundled", "has_condition", "has_until"})
            m[flag] = yes_no;
        m["who"] = who;
        m["actor"] = actor;
        m["modality"] = {"right", "duty", "may", "must_not", "power"};
        m["basis"] = {"birthday", "calendar_year", "school_year", "maturity", "none"};
        m["span"] = {"all", "under", "from", "range"};
        m["side"] = {"at", "vs", "dir"};
        m["found"] = {"token", "end_of_file", "end_of_line"};
        m["applies"] = yes_no;
        m["has_to"] = yes_no;
        m["has_position"] = yes_no;
        // A cited place as the rules write it: a section or an incorporated act's article.
        m["article"] = yes_no;
        m["place"] = {std::string("§ 4-3"), std::string("gdpr art. 8")};
        m["line"] = {std::int64_t{2}};
        m["column"] = {std::int64_t{3}};
        m["message"] = {std::string("x"), phrase("parse.empty", {})};
        m["change"] = {"added", "removed", "changed", "unchanged"};
        m["severity"] = {"error", "warning", "note"};
        m["problem"] = {"pending", "awaiting", "early"};
        m["unit"] = {"years", "months", "days"};
        m["in_years"] = yes_no;
        m["level"] = {"great", "decisive", "age_and_maturity"};
        m["band"] = {"very_easy", "easy", "medium", "hard", "very_hard"};
        // The statute index: corpus info and the age atlas.
        for (const char* n : {"phrases", "laws", "encoded", "regulations", "hand_written", "sections", "nynorsk",
                              "documents", "sentence", "acts", "changes"})
            m[n] = {std::int64_t{0}, std::int64_t{1}, std::int64_t{16}};
        m["has_sentence"] = yes_no;
        m["point_kind"] = {"letter", "number", "none"};
        for (const char* s : {"point", "folder", "ids"}) m[s] = {std::string("x")};
        m["status"] = {"encoded", "excluded", "missing"};
        m["state"] = {"checked", "not_indexed", "not_in_force"};
        m["found"] = {"token", "end_of_file", "end_of_line"};
        for (const char* s : {"token", "first", "second", "number"}) m[s] = {std::string("x")};
        m["digits"] = {std::int64_t{4}};
        m["part"] = {"decides", "services", "other"};
        m["sep"] = {" ", ""};
        for (const char* n : {"age", "from", "to", "n", "nummer", "ledd_count", "punktum_count", "days", "errors",
                              "warnings", "notes", "files", "rules", "sectors", "max", "total", "added", "removed",
                              "changed", "unchanged", "limit", "settled", "n_ends", "word_count", "pairs", "law_count", "encoded",
                              "excluded", "missing", "marker"})
            m[n] = {std::int64_t{0}, std::int64_t{1}, std::int64_t{16}};
        for (const char* d : {"at", "born", "from_day", "last_day", "text_date", "in_force"}) m[d] = {*Date::parse("2026-11-22")};
        m["lix"] = {37.25};
        for (const char* s : {"subject", "others", "child", "when", "act", "topic", "gen", "bounds", "lower", "upper",
                              "service", "body", "provision", "law", "section", "last", "ledd", "ledd_numbers", "punktum", "letter",
                              "sector", "rule", "witness", "law_from", "law_to", "written", "where", "mentions",
                              "lovdata_id", "nearest", "letters", "replacements", "index_from", "in_force_text",
                              "statement", "other_statement", "other_actor", "exception", "general",
                              "other_provision", "threshold", "rule_age", "other_sector", "other_rule_age",
                              "wording", "word", "other_word", "other_law", "again", "provisions", "id", "expired",
                              "reason", "kinds", "kind", "title", "description", "weight", "text",
                              "usage", "formats", "before", "after", "version", "shown", "option", "value", "dir", "file", "include", "target", "root",
                              "chain", "path",
                              "command", "name", "suggestion", "date", "law_name", "field", "since", "names", "bearer",
                              "words", "verb", "rest", "action", "lang", "law_names", "topics", "ends", "ways", "until", "other", "ages",
                              "other_ages", "label", "labels", "paths", "next", "condition", "markers"})
            m[s] = {std::string("x")};
        m["child"].push_back(std::string("yes"));
        m["child"].push_back(std::string("no"));
        // What a duty is, in finding.gap.reciprocity (gaps.cpp, duty_kind).
        for (const char* kind : {"cooperate", "coordinate", "share", "confidential", "notify"}) m["kind"].push_back(kind);
        // Phrases worded first: an age range, a clash, a divergence's ladder.
        m["ages"] = {std::string("12, 15"), phrase("ages", {{"span", "range"}, {"from", std::int64_t{12}}, {"to", std::int64_t{16}}})};
        m["what"] = {phrase("finding.conflict.sole_powers", {{"actor", "kommune"}, {"other_actor", "foreldre"}, {"topic", "x"}})};
        m["ladder"] = {std::vector<Phrase>{{"finding.divergence.step", {{"sector", "helse"}, {"threshold", "fra 16 år"}, {"provision", "pbrl § 4-3"}}},
                                           {"finding.divergence.step", {{"sector", "familie"}, {"threshold", "fylt 15 år"}, {"provision", "bl § 32"}}}}};
        // The whole-system analyses: a sector's missing groups, the table of the child's names.
        m["missing"] = {std::vector<Phrase>{{"finding.gap.coverage_group", {{"topics", "x"}, {"left_out", "no"}, {"reason", ""}}},
                                            {"finding.gap.coverage_group", {{"topics", "y"}, {"left_out", "yes"}, {"reason", "z"}}}}};
        m["missing"].push_back(std::int64_t{3});  // the count of lovsjekk coverage (coverage.total)
        m["table"] = {std::vector<Phrase>{{"finding.grey_zone.names_row", {{"word", "eleven"}, {"law", "opplova"},
                                                                           {"other_word", "pasienten"}, {"other_law", "pbrl"},
                                                                           {"n", std::int64_t{2}}}}}};
        return m;
    }();
    return s;
}

}  // namespace

TEST_CASE("the bundled catalogues load, and every key is in every language") {
    std::map<std::string, std::set<std::string>> keys;
    for (const std::string& lang : text::catalogue_languages()) {
        CAPTURE(lang);
        std::vector<std::string> errors;
        const Catalogue c = Catalogue::load(text::bundled_messages_dir(), lang, errors);
        std::string all;
        for (const auto& e : errors) all += e + "\n";
        CHECK_MESSAGE(errors.empty(), all);
        const auto k = c.keys();
        keys[lang] = std::set<std::string>(k.begin(), k.end());
        CHECK(!keys[lang].empty());
    }
    for (const std::string& lang : text::catalogue_languages()) {
        for (const std::string& other : text::catalogue_languages()) {
            for (const std::string& key : keys[lang]) {
                CAPTURE(key);
                CHECK_MESSAGE(keys[other].contains(key), "'" << key << "' is in " << lang << " but not in " << other);
            }
        }
    }
}

TEST_CASE("every bundled key formats with sample arguments, in every branch of its selects") {
    for (const std::string& lang : text::catalogue_languages()) {
        std::vector<std::string> errors;
        const Catalogue c = Catalogue::load(text::bundled_messages_dir(), lang, errors);
        REQUIRE(errors.empty());
        for (const std::string& key : c.keys()) {
            CAPTURE(lang);
            CAPTURE(key);
            const auto names = c.argument_names(key);
            MessageArgs base;
            for (const std::string& name : names) {
                auto it = samples().find(name);
                // An argument the code never passes is a typo in the catalogue.
                REQUIRE_MESSAGE(it != samples().end(), "unknown argument '" << name << "'");
                base.emplace_back(Key::intern(name), it->second.front());
            }
            std::string text;
            CHECK_NOTHROW(text = c.format(key, base));
            // Summary frames are never empty; an act.<topic> may be (no phrase of its own).
            if (key.rfind("summary.", 0) == 0 || key.rfind("topic.", 0) == 0 || key.rfind("actor.", 0) == 0)
                CHECK(!text.empty());
            CHECK(text.find('{') == std::string::npos);
            for (std::size_t i = 0; i < base.size(); ++i) {
                for (const auto& value : samples().at(std::string(base[i].first.view()))) {
                    MessageArgs args = base;
                    args[i].second = value;
                    CHECK_NOTHROW(c.format(key, args));
                }
            }
        }
    }
}
