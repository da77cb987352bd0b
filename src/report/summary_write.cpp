// Writing a summary: plain text, one self-contained HTML page built as a
// pugixml DOM (so every text from the rules and the catalogue is escaped by
// construction), and the lovsjekk.summary/1 JSON contract.
#include "report/summary.hpp"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <cmath>
#include <ostream>
#include <sstream>

namespace lovsjekk::report {

namespace {

namespace json = boost::json;

/// LIX as printed and as in the JSON: one decimal.
double rounded(double lix) { return std::round(lix * 10.0) / 10.0; }

std::string lix_line(const Summary& s, const text::Catalogue& messages) {
    return messages.format("summary.lix", {{"lix", rounded(s.lix.lix())}, {"band", lix_band(s.lix.lix())}});
}

constexpr const char* style_sheet = R"css(
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; font: 17px/1.5 system-ui, -apple-system, "Segoe UI",
       Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
p.intro { margin: 0 0 1rem; }
ul { padding-left: 1.25rem; }
li { margin: .35rem 0; }
footer { margin-top: 2rem; padding-top: .75rem; border-top: 1px solid #d9d9d9; color: #5f6368; font-size: .9em; }
@media print { body { max-width: none; padding: 0; font-size: 11pt; } }
)css";

/// Characters a reader sees, for the underline of a part's heading.
std::size_t heading_width(const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// " [1]", " [1, 2]": the changes since the statute text a sentence may not reflect.
std::string change_marker(const SummarySentence& sentence, const text::Catalogue& messages) {
    if (sentence.changes.empty()) return "";
    std::string markers;
    for (int m : sentence.changes) markers += (markers.empty() ? "" : ", ") + std::to_string(m);
    return " " + messages.format("summary.changes.marker", {{"markers", markers}});
}

std::string change_item(const SummaryChange& c, const text::Catalogue& messages) {
    return messages.format("summary.changes.item", {{"marker", std::int64_t{c.marker}},
                                                    {"provision", c.provision},
                                                    {"kind", c.kind},
                                                    {"act", c.act},
                                                    {"in_force", c.in_force}});
}

std::string changes_heading(const Summary& s, const SummaryQuery& query, const text::Catalogue& messages) {
    return messages.format("summary.changes.heading",
                           {{"text_date", s.statute_text_date.value_or(query.when.at)}, {"at", query.when.at}});
}

}  // namespace

void write_summary_text(std::ostream& out, const Summary& s, const SummaryQuery& query,
                        const text::Catalogue& messages) {
    out << s.title << "\n\n" << s.intro << "\n";
    if (!s.changes.empty()) {
        out << "\n" << changes_heading(s, query, messages) << "\n";
        for (const SummaryChange& c : s.changes) out << "  " << change_item(c, messages) << "\n";
    }
    if (s.sections.empty()) out << "\n" << messages.format("summary.empty") << "\n";
    std::optional<SummaryPart> part;
    for (const SummarySection& section : s.sections) {
        if (section.part != SummaryPart::none && section.part != part) {
            const std::string heading = messages.format("summary.part", {{"part", part_name(section.part)}});
            out << "\n" << heading << "\n" << std::string(heading_width(heading), '=') << "\n";
        }
        part = section.part;
        out << "\n" << section.title << "\n";
        for (const SummarySentence& sentence : section.sentences) {
            out << "  - " << sentence.text << change_marker(sentence, messages) << "\n";
            for (const std::string& d : sentence.details) out << "      " << d << "\n";
            for (const SummarySentence& e : sentence.exceptions) {
                out << "      " << messages.format("summary.exception", {{"text", e.text}})
                    << change_marker(e, messages) << "\n";
                for (const std::string& d : e.details) out << "        " << d << "\n";
            }
        }
    }
    out << "\n" << messages.format("summary.footer") << "\n" << lix_line(s, messages) << "\n";
}

void write_summary_html(std::ostream& out, const Summary& s, const SummaryQuery& query,
                        const text::Catalogue& messages) {
    pugi::xml_document doc;
    auto html = doc.append_child("html");
    html.append_attribute("lang") = s.lang.c_str();
    auto head = html.append_child("head");
    head.append_child("meta").append_attribute("charset") = "utf-8";
    auto viewport = head.append_child("meta");
    viewport.append_attribute("name") = "viewport";
    viewport.append_attribute("content") = "width=device-width, initial-scale=1";
    auto generator = head.append_child("meta");
    generator.append_attribute("name") = "generator";
    generator.append_attribute("content") = "lovsjekk";
    head.append_child("title").text() = s.title.c_str();
    // The style sheet is this file's own constant; a PCDATA node would
    // escape nothing in it that matters, and no rule text goes in it.
    head.append_child("style").text() = style_sheet;

    auto body = html.append_child("body");
    auto main = body.append_child("main");
    main.append_child("h1").text() = s.title.c_str();
    auto intro = main.append_child("p");
    intro.append_attribute("class") = "intro";
    intro.text() = s.intro.c_str();
    if (!s.changes.empty()) {
        auto changes = main.append_child("section");
        changes.append_attribute("class") = "changes";
        changes.append_child("p").text() = changes_heading(s, query, messages).c_str();
        auto list = changes.append_child("ul");
        for (const SummaryChange& c : s.changes) {
            auto item = list.append_child("li");
            item.append_attribute("id") = ("change-" + std::to_string(c.marker)).c_str();
            item.text() = change_item(c, messages).c_str();
        }
    }
    if (s.sections.empty()) main.append_child("p").text() = messages.format("summary.empty").c_str();
    std::optional<SummaryPart> current;
    for (const SummarySection& section : s.sections) {
        if (section.part != SummaryPart::none && section.part != current)
            main.append_child("h2").text() =
                messages.format("summary.part", {{"part", part_name(section.part)}}).c_str();
        current = section.part;
        auto part = main.append_child("section");
        part.append_attribute("data-topic") = section.topic.c_str();
        part.append_child(section.part == SummaryPart::none ? "h2" : "h3").text() = section.title.c_str();
        auto list = part.append_child("ul");
        for (const SummarySentence& sentence : section.sentences) {
            auto item = list.append_child("li");
            std::string rules;
            for (const auto& r : sentence.rules) rules += (rules.empty() ? "" : " ") + r;
            item.append_attribute("data-rules") = rules.c_str();
            item.append_child(pugi::node_pcdata).set_value(sentence.text.c_str());
            for (int m : sentence.changes) {  // each marker links to its change under the intro
                item.append_child(pugi::node_pcdata).set_value(" ");
                auto link = item.append_child("a");
                link.append_attribute("href") = ("#change-" + std::to_string(m)).c_str();
                link.text() = messages.format("summary.changes.marker", {{"markers", std::to_string(m)}}).c_str();
            }
            if (sentence.details.empty() && sentence.exceptions.empty()) continue;
            auto sub = item.append_child("ul");
            for (const std::string& d : sentence.details) sub.append_child("li").text() = d.c_str();
            for (const SummarySentence& e : sentence.exceptions)
                sub.append_child("li").text() =
                    (messages.format("summary.exception", {{"text", e.text}}) + change_marker(e, messages)).c_str();
        }
    }
    auto footer = body.append_child("footer");
    footer.append_child("p").text() = messages.format("summary.footer").c_str();
    footer.append_child("p").text() = lix_line(s, messages).c_str();

    std::ostringstream page;
    doc.save(page, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    out << "<!DOCTYPE html>\n" << page.str();
}

void write_summary_json(std::ostream& out, const Summary& s, const SummaryQuery& query) {
    json::object q;
    if (query.age) q["age"] = *query.age;
    if (query.service) q["service"] = *query.service;
    if (query.born) {
        q["born"] = query.born->iso();
        q["on"] = query.when.at.iso();
    }
    json::array sections;
    for (const SummarySection& section : s.sections) {
        json::array sentences;
        for (const SummarySentence& sentence : section.sentences) {
            json::array rules;
            for (const auto& r : sentence.rules) rules.emplace_back(r);
            json::object o{{"text", sentence.text}, {"provision", sentence.provision}, {"rules", std::move(rules)}};
            if (!sentence.details.empty()) o["details"] = json::value_from(sentence.details);
            if (!sentence.changes.empty()) o["changes"] = json::value_from(sentence.changes);
            if (!sentence.exceptions.empty()) {
                json::array exceptions;
                for (const SummarySentence& e : sentence.exceptions) {
                    json::array rules;
                    for (const auto& r : e.rules) rules.emplace_back(r);
                    json::object x{{"text", e.text}, {"provision", e.provision}, {"rules", std::move(rules)}};
                    if (!e.details.empty()) x["details"] = json::value_from(e.details);
                    if (!e.changes.empty()) x["changes"] = json::value_from(e.changes);
                    exceptions.emplace_back(std::move(x));
                }
                o["exceptions"] = std::move(exceptions);
            }
            sentences.emplace_back(std::move(o));
        }
        json::object o{{"topic", section.topic}, {"title", section.title}, {"sentences", std::move(sentences)}};
        if (section.part != SummaryPart::none) o["part"] = part_name(section.part);
        sections.emplace_back(std::move(o));
    }
    // Written by hand around the values so that "lix" reads 31.6, as
    // printed, rather than Boost.JSON's 3.16E1; both are the same number.
    char lix[32];
    const auto end = std::to_chars(lix, lix + sizeof lix, rounded(s.lix.lix()), std::chars_format::fixed, 1).ptr;
    out << "{\"schema\":\"lovsjekk.summary/1\",\"lang\":" << json::serialize(json::value(s.lang))
        << ",\"at\":" << json::serialize(json::value(query.when.at.iso()))
        << ",\"query\":" << json::serialize(q)
        << ",\"lix\":" << std::string_view(lix, static_cast<std::size_t>(end - lix));
    if (s.statute_text_date) {
        json::array changes;
        for (const SummaryChange& c : s.changes)
            changes.emplace_back(json::object{{"marker", c.marker}, {"provision", c.provision}, {"kind", c.kind},
                                              {"act", c.act}, {"in_force", c.in_force.iso()},
                                              {"rules", json::value_from(c.rules)}});
        json::object text{{"date", s.statute_text_date->iso()}, {"changes", std::move(changes)}};
        out << ",\"statute_text\":" << json::serialize(text);
    }
    out
        << ",\"sections\":" << json::serialize(sections) << "}\n";
}

}  // namespace lovsjekk::report
