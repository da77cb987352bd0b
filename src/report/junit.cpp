// JUnit XML for CI dashboards: one test suite, one test case per rule file,
// a <failure> per finding at or above --fail-on and everything else as the
// case's <system-out>. Built as a pugixml DOM, so any rule text is escaped.
#include "report/view.hpp"

#include "text/render.hpp"

#include <pugixml.hpp>

#include <map>
#include <ostream>
#include <sstream>

namespace lovsjekk::report {

namespace {

struct Case {
    std::string name;       ///< the file's path, or "lovsjekk" for findings without a file
    std::string classname;  ///< the file's sector, else its path
    std::vector<const Entry*> failures;
    std::vector<const Entry*> others;
};

/// The finding as `check` prints it: location line, source line, caret, notes.
std::string rendered(const Entry& e, const std::string& lang) {
    std::ostringstream s;
    text::render_text(s, *e.finding, *e.sources, {false, true, lang});
    return xml_safe(s.str());
}

bool fails(const Entry& e, Severity fail_on) {
    // In a diff only what the change brings can fail the build; findings that
    // were already there, or are gone, are information.
    const bool counts = e.change == Change::none || e.change == Change::added || e.change == Change::changed;
    return counts && e.finding->severity >= fail_on;
}

std::vector<Case> cases_of(const View& view, Severity fail_on) {
    std::vector<Case> cases;
    std::map<std::string, std::size_t> by_path;
    // Every rule file is a test case, clean or not; other sources (the
    // statute index) become one only when a finding points into them.
    auto add_files = [&](const ReportInput& side) {
        const std::vector<std::string> sectors = sector_per_file(side);
        for (std::uint32_t i = 0; i < side.sources.size(); ++i) {
            const std::string& path = side.sources.file(i).path();
            if (by_path.contains(path) || !path.ends_with(".regel")) continue;
            by_path.emplace(path, cases.size());
            cases.push_back({path, sectors[i].empty() ? path : sectors[i], {}, {}});
        }
    };
    add_files(*view.current);
    for (const Entry& e : view.entries) {
        std::string path = "lovsjekk";
        if (e.finding->span.file < e.sources->size()) path = e.sources->file(e.finding->span.file).path();
        auto it = by_path.find(path);
        if (it == by_path.end()) {
            // A file only the baseline had (a removed finding in a tree diff),
            // or a finding about no file at all.
            if (view.baseline && e.sources == &view.baseline->sources) add_files(*view.baseline);
            it = by_path.find(path);
            if (it == by_path.end()) {
                it = by_path.emplace(path, cases.size()).first;
                cases.push_back({path, path, {}, {}});
            }
        }
        Case& c = cases[it->second];
        (fails(e, fail_on) ? c.failures : c.others).push_back(&e);
    }
    return cases;
}

void write(std::ostream& out, const View& view, Severity fail_on) {
    const std::vector<Case> cases = cases_of(view, fail_on);
    int failing_cases = 0;
    SeverityCounts counts;
    for (const Case& c : cases) failing_cases += c.failures.empty() ? 0 : 1;
    for (const Entry& e : view.entries) ++counts[e.finding->severity];

    pugi::xml_document doc;
    pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";

    const std::string suite_name = view.is_diff() ? "lovsjekk diff" : "lovsjekk report";
    pugi::xml_node suites = doc.append_child("testsuites");
    suites.append_attribute("name") = "lovsjekk";
    suites.append_attribute("tests") = static_cast<unsigned>(cases.size());
    suites.append_attribute("failures") = failing_cases;
    suites.append_attribute("errors") = 0;
    suites.append_attribute("skipped") = 0;
    pugi::xml_node suite = suites.append_child("testsuite");
    suite.append_attribute("name") = suite_name.c_str();
    suite.append_attribute("tests") = static_cast<unsigned>(cases.size());
    suite.append_attribute("failures") = failing_cases;
    suite.append_attribute("errors") = 0;
    suite.append_attribute("skipped") = 0;

    pugi::xml_node properties = suite.append_child("properties");
    auto property = [&](const char* name, const std::string& value) {
        pugi::xml_node p = properties.append_child("property");
        p.append_attribute("name") = name;
        p.append_attribute("value") = value.c_str();
    };
    property("at", view.current->at.iso());
    if (view.is_diff()) property("baseline", view.baseline->at.iso());
    property("fail-on", severity_name(fail_on));
    if (view.is_diff()) {
        std::map<Change, int> changes;
        for (const Entry& e : view.entries) ++changes[e.change];
        for (Change c : {Change::added, Change::removed, Change::changed, Change::unchanged})
            property(change_name(c), std::to_string(changes[c]));
    }
    property("errors", std::to_string(counts[Severity::error]));
    property("warnings", std::to_string(counts[Severity::warning]));
    property("notes", std::to_string(counts[Severity::note]));

    for (const Case& c : cases) {
        pugi::xml_node testcase = suite.append_child("testcase");
        testcase.append_attribute("classname") = xml_safe(c.classname).c_str();
        testcase.append_attribute("name") = xml_safe(c.name).c_str();
        testcase.append_attribute("file") = xml_safe(c.name).c_str();
        for (const Entry* e : c.failures) {
            const Diagnostic& d = *e->finding;
            pugi::xml_node failure = testcase.append_child("failure");
            std::string message = std::string(severity_name(d.severity)) + ": " + d.message;
            if (!d.id.empty()) message += " [" + d.id + "]";
            if (e->change != Change::none) message = std::string(change_name(e->change)) + ": " + message;
            failure.append_attribute("message") = xml_safe(message).c_str();
            failure.append_attribute("type") = xml_safe(d.kind).c_str();
            failure.text().set(rendered(*e, view.current->lang).c_str());
        }
        if (!c.others.empty()) {
            std::string text;
            for (const Entry* e : c.others) {
                if (e->change != Change::none) text += "[" + std::string(change_name(e->change)) + "] ";
                text += rendered(*e, view.current->lang);
            }
            testcase.append_child("system-out").text().set(text.c_str());
        }
    }
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

}  // namespace

void write_junit(std::ostream& out, const ReportInput& input, Severity fail_on) {
    write(out, report_view(input), fail_on);
}

void write_junit_diff(std::ostream& out, const DiffInput& input, Severity fail_on) {
    write(out, diff_view(input), fail_on);
}

}  // namespace lovsjekk::report
