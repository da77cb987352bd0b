// The corpus index files: round trip, determinism, bad JSON, and the bundled
// corpus/ folder.
#include "corpus/index_io.hpp"
#include "corpus/lovdata_import.hpp"

#include "support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace lovsjekk;
using namespace lovsjekk::corpus;

namespace {

Law sample() {
    Law law;
    law.id = "LOV-2000-01-01-1";
    law.refid = "lov/2000-01-01-1";
    law.source = "hand-written";
    law.title = "Lov om prøver «med» \"sitat\"";
    law.short_title = "Prøveloven";
    law.abbreviation = "pl";
    law.in_force_text = "2001-01-01, Kongen bestemmer";
    law.in_force = {*Date::parse("2001-01-01")};
    law.repealed = Date::parse("2023-01-01");
    law.note = "checked against nothing";
    law.sections_complete = false;
    law.divisions.push_back({Division::Kind::part, "del1", "1", "Første del", -1});
    law.divisions.push_back({Division::Kind::chapter, "kap1", "1", "Kapittel 1", 0});
    Section s;
    s.number = "1-1 a";
    s.url_name = "§1-1a";
    s.heading = "Formål";
    s.chapter = "1";
    s.division = 1;
    s.in_force_from = Date::parse("2022-08-01");
    s.pending_change = true;
    s.hash = "0123456789abcdef";
    Ledd l;
    l.number = 1;
    l.sentences = 2;
    l.hash = "fedcba9876543210";
    l.age_mentions.push_back({16, 18, AgeWording::mellom, false, "mellom 16 og 18 år", std::nullopt});
    Point p;
    p.label = "a";
    p.sentences = 1;
    p.age_mentions.push_back({29, std::nullopt, AgeWording::fylt, true, "ikke har fylt 29 år", std::nullopt});
    Point sub;
    sub.label = "1";
    p.points.push_back(sub);
    l.points.push_back(p);
    s.ledd.push_back(l);
    Section unknown;
    unknown.number = "3";
    unknown.ledd_complete = false;
    law.sections.push_back(s);
    law.sections.push_back(unknown);
    return law;
}

std::optional<Law> parse(const std::string& json, Diagnostics& diags, text::SourceManager& sources) {
    const auto id = sources.add("index.json", json, diags);
    REQUIRE(id);
    return parse_law(*id, sources, diags);
}

std::filesystem::path temp_dir(const char* name) {
    auto dir = std::filesystem::temp_directory_path() / ("lovsjekk-corpus-test-" + std::string(name));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("corpus: an index round-trips and prints deterministically") {
    const Law law = sample();
    const std::string json = serialise_law(law);
    CHECK(json.back() == '\n');
    CHECK(json.rfind("{\n  \"schema\": \"lovsjekk.corpus/1\",\n  \"id\": \"LOV-2000-01-01-1\",", 0) == 0);
    CHECK(json.find("\"title\": \"Lov om prøver «med» \\\"sitat\\\"\"") != std::string::npos);  // UTF-8 kept
    // Flat objects (an age phrase) sit on one line.
    CHECK(json.find("{\"age\": 16, \"age2\": 18, \"wording\": \"mellom\", \"negated\": false, "
                    "\"phrase\": \"mellom 16 og 18 år\"}") != std::string::npos);
    text::SourceManager sources;
    Diagnostics diags;
    auto back = parse(json, diags, sources);
    REQUIRE(back);
    CHECK_FALSE(diags.has_errors());
    CHECK(*back == law);
    CHECK(serialise_law(*back) == json);
}

TEST_CASE("corpus: the index writer lays a law out as the JSON tree printer does") {
    // serialise_law writes without a json::value tree; pretty_index_json is
    // the tree printer every other index file uses. Reading the text back as
    // a tree and printing it must give the same bytes, for every shape of
    // container: flat and not, empty, nested points, optional keys.
    auto same_as_tree = [](const Law& law) {
        const std::string text = serialise_law(law);
        CHECK(pretty_index_json(boost::json::parse(text)) == text);
    };
    Law law = sample();
    same_as_tree(law);

    Law bare;  // no arrays with members: the whole object on one line
    bare.id = "LOV-2000-01-01-2";
    same_as_tree(bare);
    CHECK(serialise_law(bare).find('\n') == serialise_law(bare).size() - 1);

    // Escapes as json::serialize writes them: control characters, quotes,
    // backslashes; UTF-8 and DEL as they are.
    law.note = "tab\there \"q\" back\\slash\nline\r\b\f\x01\x1f\x7f æøå §";
    law.based_on = {"lov/1999-07-02-61/§5-5", ""};
    law.amends = {"lov/2020-05-07-38"};
    Section& s = law.sections.front();
    s.amendments.push_back({Amendment::Kind::added, "LOV-2025-06-20-67", Date::parse("2025-07-01"), false});
    s.amendments.push_back({Amendment::Kind::repealed, "LOV-2026-01-01-1", std::nullopt, true});
    s.ledd.front().age_mentions.front().sentence = 2;
    s.ledd.front().points.front().points.front().age_mentions.push_back(
        {-1, std::nullopt, AgeWording::other, false, "", 1});
    Ledd bare_ledd;  // no ages or points: one line
    bare_ledd.number = 2;
    s.ledd.push_back(bare_ledd);
    law.sections.push_back(Section{});  // every default
    same_as_tree(law);

    // Dates as Date::iso() writes them, also outside the years 1000–9999.
    for (const Date date : {Date::from_ymd(999, 1, 5), Date::from_ymd(2024, 12, 31), Date::from_ymd(10000, 2, 3),
                            Date::from_ymd(-1, 3, 4)}) {
        law.in_force = {date};
        law.sections.front().repealed_on = date;
        const std::string text = serialise_law(law);
        CAPTURE(date.iso());
        CHECK(text.find("\"in_force\": [\"" + date.iso() + "\"]") != std::string::npos);
        CHECK(text.find("\"repealed_on\": \"" + date.iso() + "\"") != std::string::npos);
    }
    CHECK(Date::from_ymd(999, 1, 5).iso() == "0999-01-05");
}

TEST_CASE("corpus: invalid index JSON gives line and column") {
    text::SourceManager sources;
    Diagnostics diags;
    auto law = parse("{\n  \"schema\": \"lovsjekk.corpus/1\",\n  \"id\": \"x\"\n  \"sections\": []\n}\n", diags, sources);
    CHECK_FALSE(law);
    REQUIRE(diags.has_errors());
    const Diagnostic& d = diags.all().front();
    CHECK(d.kind == "corpus");
    REQUIRE(d.span.valid);
    const auto pos = sources.file(d.span.file).position(d.span.begin);
    CHECK(pos.line == 4);
    CHECK(pos.column == 3);
}

TEST_CASE("corpus: schema errors name the JSON path") {
    SUBCASE("wrong schema") {
        text::SourceManager sources;
        Diagnostics diags;
        CHECK_FALSE(parse("{\"schema\": \"other/1\", \"id\": \"x\"}", diags, sources));
        CHECK(diags.has_errors());
    }
    SUBCASE("wrong type deep inside") {
        text::SourceManager sources;
        Diagnostics diags;
        CHECK_FALSE(parse("{\"schema\": \"lovsjekk.corpus/1\", \"id\": \"x\", \"sections\": "
                          "[{\"number\": \"1\", \"ledd\": [{\"number\": \"one\"}]}]}",
                          diags, sources));
        REQUIRE(diags.has_errors());
        CHECK(diags.all().front().message.rfind("sections[0].ledd[0].number", 0) == 0);
    }
    SUBCASE("bad date and unknown wording") {
        text::SourceManager sources;
        Diagnostics diags;
        CHECK_FALSE(parse("{\"schema\": \"lovsjekk.corpus/1\", \"id\": \"x\", \"repealed\": \"2023-02-30\", "
                          "\"sections\": [{\"number\": \"1\", \"ledd\": [{\"number\": 1, \"ages\": "
                          "[{\"age\": 1, \"wording\": \"sometimes\"}]}]}]}",
                          diags, sources));
        CHECK(diags.size() >= 2);
    }
    SUBCASE("not an object, nesting too deep, empty") {
        for (std::string bad : {std::string("[]"), std::string(200, '['), std::string(""), std::string("nul")}) {
            text::SourceManager sources;
            Diagnostics diags;
            CHECK_FALSE(parse(bad, diags, sources));
            CHECK(diags.has_errors());
        }
    }
    SUBCASE("an unknown key is a warning") {
        text::SourceManager sources;
        Diagnostics diags;
        auto law = parse("{\"schema\": \"lovsjekk.corpus/1\", \"id\": \"x\", \"sektions\": []}", diags, sources);
        CHECK(law);
        CHECK_FALSE(diags.has_errors());
        CHECK(diags.size() == 1);
    }
}

TEST_CASE("corpus: every schema error of an index file names its path, in reading order") {
    auto messages = [](const std::string& json) {
        text::SourceManager sources;
        Diagnostics diags;
        const auto id = sources.add("index.json", json, diags);
        REQUIRE(id);
        CHECK_FALSE(parse_law(*id, sources, diags));
        std::vector<std::string> out;
        for (const Diagnostic& d : diags.all())
            out.push_back((d.severity == Severity::warning ? "warning: " : "") + d.message);
        return out;
    };
    CHECK(messages("[]") == std::vector<std::string>{"(top level): expected an object"});
    CHECK(messages("{\"id\": \"x\"}") == std::vector<std::string>{"schema: missing (a string is required)"});
    CHECK(messages("{\"schema\": \"lovsjekk.corpus/2\"}") ==
          std::vector<std::string>{"schema: 'lovsjekk.corpus/2' is not lovsjekk.corpus/1"});
    const std::vector<std::string> expected = {
        "warning: (top level): unknown key 'extra' ignored",
        "id: expected a string",
        "in_force[1]: expected a string",
        "in_force: 'soon' is not a date (YYYY-MM-DD)",
        "repealed: expected a string or null",
        "based_on: expected an array",
        "sections_complete: expected true or false",
        "divisions[0]: expected an object",
        "divisions[1].parent: must refer to an earlier division",
        "warning: sections[0]: unknown key 'numbr' ignored",
        "sections[0].number: missing (a string is required)",
        "sections[0].division: no such division",
        "sections[0].in_force_from: '2020-02-30' is not a date (YYYY-MM-DD)",
        "sections[0].future: expected true or false",
        "sections[0].hash: expected a string or null",
        "sections[0].amendments[0].kind: unknown kind 'moved' (added, changed, repealed)",
        "sections[0].amendments[0].act: missing (a string is required)",
        "sections[0].ledd[0].number: missing (an integer is required)",
        "sections[0].ledd[0].sentences: expected an integer or null",
        "sections[0].ledd[0].ages[0].age: expected an integer or null",
        "sections[0].ledd[0].ages[0].phrase: expected a string",
        "sections[0].ledd[0].points[0].points[0]: expected an object",
        "sections[0].ledd[0].points[1].ages: expected an array",
    };
    CHECK(messages(R"({"schema": "lovsjekk.corpus/1", "id": 3, "refid": null, "in_force": ["2001-01-01", 5, "soon"],
        "repealed": 7, "based_on": {}, "sections_complete": "yes",
        "divisions": [1, {"kind": "chapter", "parent": 0}],
        "sections": [{"numbr": "1", "division": 9, "in_force_from": "2020-02-30", "future": 1, "hash": 5,
                      "amendments": [{"kind": "moved"}],
                      "ledd": [{"sentences": "2", "ages": [{"age": 1.5, "wording": "fylt", "phrase": 3}],
                                "points": [{"label": "a", "points": [[]]}, {"label": "b", "ages": {}}]}]}],
        "extra": true})") == expected);
}

TEST_CASE("corpus: an index file with invalid UTF-8 is an encoding error before any JSON is parsed") {
    // The JSON parser does not check UTF-8 again (parse_json): this is the check it relies on.
    const auto dir = temp_dir("utf8");
    std::ofstream(dir / "bad.json", std::ios::binary) << "{\"schema\": \"lovsjekk.corpus/1\", \"id\": \"LOV-1\xff\"}";
    text::SourceManager sources;
    Diagnostics diags;
    const Corpus c = load_corpus(dir, sources, diags);
    CHECK(c.size() == 0);
    REQUIRE(diags.size() == 1);
    CHECK(diags.all().front().kind == "encoding");
    CHECK(diags.all().front().message.find("0xFF") != std::string::npos);
}

TEST_CASE("corpus: load_corpus reads a folder and reports bad files") {
    const auto dir = temp_dir("load");
    Diagnostics diags;
    REQUIRE(write_law_index(sample(), dir, diags));
    std::ofstream(dir / "broken.json") << "{\"schema\": \"lovsjekk.corpus/1\",\n \"id\": }";
    std::ofstream(dir / replacements_file)
        << serialise_replacements({{"LOV-2000-01-01-1", "3", "LOV-2000-01-01-1", "1-1 a", "renumbered"}});
    std::ofstream(dir / "README.md") << "not json";

    text::SourceManager sources;
    Diagnostics load_diags;
    const Corpus c = load_corpus(dir, sources, load_diags);
    CHECK(c.size() == 1);
    CHECK(c.find("LOV-2000-01-01-1"));
    CHECK(c.replacements_for("LOV-2000-01-01-1", "3").size() == 1);
    REQUIRE(load_diags.has_errors());
    CHECK(sources.file(load_diags.all().front().span.file).path().find("broken.json") != std::string::npos);

    Diagnostics plain;
    load_corpus(dir, plain);
    REQUIRE(plain.has_errors());
    CHECK(plain.all().front().message.find("broken.json, line 2, column") != std::string::npos);

    Diagnostics missing;
    CHECK(load_corpus(dir / "nope", missing).size() == 0);
    CHECK(missing.has_errors());
    std::filesystem::remove_all(dir);
}

TEST_CASE("corpus: writing leaves no temporary files behind") {
    const auto dir = temp_dir("atomic");
    Diagnostics diags;
    auto path = write_law_index(sample(), dir, diags);
    REQUIRE(path);
    CHECK(path->filename() == "LOV-2000-01-01-1.json");
    REQUIRE(write_law_index(sample(), dir, diags));  // overwrite
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    CHECK(files == 1);
    CHECK(read_file(*path) == serialise_law(sample()));
    std::filesystem::remove_all(dir);
}

TEST_CASE("corpus: import, write, load gives the same law; re-import gives the same bytes" * LOVSJEKK_NEEDS_SHARED) {
    const auto dir = temp_dir("reimport");
    for (const auto& entry : std::filesystem::directory_iterator(*testing::shared_dir() / "lovdata")) {
        if (entry.path().extension() != ".xml") continue;
        CAPTURE(entry.path().filename().string());
        text::SourceManager sources;
        Diagnostics diags;
        auto law = import_lovdata(entry.path(), sources, diags);
        REQUIRE(law);
        auto path = write_law_index(*law, dir, diags);
        REQUIRE(path);
        const std::string first = read_file(*path);
        auto again = import_lovdata(entry.path(), sources, diags);
        REQUIRE(again);
        REQUIRE(write_law_index(*again, dir, diags));
        CHECK(read_file(*path) == first);
        const auto id = sources.load(*path, diags);
        REQUIRE(id);
        auto loaded = parse_law(*id, sources, diags);
        REQUIRE(loaded);
        CHECK(*loaded == *law);
        CHECK_FALSE(diags.has_errors());
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("corpus: the bundled corpus holds every law the rules and fact sheets cite") {
    const auto dir = testing::source_dir() / "corpus";
    text::SourceManager sources;
    Diagnostics diags;
    const Corpus c = load_corpus(dir, sources, diags);
    for (const auto& d : diags.all()) CAPTURE(d.message);
    CHECK_FALSE(diags.has_errors());
    CHECK(diags.size() == 0);

    // From the Lovdata files in ../shared/lovdata.
    for (const char* id :
         {"LOV-1814-05-17", "LOV-1967-02-10", "LOV-1977-03-25-22", "LOV-1981-04-08-7", "LOV-1983-06-03-54",
          "LOV-1997-06-19-62", "LOV-1999-07-02-61", "LOV-1999-07-02-62", "LOV-1999-07-02-63", "LOV-1999-07-02-64",
          "LOV-2003-07-04-84", "LOV-2005-05-20-28", "LOV-2005-06-17-64", "LOV-2006-05-19-16", "LOV-2006-06-16-20",
          "LOV-2009-06-19-44", "LOV-2009-12-18-131", "LOV-2010-03-26-9", "LOV-2011-06-24-30", "LOV-2020-04-24-31",
          "LOV-2020-11-06-127", "LOV-2021-06-18-97", "LOV-2023-06-09-30", "LOV-2017-06-16-48",
          "LOV-2002-06-07-19", "LOV-2025-06-20-40", "LOV-2025-06-20-81", "LOV-2025-06-20-39",
          "FOR-2018-10-19-1584", "FOR-2022-06-22-1110", "FOR-2025-06-20-1182"}) {
        CAPTURE(std::string(id));
        const Law* law = c.find(id);
        REQUIRE(law);
        CHECK(law->source == "lovdata");
    }
    // Hand-written: repealed laws and enacted acts missing from Lovdata's current archive.
    const Date today = *Date::parse("2025-11-08");
    const Law* bvl92 = c.find("LOV-1992-07-17-100");
    REQUIRE(bvl92);
    CHECK(bvl92->source == "hand-written");
    CHECK(bvl92->in_force_on(*Date::parse("2022-12-31")));
    CHECK_FALSE(bvl92->in_force_on(*Date::parse("2023-01-01")));
    CHECK(bvl92->find_section("6-3"));
    CHECK(bvl92->find_section("1-3"));
    CHECK(c.find("LOV-1998-07-17-61")->in_force_on(*Date::parse("2024-07-31")));
    CHECK_FALSE(c.find("LOV-1998-07-17-61")->in_force_on(*Date::parse("2024-08-01")));
    CHECK_FALSE(c.find("LOV-2003-07-04-80")->in_force_on(today));
    // Enacted, not in force: Lovdata says "Kongen bestemmer" (bokmål) or
    // "Kongen fastset" (nynorsk, barnelova 2025).
    for (const char* id : {"LOV-2025-06-20-40", "LOV-2025-06-20-81", "LOV-2025-06-20-39"}) {
        CAPTURE(std::string(id));
        const Law* law = c.find(id);
        REQUIRE(law);
        CHECK(law->awaiting_in_force());
        CHECK(law->in_force_text.rfind("Kongen ", 0) == 0);
        CHECK_FALSE(law->in_force_on(today));
    }
    CHECK(c.find("LOV-2025-06-20-40")->find_section("6-8"));
    CHECK(c.find("LOV-2025-06-20-81")->find_section("54"));
    // Hand-written: only the repealed laws Lovdata's current archive lacks.
    for (const char* id : {"LOV-1927-04-22-3", "LOV-1969-06-13-25", "LOV-1992-07-17-100", "LOV-1998-07-17-61",
                           "LOV-2003-07-04-80"}) {
        CAPTURE(std::string(id));
        const Law* law = c.find(id);
        REQUIRE(law);
        CHECK(law->source == "hand-written");
        CHECK_FALSE(law->sections_complete);
    }
    // Every current law, Grunnloven in bokmål and nynorsk apart.
    std::size_t lovdata_laws = 0, hand_written = 0;
    for (const Law* law : c.laws()) {
        if (law->source == "hand-written") ++hand_written;
        else if (law->id.rfind("LOV-", 0) == 0) ++lovdata_laws;
    }
    CHECK(lovdata_laws == 755);
    CHECK(hand_written == 5);
    REQUIRE(c.find("LOV-1814-05-17-NN"));
    CHECK(c.find("LOV-1814-05-17")->variant.empty());
    CHECK(c.find("LOV-1814-05-17-nn")->variant == "nn");
    // Imported from Lovdata's text since the rules cite their sections: the two
    // regulations in ../shared/lovdata, adopsjonsloven and navneloven.
    for (const char* id : {"FOR-2018-10-19-1584", "FOR-2022-06-22-1110", "LOV-2017-06-16-48", "LOV-2002-06-07-19"}) {
        CAPTURE(std::string(id));
        const Law* law = c.find(id);
        REQUIRE(law);
        CHECK(law->source == "lovdata");
        CHECK(law->sections_complete);
    }
    CHECK(c.find("FOR-2018-10-19-1584")->find_section("7"));
    CHECK(c.find("LOV-2017-06-16-48")->find_section("9"));
    CHECK(c.find("LOV-2002-06-07-19")->find_section("12"));
    // The replacement map.
    CHECK_FALSE(c.replacements_for("LOV-1992-07-17-100", "6-3").empty());
    CHECK_FALSE(c.replacements_for("LOV-1998-07-17-61", "3-1").empty());
    CHECK_FALSE(c.replacements_for("LOV-2003-07-04-80", "2").empty());
    for (const Replacement& r : c.replacements()) {
        CAPTURE(r.from_law + " § " + r.from_section + " -> " + r.to_law + " § " + r.to_section);
        CHECK(!r.note.empty());
        const Law* from = c.find(r.from_law);
        const Law* to = c.find(r.to_law);
        REQUIRE(from);
        REQUIRE(to);
        CHECK(from->find_section(r.from_section));
        CHECK(to->find_section(r.to_section));
    }
}

TEST_CASE("corpus: bundled index files are in canonical form") {
    const auto dir = testing::source_dir() / "corpus";
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json" || entry.path().filename() == info_file ||
            entry.path().filename() == "amendments.json")
            continue;
        ++files;
        CAPTURE(entry.path().filename().string());
        text::SourceManager sources;
        Diagnostics diags;
        const auto id = sources.load(entry.path(), diags);
        REQUIRE(id);
        const std::string bytes = read_file(entry.path());
        if (entry.path().filename() == replacements_file) {
            auto reps = parse_replacements(*id, sources, diags);
            REQUIRE(reps);
            CHECK(serialise_replacements(*reps) == bytes);
        } else {
            auto law = parse_law(*id, sources, diags);
            REQUIRE(law);
            CHECK(serialise_law(*law) == bytes);
            // Only the importer may claim Lovdata as the source, with hashes.
            if (law->source == "hand-written")
                for (const Section& s : law->sections) CHECK_FALSE(s.hash);
        }
    }
    CHECK(files > 40);
}

TEST_CASE("corpus: a folder is read lazily by key, and a file named otherwise at once") {
    const auto dir = std::filesystem::temp_directory_path() / "lovsjekk-index-lazy-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Law law = sample();
    Diagnostics written;
    REQUIRE(write_law_index(law, dir, written));
    Law other = sample();
    other.id = "LOV-2000-01-01-2";
    other.refid = "lov/2000-01-01-2";
    std::ofstream(dir / "my-law.json") << serialise_law(other);
    std::ofstream(dir / "LOV-2000-01-01-3.json") << "{ broken";

    text::SourceManager sources;
    Diagnostics diags;
    Corpus c = load_corpus(dir, sources, diags);
    CHECK(c.size() == 3);
    CHECK(c.unread_count() == 2);           // the two named by their key
    REQUIRE(diags.size() == 1);             // my-law.json, read at once: its name is wrong
    CHECK(diags.all()[0].severity == Severity::warning);
    CHECK(c.find("LOV-2000-01-01-2"));
    // A lookup reads a file; a broken one is then absent, its problem dropped.
    CHECK(c.find("lov/2000-01-01-1"));
    CHECK(c.unread_count() == 1);
    CHECK_FALSE(c.find("LOV-2000-01-01-3"));
    CHECK(diags.size() == 1);
    // read_laws reports what it reads, and keeps the text of a file only
    // when a diagnostic points into it: the broken one, not the clean one.
    Corpus again = load_corpus(dir, sources, diags);
    const std::size_t files_before = sources.size();
    read_laws(again, {"LOV-2000-01-01-3", "LOV-2000-01-01-1"}, sources, diags);
    CHECK(diags.has_errors());
    REQUIRE(sources.size() == files_before + 1);
    CHECK(sources.file(files_before).path().ends_with("LOV-2000-01-01-3.json"));
    CHECK(diags.all().back().span.file == files_before);
    CHECK(again.find("LOV-2000-01-01-1"));
    CHECK(again.unread_count() == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("corpus: read_laws also reads the laws that took over a cited law's provisions, and no further") {
    const auto dir = std::filesystem::temp_directory_path() / "lovsjekk-index-successors-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    Diagnostics written;
    for (const char* number : {"1", "2", "3", "4"}) {
        Law law = sample();
        law.id = std::string("LOV-2000-01-01-") + number;
        law.refid = std::string("lov/2000-01-01-") + number;
        REQUIRE(write_law_index(law, dir, written));
    }
    // 1 → 2 (twice, by a refid), 2 → 3: the cited law's successors are read,
    // not theirs; 4 is cited by nothing.
    std::ofstream(dir / "replacements.json") << R"({"schema": "lovsjekk.replacements/1", "replacements": [
        {"from_law": "LOV-2000-01-01-1", "from_section": "1", "to_law": "LOV-2000-01-01-2", "to_section": "1", "note": "n"},
        {"from_law": "lov/2000-01-01-1", "from_section": "2", "to_law": "LOV-2000-01-01-2", "to_section": "2", "note": "n"},
        {"from_law": "LOV-2000-01-01-2", "from_section": "1", "to_law": "LOV-2000-01-01-3", "to_section": "1", "note": "n"}]})";
    text::SourceManager sources;
    Diagnostics diags;
    Corpus c = load_corpus(dir, sources, diags);
    REQUIRE_MESSAGE(diags.all().empty(), (diags.all().empty() ? "" : diags.all().front().message));
    CHECK(c.unread_count() == 4);
    read_laws(c, {"LOV-2000-01-01-1"}, sources, diags);
    CHECK(diags.all().empty());
    CHECK(c.unread_count() == 2);  // 3 and 4 stay unread
    CHECK(c.take_unread("LOV-2000-01-01-3"));
    CHECK(c.take_unread("LOV-2000-01-01-4"));
    std::filesystem::remove_all(dir);
}
