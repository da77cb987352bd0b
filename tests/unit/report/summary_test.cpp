// Summaries built from small rule files: which norms are chosen for an age,
// a service or one child; sentences that say the same thing merged with all
// their provisions; the law's own word for the child; Norwegian collation;
// and the three output formats.
#include "cli/pipeline.hpp"
#include "report/summary.hpp"
#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <fstream>
#include <sstream>

using namespace lovsjekk;

namespace {

namespace fs = std::filesystem;

/// Rules for the tests: health (the patient), school (the pupil), a duty
/// with a long list of counterparts, a law not yet in force, the age of
/// majority, and four topics of their own whose headings are not in the
/// catalogue.
constexpr const char* rules = R"regel(sektor test "Test"
lov pbrl "pasient- og brukerrettighetsloven" LOV-1999-07-02-63 gjelder fra 2001-01-01
lov opplova "opplæringslova" LOV-2023-06-09-30 gjelder fra 2024-08-01
lov vgml "vergemålsloven" LOV-2010-03-26-9 gjelder fra 2013-07-01
lov bl2025 "barnelova (2025)" LOV-2025-06-20-40 gjelder når Kongen bestemmer

tema zebra "zebra" gruppe medvirkning
tema æble "æble" gruppe medvirkning
tema ørret "ørret <b>&amp;</b>" gruppe medvirkning
tema ål "ål" gruppe medvirkning

regel høres {
  kilde    pbrl § 4-4 femte ledd
  tema     bli-hørt
  barnet   har rett til å bli hørt
  alder    fylt 7 år, og yngre når barnet er i stand til å danne seg egne synspunkter
  vekt     stor vekt fra 12 år
}
regel samtykke-16 {
  kilde    pbrl § 4-3 første ledd bokstav b
  tema     samtykke.helsehjelp
  barnet   har rett til å samtykke til helsehjelp
  alder    over 16 år
}
regel samarbeid-1 {
  kilde    opplova § 24-1 første ledd
  tema     samarbeid
  skole    skal samarbeide med andre tenesteytarar
  overfor  barnevern, nav, helse-kommune, ppt, familievern
  vilkår   skjønn "dersom samarbeid er nødvendig"
}
regel samarbeid-3 {
  kilde    opplova § 24-1 tredje ledd
  tema     samarbeid
  skole    skal samarbeide med andre tenesteytarar på systemnivå
  overfor  barnevern, nav, helse-kommune, ppt
}
regel meldeplikt {
  kilde    opplova § 24-3 første ledd
  tema     opplysningsplikt.barnevern
  skole    skal melde frå til barnevernstenesta
  overfor  barnevern
  alder    under 18 år
}
regel myndig {
  kilde    vgml § 2 tredje ledd
  tema     myndighet
  barnet   bestemmer alene over egne rettslige handlinger og midler
  alder    fylt 18 år
}
regel ventende {
  kilde    bl2025 § 6-6
  tema     bli-hørt
  barnet   har rett til å bli hørt i alt
  alder    uansett
}
regel z {
  kilde    pbrl § 1-1
  tema     zebra
  barnet   har rett til z
}
regel æ {
  kilde    pbrl § 1-2
  tema     æble
  barnet   har rett til æ
}
regel ø {
  kilde    pbrl § 1-3
  tema     ørret
  barnet   har rett til ø
}
regel å {
  kilde    pbrl § 1-4
  tema     ål
  barnet   har rett til å
}
)regel";

struct Fixture {
    fs::path dir;
    cli::PipelineResult result;

    Fixture() {
        dir = fs::temp_directory_path() / "lovsjekk-summary-test";
        fs::create_directories(dir);
        std::ofstream(dir / "test.regel", std::ios::binary) << rules;
        cli::PipelineOptions options;
        options.paths = {dir / "test.regel"};
        options.no_corpus = true;
        options.when.at = *Date::parse("2026-11-22");
        result = cli::run_pipeline(options);
    }
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    report::Summary summary(const std::string& lang, report::SummaryQuery query) const {
        std::vector<std::string> errors;
        const text::Catalogue messages = text::Catalogue::load(text::bundled_messages_dir(), lang, errors);
        REQUIRE(errors.empty());
        if (query.when.at == Date()) query.when.at = *Date::parse("2026-11-22");
        return report::build_summary(result.model, query, messages);
    }
};

report::SummaryQuery age(int n) {
    report::SummaryQuery q;
    q.age = n;
    return q;
}

std::vector<std::string> texts(const report::Summary& s) {
    std::vector<std::string> out;
    for (const auto& section : s.sections)
        for (const auto& sentence : section.sentences) out.push_back(sentence.text);
    return out;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

std::string all_of(const std::vector<std::string>& texts) {
    std::string s;
    for (const auto& t : texts) s += t + "\n";
    return s;
}

}  // namespace

TEST_CASE("the rules parse") {
    const Fixture f;
    REQUIRE(!f.result.unusable);
    CHECK(f.result.model.find_norm("test/høres"));
}

TEST_CASE("a child of 12: the thresholds she has reached, the norms without an age, not the law not yet in force") {
    const Fixture f;
    const auto s = f.summary("nb", age(12));
    const auto t = texts(s);
    CAPTURE(all_of(t));
    CHECK(s.title == "Barn på 12 år");
    CHECK(has(t, "Fra 7 år, eller tidligere når pasienten er moden nok, har pasienten rett til å bli hørt "
                 "(pbrl § 4-4 femte ledd)."));
    CHECK(has(t, "Fra 12 år skal pasientens mening ha stor vekt (pbrl § 4-4 femte ledd)."));
    // Without a plain-language sentence, the rule's own statement (here in nynorsk, as the rule has it).
    CHECK(has(t, "Når eleven er under 18 år, skal skolen melde frå til barnevernstenesta (opplova § 24-3 første ledd)."));
    // Duties to cooperate belong to the service's own summary.
    for (const auto& text : t) CHECK(text.find("samarbeide med") == std::string::npos);
    for (const auto& text : t) {
        CHECK(text.find("samtykke til eller nekte helsehjelp") == std::string::npos);  // from 16
        CHECK(text.find("bl2025") == std::string::npos);                               // not in force
    }
}

TEST_CASE("every sentence ends with its provision and names its rules") {
    const Fixture f;
    for (const char* lang : {"nb", "nn", "en"}) {
        for (int a : {0, 12, 19}) {
            const auto s = f.summary(lang, age(a));
            for (const auto& section : s.sections) {
                CHECK(!section.title.empty());
                for (const auto& sentence : section.sentences) {
                    CAPTURE(sentence.text);
                    CHECK(!sentence.provision.empty());
                    CHECK(!sentence.rules.empty());
                    const std::string tail = " (" + sentence.provision + ").";
                    CHECK(sentence.text.size() > tail.size());
                    CHECK(sentence.text.compare(sentence.text.size() - tail.size(), tail.size(), tail) == 0);
                }
            }
        }
    }
}

TEST_CASE("norms that say the same are one sentence with all their provisions, the ledds cited once") {
    const Fixture f;
    report::SummaryQuery q;
    q.service = "skole";
    const auto s = f.summary("nb", q);
    const auto t = texts(s);
    CAPTURE(all_of(t));
    // samarbeid-3 names four counterparts without conditions, samarbeid-1
    // the same four (with a condition) and familievernet: each of the four
    // is one unconditional sentence citing both ledds, familievernet keeps
    // the condition, quoted under its sentence.
    CHECK(has(t, "Dere skal samarbeide med Nav (opplova § 24-1 første og tredje ledd)."));
    bool condition_under_familievern = false;
    bool condition_under_nav = false;
    for (const auto& section : s.sections)
        for (const auto& sentence : section.sentences) {
            if (sentence.text.find("familievernet") != std::string::npos)
                condition_under_familievern = !sentence.details.empty();
            if (sentence.text.find("med Nav") != std::string::npos) condition_under_nav = !sentence.details.empty();
        }
    CHECK(condition_under_familievern);
    CHECK(!condition_under_nav);
}

TEST_CASE("after the age of majority the child is 'den unge'; the law's own word wins") {
    const Fixture f;
    const auto t = texts(f.summary("nb", age(19)));
    CAPTURE(all_of(t));
    CHECK(has(t, "Fra 18 år bestemmer den unge alene over egne rettslige handlinger og midler (vgml § 2 tredje ledd)."));
    CHECK(has(t, "Over 16 år har pasienten rett til å samtykke til helsehjelp (pbrl § 4-3 første ledd bokstav b)."));
    CHECK(f.summary("nb", age(19)).title == "Ung person på 19 år");
}

TEST_CASE("headings and sentences are sorted with the language's collation: æ, ø, å after z in Norwegian") {
    const Fixture f;
    auto titles = [&](const char* lang) {
        std::vector<std::string> out;
        for (const auto& section : f.summary(lang, age(12)).sections)
            if (section.topic == "zebra" || section.topic == "æble" || section.topic == "ørret" || section.topic == "ål")
                out.push_back(section.topic);
        return out;
    };
    CHECK(titles("nb") == std::vector<std::string>{"zebra", "æble", "ørret", "ål"});
    CHECK(titles("nn") == std::vector<std::string>{"zebra", "æble", "ørret", "ål"});
    // English treats æ as "ae", å as an accented a and ø as an accented o.
    CHECK(titles("en") == std::vector<std::string>{"æble", "ål", "ørret", "zebra"});
}

TEST_CASE("a topic the catalogue has no words for is named, with a note, never silently") {
    const Fixture f;
    const auto s = f.summary("nb", age(12));
    bool noted = false;
    for (const auto& n : s.notes) noted = noted || n.find("'ørret'") != std::string::npos;
    CHECK(noted);
    // The sentence is the rule's own statement, never "har rettigheter som gjelder …".
    CHECK(has(texts(s), "Pasienten har rett til ø (pbrl § 1-3)."));
}

TEST_CASE("a service's own summary speaks to it and names each counterpart in a sentence of its own") {
    const Fixture f;
    report::SummaryQuery q;
    q.service = "skole";
    const auto s = f.summary("nb", q);
    const auto t = texts(s);
    CAPTURE(all_of(t));
    CHECK(s.title == "Hva skolen skal gjøre");
    CHECK(has(t, "Dere skal samarbeide med Nav (opplova § 24-1 første og tredje ledd)."));
    CHECK(has(t, "Dere skal samarbeide med familievernet (opplova § 24-1 første ledd)."));
    CHECK(has(t, "Når eleven er under 18 år, skal dere melde frå til barnevernstenesta (opplova § 24-3 første ledd)."));
    CHECK(!has(t, "Fra 16 år har pasienten rett til å samtykke til eller nekte helsehjelp "
                  "(pbrl § 4-3 første ledd bokstav b)."));
    const auto nn = texts(f.summary("nn", q));
    CHECK(has(nn, "De skal samarbeide med Nav (opplova § 24-1 første og tredje ledd)."));
    const auto en = texts(f.summary("en", q));
    CHECK(has(en, "You must cooperate with Nav (opplova § 24-1 first and third paragraphs)."));
}

TEST_CASE("one child: the days she reaches each threshold, and what comes later") {
    const Fixture f;
    report::SummaryQuery q;
    q.born = *Date::parse("2014-03-01");
    const auto t = texts(f.summary("nb", q));
    CAPTURE(all_of(t));
    CHECK(has(t, "Fra 1. mars 2021, eller tidligere når pasienten er moden nok, har pasienten rett til å bli hørt "
                 "(pbrl § 4-4 femte ledd)."));
    CHECK(has(t, "Fra 1. mars 2030 har pasienten rett til å samtykke til helsehjelp (pbrl § 4-3 første ledd bokstav b)."));
    CHECK(has(t, "Til og med 29. februar 2032 skal skolen melde frå til barnevernstenesta (opplova § 24-3 første ledd)."));
    const auto en = texts(f.summary("en", q));
    CHECK(has(en, "From March 1, 2030, the patient has the right to consent to or refuse health care "
                  "(pbrl § 4-3 first paragraph letter b)."));
}

TEST_CASE("nynorsk and English say the same") {
    const Fixture f;
    const auto nn = texts(f.summary("nn", age(12)));
    CAPTURE(all_of(nn));
    CHECK(has(nn, "Frå 12 år skal meininga til pasienten ha stor vekt (pbrl § 4-4 femte ledd)."));
    const auto en = texts(f.summary("en", age(12)));
    CAPTURE(all_of(en));
    CHECK(has(en, "From age 12, the patient’s view must be given great weight (pbrl § 4-4 fifth paragraph)."));
}

TEST_CASE("LIX is measured over the intro and the sentences, not the headings") {
    const Fixture f;
    const auto s = f.summary("nb", age(12));
    std::string prose = s.intro + "\n";
    for (const auto& t : texts(s)) prose += t + "\n";
    const auto counts = text::count_lix(prose, "nb");
    // The closing reminder adds two short sentences.
    CHECK(s.lix.sentences == counts.sentences + 2);
    CHECK(s.lix.lix() > 0);
}

TEST_CASE("JSON: the lovsjekk.summary/1 contract") {
    const Fixture f;
    report::SummaryQuery q = age(12);
    q.when.at = *Date::parse("2026-11-22");
    const auto s = f.summary("nn", q);
    std::ostringstream out;
    report::write_summary_json(out, s, q);
    const auto doc = boost::json::parse(out.str()).as_object();
    CHECK(doc.at("schema").as_string() == "lovsjekk.summary/1");
    CHECK(doc.at("lang").as_string() == "nn");
    CHECK(doc.at("at").as_string() == "2026-11-22");
    CHECK(doc.at("query").as_object().at("age").as_int64() == 12);
    CHECK(doc.at("lix").is_double());
    std::vector<std::string> keys;
    for (const auto& [k, v] : doc) keys.emplace_back(k);
    CHECK(keys == std::vector<std::string>{"schema", "lang", "at", "query", "lix", "sections"});
    for (const auto& section : doc.at("sections").as_array()) {
        const auto& o = section.as_object();
        CHECK(o.at("topic").is_string());
        CHECK(o.at("title").is_string());
        for (const auto& sentence : o.at("sentences").as_array()) {
            CHECK(sentence.as_object().at("text").is_string());
            CHECK(sentence.as_object().at("provision").is_string());
            CHECK(!sentence.as_object().at("rules").as_array().empty());
        }
    }
}

TEST_CASE("HTML: one page, every text escaped, no script") {
    const Fixture f;
    const auto s = f.summary("nb", age(12));
    std::vector<std::string> errors;
    const auto messages = text::Catalogue::load(text::bundled_messages_dir(), "nb", errors);
    std::ostringstream out;
    report::write_summary_html(out, s, age(12), messages);
    const std::string page = out.str();
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("&lt;b&gt;&amp;amp;&lt;/b&gt;") != std::string::npos);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(page.c_str() + std::string("<!DOCTYPE html>\n").size()));
    CHECK(std::string(doc.child("html").attribute("lang").value()) == "nb");
    CHECK(doc.select_nodes("//li").size() == texts(s).size());
}
