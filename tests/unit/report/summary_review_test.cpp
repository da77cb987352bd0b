// The independent review set (tests/summary-review/review.txt): summary
// sentences across ages and services, in bokmål and nynorsk, each with the
// statute's words it must keep, or the note that it must not appear. A
// wording change that weakens a rule, or a rule shown past its age, fails here.
#include "cli/pipeline.hpp"
#include "bundled.hpp"
#include "report/summary.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace lovsjekk;

namespace {

const cli::PipelineResult& bundled() { return test::bundled_rules(); }

const report::Summary& summary(const std::string& kind, const std::string& what, const std::string& lang) {
    static std::map<std::string, report::Summary> made;
    const std::string key = kind + " " + what + " " + lang;
    if (auto it = made.find(key); it != made.end()) return it->second;
    report::SummaryQuery q;
    q.when.at = Date::today();
    if (kind == "alder") q.age = std::stoi(what);
    else q.service = what;
    return made.emplace(key, report::build_summary(bundled().model, q, test::bundled_catalogue(lang))).first->second;
}

/// The sentences (exceptions included) that a rule's norm gave; the weight
/// of her view (a norm's `vekt`) is a sentence of its own and not reviewed here.
std::vector<std::string> sentences_of(const report::Summary& s, const std::string& rule) {
    std::vector<std::string> out;
    auto visit = [&](const report::SummarySentence& sentence) {
        if (sentence.weight) return;
        if (std::find(sentence.rules.begin(), sentence.rules.end(), rule) != sentence.rules.end())
            out.push_back(sentence.text);
    };
    for (const auto& section : s.sections)
        for (const auto& sentence : section.sentences) {
            visit(sentence);
            for (const auto& e : sentence.exceptions) visit(e);
        }
    return out;
}

struct Entry {
    int line = 0;
    std::string kind, what, lang, rule;
    std::vector<std::string> words;  ///< quoted statute words the sentence must hold
    bool absent = false;             ///< "mangler": the rule must give no sentence here
};

std::vector<Entry> read_review(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::vector<Entry> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        Entry e;
        e.line = number;
        const auto colon = line.find(": ");
        REQUIRE_MESSAGE(colon != std::string::npos, path << ":" << number << ": no «: »");
        std::istringstream head(line.substr(0, colon));
        head >> e.kind >> e.what >> e.lang >> e.rule;
        const bool well_formed = (e.kind == "alder" || e.kind == "tjeneste") && !e.rule.empty();
        REQUIRE_MESSAGE(well_formed, path << ":" << number);
        const std::string rest = line.substr(colon + 2);
        if (rest == "mangler") {
            e.absent = true;
        } else {
            for (std::size_t at = rest.find('"'); at != std::string::npos;) {
                const auto end = rest.find('"', at + 1);
                REQUIRE_MESSAGE(end != std::string::npos, path << ":" << number << ": unclosed quote");
                e.words.push_back(rest.substr(at + 1, end - at - 1));
                at = rest.find('"', end + 1);
            }
            REQUIRE_MESSAGE(!e.words.empty(), path << ":" << number << ": no words to keep");
        }
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

TEST_CASE("the review set: each sentence keeps the statute words a jurist marked, or is absent where marked") {
    REQUIRE(!bundled().unusable);
    const std::vector<Entry> entries = read_review("tests/summary-review/review.txt");
    CHECK(entries.size() >= 60);
    std::map<std::string, int> by_lang;
    for (const Entry& e : entries) {
        CAPTURE(e.line);
        CAPTURE(e.rule);
        REQUIRE_MESSAGE(bundled().model.find_norm(e.rule), "no rule " << e.rule);
        ++by_lang[e.lang];
        const std::vector<std::string> found = sentences_of(summary(e.kind, e.what, e.lang), e.rule);
        if (e.absent) {
            CHECK_MESSAGE(found.empty(), e.kind << " " << e.what << " " << e.lang << ": " << (found.empty() ? std::string() : found.front()));
            continue;
        }
        REQUIRE_MESSAGE(found.size() == 1, e.kind << " " << e.what << " " << e.lang << ": " << found.size()
                                                  << " sentences");
        for (const std::string& w : e.words) CHECK_MESSAGE(found.front().find(w) != std::string::npos,
                                                           "«" << w << "» missing from: " << found.front());
    }
    CHECK(by_lang["nb"] >= 30);
    CHECK(by_lang["nn"] >= 15);
}
