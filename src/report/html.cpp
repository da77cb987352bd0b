// HTML report: one self-contained page for legal advisers: the counts, an
// age timeline of the norms in force (one row per topic and sector, each
// bound marked by how it is counted), and a table of the findings that can
// be filtered by kind and sector. The page is built as a pugixml DOM, so
// every text from the rules is escaped by construction; the only raw text is
// this file's own style sheet and script. No network, no external assets.
#include "report/view.hpp"

#include "check/finding.hpp"
#include "check/transitions.hpp"
#include "text/render.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

namespace lovsjekk::report {

namespace {

// ---------------------------------------------------------------------------
// Style sheet and script (trusted constants, spliced in after serialising)

constexpr const char* style_sheet = R"css(
:root { --error: #b00020; --warning: #9a5b00; --note: #1d5fa0; --ink: #1b1b1b; --muted: #5f6368;
        --rule: #d9d9d9; --band-divergence: #f2b134; --band-gap: #d9534f; --band-conflict: #8e44ad; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem; font: 15px/1.45 system-ui, -apple-system,
       "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
p.lead { color: var(--muted); margin: 0; }
.badges { display: flex; gap: .5rem; flex-wrap: wrap; margin: .75rem 0; }
.badge { border-radius: 1rem; padding: .15rem .75rem; font-weight: 600; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.note { background: var(--note); } .badge.change { background: #444; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { background: #f4f4f4; font-weight: 600; }
table.counts { width: auto; } table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.severity.error { color: var(--error); font-weight: 600; } td.severity.warning { color: var(--warning); font-weight: 600; }
td.severity.note { color: var(--note); font-weight: 600; }
td.id, td.location { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em;
                     white-space: nowrap; }
td.witness { color: var(--muted); font-size: .9em; }
tr.change-removed td { text-decoration: line-through; color: var(--muted); }
.filters { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: .5rem 0 1rem; }
.filters select { font: inherit; padding: .15rem .3rem; }
#shown { color: var(--muted); }
.timeline { overflow-x: auto; }
svg.timeline text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg.timeline text.axis { fill: var(--muted); }
svg.timeline line.grid { stroke: #eee; } svg.timeline line.grid.major { stroke: #ccc; }
svg.timeline rect.bar { fill: #4a7fb5; } svg.timeline rect.bar.maturity { fill: none; stroke: #4a7fb5;
  stroke-dasharray: 3 2; }
svg.timeline .mark { stroke: #123; stroke-width: 1.2; }
svg.timeline .mark.lower { fill: #123; } svg.timeline .mark.upper { fill: #fff; }
svg.timeline .mark.maturity { fill: #f0c808; }
svg.timeline rect.band { opacity: .25; } svg.timeline rect.band.divergence { fill: var(--band-divergence); }
svg.timeline rect.band.gap { fill: var(--band-gap); } svg.timeline rect.band.conflict { fill: var(--band-conflict); }
svg.timeline line.point { stroke: var(--band-divergence); stroke-width: 3; stroke-dasharray: 4 2; }
svg.timeline rect.row-even { fill: #fafafa; }
table.matrix td div.age small { color: var(--muted); }
table.matrix td div.ids { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .8em;
                          color: var(--warning); }
footer { margin-top: 2.5rem; padding-top: .75rem; border-top: 1px solid var(--rule); color: var(--muted);
         font-size: .85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, #shown { display: none; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  .timeline { overflow: visible; } svg.timeline { width: 100%; height: auto; }
  .badge { color: #000; border: 1px solid #000; background: none !important; }
  th { background: none; }
}
)css";

constexpr const char* script = R"js(
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
  var filters = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var shown = document.getElementById('shown');
  function matches(row, select) {
    if (!select.value) return true;
    var values = (row.getAttribute('data-' + select.getAttribute('data-filter')) || '').split(' ');
    return values.indexOf(select.value) !== -1;
  }
  function apply() {
    var visible = 0;
    rows.forEach(function (row) {
      var ok = filters.every(function (select) { return matches(row, select); });
      row.hidden = !ok;
      if (ok) visible += 1;
    });
    // The words come from the catalogue: data-template holds %v (shown) and %t (all).
    if (shown) shown.textContent = shown.getAttribute('data-template').replace('%v', visible).replace('%t', rows.length);
    return visible;
  }
  filters.forEach(function (select) { select.addEventListener('change', apply); });
  apply();
  // #selftest: the browser test filters by the first kind, then by the first
  // sector, and leaves the counts on the body element for the test to read.
  if (location.hash === '#selftest') {
    var body = document.body;
    filters.forEach(function (select) {
      var name = select.getAttribute('data-filter');
      var value = select.options.length > 1 ? select.options[1].value : '';
      filters.forEach(function (other) { other.value = ''; });
      select.value = value;
      body.setAttribute('data-selftest-' + name, value);
      body.setAttribute('data-selftest-' + name + '-visible', String(apply()));
    });
    filters.forEach(function (other) { other.value = ''; });
    body.setAttribute('data-selftest-rows', String(apply()));
    body.setAttribute('data-selftest-marks', String(document.querySelectorAll('svg.timeline g.norm .mark').length));
    body.setAttribute('data-selftest-bands', String(document.querySelectorAll('svg.timeline g.findings .band').length));
    body.setAttribute('data-selftest', 'done');
  }
})();
)js";

// ---------------------------------------------------------------------------
// DOM helpers

pugi::xml_node element(pugi::xml_node parent, const char* name, const char* cls = nullptr) {
    pugi::xml_node n = parent.append_child(name);
    if (cls) n.append_attribute("class") = cls;
    return n;
}

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& text, const char* cls = nullptr) {
    pugi::xml_node n = element(parent, name, cls);
    n.append_child(pugi::node_pcdata).set_value(xml_safe(text).c_str());
    return n;
}

void attribute(pugi::xml_node node, const char* name, const std::string& value) {
    node.append_attribute(name) = xml_safe(value).c_str();
}

void attribute(pugi::xml_node node, const char* name, int value) { node.append_attribute(name) = value; }

/// HTML has no self-closing tags but for void elements: give every other
/// empty HTML element an empty text so that it is written <td></td>. SVG,
/// being foreign content, may keep <circle />.
void close_empty_elements(pugi::xml_node node) {
    static const std::set<std::string> void_elements = {"area", "base", "br", "col", "embed", "hr", "img",
                                                        "input", "link", "meta", "source", "track", "wbr"};
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string(child.name()) == "svg") continue;
        if (!child.first_child() && !void_elements.contains(child.name()))
            child.append_child(pugi::node_pcdata);
        else close_empty_elements(child);
    }
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

// ---------------------------------------------------------------------------
// The age timeline

constexpr int max_age = 25;
constexpr int label_width = 280;
constexpr int px_per_year = 28;
constexpr int lane_height = 16;
constexpr int row_padding = 5;
constexpr int legend_height = 64;
constexpr int axis_height = 24;
constexpr int svg_width = label_width + max_age * px_per_year + 30;

int x_of(int age) { return label_width + std::clamp(age, 0, max_age) * px_per_year; }

std::string provision_of(const model::Norm& n) { return n.sources.empty() ? n.id : n.sources.front().text(); }

std::string age_rule_text(const model::AgeInterval& a) {
    std::string s;
    if (a.from) s = bound_text(*a.from);
    if (a.to) s += (s.empty() ? "" : " ") + bound_text(*a.to);
    if (a.maturity)
        s += (s.empty() ? "når " : (a.maturity_lowers_floor ? ", og yngre når " : ", når ")) + a.maturity_text;
    return s;
}

struct Row {
    std::string topic;
    std::string sector;
    std::vector<const model::Norm*> norms;
    int top = 0;
    int height() const { return static_cast<int>(norms.size()) * lane_height + 2 * row_padding; }
};

/// One row per topic and sector, topics together so that the sectors' limits
/// for one right stand under each other.
std::vector<Row> timeline_rows(const ReportInput& input) {
    std::map<std::pair<std::string, std::string>, std::vector<const model::Norm*>> grouped;
    for (const model::Norm& n : input.model.norms) {
        const model::AgeInterval& a = n.age;
        if (!a.specified || a.regardless || (!a.from && !a.to && !a.maturity)) continue;
        if (!norm_in_force(input, n)) continue;
        grouped[{n.topic, n.sector}].push_back(&n);
    }
    std::vector<Row> rows;
    int top = legend_height + axis_height;
    for (auto& [key, norms] : grouped) {
        std::stable_sort(norms.begin(), norms.end(), [](const model::Norm* a, const model::Norm* b) {
            return std::make_pair(a->age.from_age(), a->id) < std::make_pair(b->age.from_age(), b->id);
        });
        Row row{key.first, key.second, norms, top};
        top += row.height();
        rows.push_back(std::move(row));
    }
    return rows;
}

void svg_title(pugi::xml_node node, const std::string& text) { element(node, "title", text); }

/// A bound's marker: the shape says how it is counted, filled for a lower
/// bound and hollow for an upper one.
void marker(pugi::xml_node g, model::Basis basis, bool lower, int cx, int cy, const std::string& title) {
    const std::string cls = std::string("mark ") + model::basis_name(basis) + (lower ? " lower" : " upper");
    pugi::xml_node m;
    auto pt = [](int x, int y) { return std::to_string(x) + "," + std::to_string(y); };
    switch (basis) {
        case model::Basis::calendar_year:
            m = element(g, "rect", cls.c_str());
            attribute(m, "x", cx - 5);
            attribute(m, "y", cy - 5);
            attribute(m, "width", 10);
            attribute(m, "height", 10);
            break;
        case model::Basis::school_year:
            m = element(g, "polygon", cls.c_str());
            attribute(m, "points", pt(cx, cy - 6) + " " + pt(cx + 6, cy) + " " + pt(cx, cy + 6) + " " + pt(cx - 6, cy));
            break;
        case model::Basis::maturity:
            m = element(g, "polygon", cls.c_str());
            attribute(m, "points", pt(cx - 6, cy + 5) + " " + pt(cx + 6, cy + 5) + " " + pt(cx, cy - 6));
            break;
        default:
            m = element(g, "circle", cls.c_str());
            attribute(m, "cx", cx);
            attribute(m, "cy", cy);
            attribute(m, "r", 5);
            break;
    }
    attribute(m, "data-basis", model::basis_name(basis));
    svg_title(m, title);
}

void legend(pugi::xml_node svg, const text::Catalogue& messages) {
    pugi::xml_node g = element(svg, "g", "legend");
    const model::Basis bases[] = {model::Basis::birthday, model::Basis::calendar_year, model::Basis::school_year,
                                  model::Basis::maturity};
    int x = 10;
    for (model::Basis basis : bases) {
        const std::string text = messages.format("html.legend.basis", {{"basis", model::basis_name(basis)}});
        marker(g, basis, true, x + 6, 14, messages.format("html.legend.basis_title", {{"text", text}}));
        pugi::xml_node label = element(g, "text", text);
        attribute(label, "x", x + 16);
        attribute(label, "y", 18);
        int characters = 0;
        for (unsigned char c : text) characters += (c & 0xC0) != 0x80 ? 1 : 0;
        x += 16 + characters * 6 + 30;
    }
    marker(g, model::Basis::birthday, false, 16, 38, messages.format("html.legend.upper_title"));
    pugi::xml_node t = element(g, "text", messages.format("html.legend.upper"));
    attribute(t, "x", 26);
    attribute(t, "y", 42);
    pugi::xml_node bar = element(g, "rect", "bar maturity");
    attribute(bar, "x", 330);
    attribute(bar, "y", 34);
    attribute(bar, "width", 30);
    attribute(bar, "height", 8);
    t = element(g, "text", messages.format("html.legend.maturity"));
    attribute(t, "x", 366);
    attribute(t, "y", 42);
    pugi::xml_node band = element(g, "rect", "band divergence");
    attribute(band, "x", 640);
    attribute(band, "y", 30);
    attribute(band, "width", 30);
    attribute(band, "height", 16);
    t = element(g, "text", messages.format("html.legend.band"));
    attribute(t, "x", 676);
    attribute(t, "y", 42);
}

void axis(pugi::xml_node svg, int bottom, const text::Catalogue& messages) {
    pugi::xml_node g = element(svg, "g", "axis");
    const int top = legend_height;
    for (int age = 0; age <= max_age; ++age) {
        pugi::xml_node line = element(g, "line", age % 5 == 0 ? "grid major" : "grid");
        attribute(line, "x1", x_of(age));
        attribute(line, "x2", x_of(age));
        attribute(line, "y1", top + axis_height - 6);
        attribute(line, "y2", bottom);
        pugi::xml_node label = element(g, "text", std::to_string(age), "axis");
        attribute(label, "x", x_of(age));
        attribute(label, "y", top + 12);
        attribute(label, "text-anchor", "middle");
    }
    pugi::xml_node unit = element(g, "text", messages.format("html.axis"), "axis");
    attribute(unit, "x", 10);
    attribute(unit, "y", top + 12);
}

/// Draws one norm in its lane: the bar, the dashed stretch where maturity
/// decides, and a marker per bound, each titled with its provision.
void norm_lane(pugi::xml_node g, const model::Norm& n, int lane_top) {
    const model::AgeInterval& a = n.age;
    const int cy = lane_top + lane_height / 2;
    const std::string provision = provision_of(n);
    const int from = a.from_age();
    const int to = std::min(a.to_age(max_age), max_age);
    const bool maturity_before = a.maturity && (!a.from || a.maturity_lowers_floor);

    pugi::xml_node lane = element(g, "g", "norm");
    attribute(lane, "data-rule", n.id);
    const std::string named = n.title.empty() ? n.id : n.id + " (" + n.title + ")";
    const std::string summary = named + " — " + n.statement + "\n" + provision + ": " + age_rule_text(a);
    if (maturity_before && a.from) {
        pugi::xml_node dashed = element(lane, "rect", "bar maturity");
        attribute(dashed, "x", x_of(0));
        attribute(dashed, "y", cy - 4);
        attribute(dashed, "width", x_of(from) - x_of(0));
        attribute(dashed, "height", 8);
        svg_title(dashed, summary);
    }
    if (to > from || !a.from) {
        pugi::xml_node bar = element(lane, "rect", a.from || a.to ? "bar" : "bar maturity");
        attribute(bar, "x", x_of(a.from ? from : 0));
        attribute(bar, "y", cy - 4);
        attribute(bar, "width", std::max(x_of(to) - x_of(a.from ? from : 0), 1));
        attribute(bar, "height", 8);
        svg_title(bar, summary);
    }
    if (a.from && a.from_age() <= max_age)
        marker(lane, a.from->basis(), true, x_of(from), cy, provision + ": " + bound_text(*a.from));
    if (a.to && a.to_age() <= max_age)
        marker(lane, a.to->basis(), false, x_of(a.to_age()), cy, provision + ": " + bound_text(*a.to));
    if (a.maturity) {
        const int at = maturity_before ? 0 : from;
        marker(lane, model::Basis::maturity, true, x_of(at) + (maturity_before ? 0 : 12), cy,
               provision + ": når " + a.maturity_text);
    }
}

/// Kinds whose ages are a stretch of childhood (drawn as a band); other
/// findings with an age mark the one age they are about.
bool is_range_kind(const std::string& kind) { return kind == "divergence" || kind == "gap" || kind == "conflict"; }

void finding_marks(pugi::xml_node svg, const std::vector<Row>& rows, const View& view) {
    // Kinds and severities are machine names; the message is worded already.
    pugi::xml_node g = element(svg, "g", "findings");
    for (const Entry& e : view.entries) {
        const Diagnostic& d = *e.finding;
        if (e.change == Change::removed) continue;  // the timeline is the current law's
        if (d.details.topic.empty() || (d.details.age_from < 0 && d.details.age_to < 0)) continue;
        const int from = std::max(d.details.age_from, 0);
        const int to = d.details.age_to < 0 ? max_age : std::min(d.details.age_to, max_age);
        std::string title = d.kind + " (" + severity_name(d.severity) + "): " + d.message;
        if (!d.id.empty()) title += " [" + d.id + "]";
        for (const Row& row : rows) {
            if (row.topic != d.details.topic) continue;
            pugi::xml_node mark;
            if (is_range_kind(d.kind)) {
                mark = element(g, "rect", ("band " + d.kind).c_str());
                attribute(mark, "x", x_of(from));
                attribute(mark, "y", row.top);
                attribute(mark, "width", std::max(x_of(to) - x_of(from), 4));
                attribute(mark, "height", row.height());
            } else {
                mark = element(g, "line", ("band point " + d.kind).c_str());
                attribute(mark, "x1", x_of(from));
                attribute(mark, "x2", x_of(from));
                attribute(mark, "y1", row.top);
                attribute(mark, "y2", row.top + row.height());
            }
            attribute(mark, "data-kind", d.kind);
            attribute(mark, "data-id", d.id);
            svg_title(mark, title);
        }
    }
}

void timeline(pugi::xml_node section, const View& view, const text::Catalogue& messages) {
    const ReportInput& input = *view.current;
    const std::vector<Row> rows = timeline_rows(input);
    element(section, "h2", messages.format("html.timeline.heading", {{"at", input.at.iso()}}));
    if (rows.empty()) {
        element(section, "p", messages.format("html.timeline.empty"));
        return;
    }
    element(section, "p", messages.format("html.timeline.lead"), "lead");
    const int bottom = rows.back().top + rows.back().height() + 4;
    pugi::xml_node wrap = element(section, "div", "timeline");
    pugi::xml_node svg = element(wrap, "svg", "timeline");
    svg.append_attribute("xmlns") = "http://www.w3.org/2000/svg";
    attribute(svg, "width", svg_width);
    attribute(svg, "height", bottom);
    attribute(svg, "viewBox", "0 0 " + std::to_string(svg_width) + " " + std::to_string(bottom));
    attribute(svg, "role", "img");
    attribute(svg, "aria-label", messages.format("html.timeline.label", {{"max", std::int64_t{max_age}}}));
    legend(svg, messages);

    pugi::xml_node stripes = element(svg, "g", "rows");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % 2 != 0) continue;
        pugi::xml_node r = element(stripes, "rect", "row-even");
        attribute(r, "x", 0);
        attribute(r, "y", rows[i].top);
        attribute(r, "width", svg_width);
        attribute(r, "height", rows[i].height());
    }
    axis(svg, bottom, messages);
    finding_marks(svg, rows, view);
    pugi::xml_node body = element(svg, "g", "norms");
    for (const Row& row : rows) {
        pugi::xml_node g = element(body, "g", "row");
        attribute(g, "data-topic", row.topic);
        attribute(g, "data-sector", row.sector);
        pugi::xml_node label = element(g, "text", row.topic + " · " + row.sector, "label");
        attribute(label, "x", 10);
        attribute(label, "y", row.top + row_padding + lane_height / 2 + 4);
        const model::Sector* sector = input.model.find_sector(row.sector);
        std::vector<std::string> rules;
        for (const model::Norm* n : row.norms) rules.push_back(n->id);
        svg_title(label, messages.format("html.timeline.row", {{"topic", row.topic},
                                                               {"sector", sector ? sector->name : row.sector},
                                                               {"rules", join(rules, ", ")}}));
        int lane_top = row.top + row_padding;
        for (const model::Norm* n : row.norms) {
            norm_lane(g, *n, lane_top);
            lane_top += lane_height;
        }
    }
}

// ---------------------------------------------------------------------------
// The matrix a working group prints: topic × sector, each cell the ages in
// the statute's words with their provisions, and the findings about them

void matrix(pugi::xml_node section, const View& view, const text::Catalogue& messages) {
    const ReportInput& input = *view.current;
    // topic → sector → norms in force that set an age on it
    std::map<std::string, std::map<std::string, std::vector<const model::Norm*>>> cells;
    std::set<std::string> sectors;
    for (const model::Norm& n : input.model.norms) {
        const model::AgeInterval& a = n.age;
        if (!a.specified || (!a.regardless && !a.from && !a.to && !a.maturity)) continue;
        if (!norm_in_force(input, n)) continue;
        cells[n.topic][n.sector].push_back(&n);
        sectors.insert(n.sector);
    }
    element(section, "h2", messages.format("html.matrix.heading", {{"at", input.at.iso()}}));
    if (cells.empty()) {
        element(section, "p", messages.format("html.timeline.empty"));
        return;
    }
    element(section, "p", messages.format("html.matrix.lead"), "lead");
    pugi::xml_node table = element(section, "table", "matrix");
    pugi::xml_node head = element(element(table, "thead"), "tr");
    element(head, "th", messages.format("html.matrix.topic"));
    for (const std::string& s : sectors) {
        pugi::xml_node th = element(head, "th", check::sector_name(input.model, s));
        attribute(th, "data-sector", s);
    }
    pugi::xml_node body = element(table, "tbody");
    for (const auto& [topic, by_sector] : cells) {
        pugi::xml_node tr = element(body, "tr");
        attribute(tr, "data-topic", topic);
        attribute(element(tr, "th", check::topic_name(input.model, topic, &messages)), "scope", "row");
        for (const std::string& s : sectors) {
            pugi::xml_node td = element(tr, "td");
            const auto found = by_sector.find(s);
            if (found == by_sector.end()) continue;
            for (const model::Norm* n : found->second) {
                pugi::xml_node line = element(td, "div", "age");
                element(line, "span", check::describe_age_rule(*n));
                element(line, "small", " (" + provision_of(*n) + ")");
            }
            std::vector<std::string> ids;
            for (const Entry& e : view.entries) {
                const Diagnostic& d = *e.finding;
                if (d.details.topic == topic &&
                    std::find(d.details.sectors.begin(), d.details.sectors.end(), s) != d.details.sectors.end())
                    ids.push_back(d.id);
            }
            if (!ids.empty()) element(td, "div", join(ids, " "), "ids");
        }
    }
}

// ---------------------------------------------------------------------------
// Transitions: at each age a service ends, what ends, what goes on, and whose
// duty to cooperate, coordinate or follow up reaches past it

void transitions_table(pugi::xml_node section, const ReportInput& input, const text::Catalogue& messages) {
    const check::Context context =
        check::make_context(input.model, model::Evaluation{input.at, input.assume_in_force}, nullptr);
    const auto all = check::transitions(context);
    element(section, "h2", messages.format("html.transitions.heading"));
    if (all.empty()) {
        element(section, "p", messages.format("transitions.empty"));
        return;
    }
    pugi::xml_node table = element(section, "table", "transitions");
    pugi::xml_node head = element(element(table, "thead"), "tr");
    element(head, "th", messages.format("html.transitions.age"));
    for (const char* key : {"transitions.ending", "transitions.continuing", "transitions.reaching"}) {
        std::string heading = messages.format(key);
        if (!heading.empty() && heading.back() == ':') heading.pop_back();
        element(head, "th", heading);
    }
    pugi::xml_node body = element(table, "tbody");
    for (const check::Transition& t : all) {
        pugi::xml_node tr = element(body, "tr");
        attribute(tr, "data-age", t.age);
        element(tr, "th", std::to_string(t.age));
        for (const auto* norms : {&t.ending, &t.continuing}) {
            pugi::xml_node td = element(tr, "td");
            for (const model::Norm* n : *norms) {
                pugi::xml_node line = element(td, "div");
                element(line, "span", check::topic_name(input.model, n->topic, &messages) + ": " + check::ages_with_end(context, *n));
                element(line, "small", " (" + provision_of(*n) + ")");
            }
        }
        // Who carries the young person over: one line per actor, with its provisions.
        std::map<std::string, std::vector<std::string>> by_actor;
        for (const model::Norm* n : t.reaching) {
            auto& provisions = by_actor[n->actor];
            const std::string p = check::provision(*n);
            if (std::find(provisions.begin(), provisions.end(), p) == provisions.end()) provisions.push_back(p);
        }
        pugi::xml_node td = element(tr, "td");
        for (const auto& [actor, provisions] : by_actor)
            element(td, "div", messages.format("transitions.actor", {{"actor", actor}, {"provisions", join(provisions, ", ")}}));
    }
}

// ---------------------------------------------------------------------------
// Summary and findings table

void summary(pugi::xml_node section, const View& view, const text::Catalogue& messages) {
    element(section, "h2", messages.format("html.summary.heading"));
    SeverityCounts total;
    std::map<std::string, SeverityCounts> per_kind;
    std::map<Change, int> changes;
    for (const Entry& e : view.entries) {
        ++changes[e.change];
        if (e.change == Change::unchanged) continue;
        ++total[e.finding->severity];
        ++per_kind[e.finding->kind][e.finding->severity];
    }
    pugi::xml_node badges = element(section, "div", "badges");
    if (view.is_diff()) {
        for (Change c : {Change::added, Change::removed, Change::changed, Change::unchanged})
            element(badges, "span",
                    messages.format("html.badge.change", {{"n", std::int64_t{changes[c]}}, {"change", change_name(c)}}),
                    "badge change");
    }
    const std::pair<Severity, const char*> badges_by_severity[] = {
        {Severity::error, "badge error"}, {Severity::warning, "badge warning"}, {Severity::note, "badge note"}};
    for (const auto& [severity, cls] : badges_by_severity)
        element(badges, "span",
                messages.format("html.badge.severity",
                                {{"n", std::int64_t{total[severity]}}, {"severity", severity_name(severity)}}),
                cls);
    if (!view.is_diff())
        if (const std::int64_t settled = settled_left_out(*view.current))
            element(section, "p", messages.format("html.summary.settled", {{"n", settled}}), "lead");
    if (per_kind.empty()) return;

    pugi::xml_node table = element(section, "table", "counts");
    pugi::xml_node head = element(element(table, "thead"), "tr");
    element(head, "th", messages.format("markdown.column.kind"));
    for (const char* h : {"error", "warning", "note"}) element(head, "th", std::string(h));
    pugi::xml_node body = element(table, "tbody");
    for (const auto& [kind, counts] : per_kind) {
        pugi::xml_node tr = element(body, "tr");
        element(tr, "td", kind);
        for (Severity s : {Severity::error, Severity::warning, Severity::note})
            element(tr, "td", std::to_string(counts[s]), "n");
    }
}

/// A select over the values of one column; the label and the "all" option are html.filter.<name>.*.
void filter(pugi::xml_node filters, const char* name, const text::Catalogue& messages,
            const std::set<std::string>& values) {
    const std::string label = messages.format(std::string("html.filter.") + name + ".label");
    const std::string all = messages.format(std::string("html.filter.") + name + ".all");
    pugi::xml_node l = element(filters, "label");
    l.append_child(pugi::node_pcdata).set_value((label + " ").c_str());
    pugi::xml_node select = element(l, "select");
    attribute(select, "id", std::string("filter-") + name);
    attribute(select, "data-filter", name);
    pugi::xml_node option = element(select, "option", all);
    attribute(option, "value", "");
    for (const std::string& v : values) attribute(element(select, "option", v), "value", v);
}

void findings_table(pugi::xml_node section, const View& view, const text::Catalogue& messages) {
    element(section, "h2", messages.format("html.findings.heading"));
    if (view.entries.empty()) {
        element(section, "p", messages.format("markdown.none"));
        return;
    }
    std::set<std::string> kinds, sectors, changes;
    for (const Entry& e : view.entries) {
        kinds.insert(e.finding->kind);
        sectors.insert(e.finding->details.sectors.begin(), e.finding->details.sectors.end());
        if (e.change != Change::none) changes.insert(change_name(e.change));
    }
    pugi::xml_node filters = element(section, "div", "filters");
    if (view.is_diff()) filter(filters, "change", messages, changes);
    filter(filters, "kind", messages, kinds);
    filter(filters, "sector", messages, sectors);
    const std::int64_t count = static_cast<std::int64_t>(view.entries.size());
    pugi::xml_node shown =
        element(filters, "span", messages.format("html.findings.shown", {{"shown", std::to_string(count)}, {"total", count}}));
    attribute(shown, "id", "shown");
    attribute(shown, "data-template", messages.format("html.findings.shown", {{"shown", "%v"}, {"total", "%t"}}));

    pugi::xml_node table = element(section, "table");
    attribute(table, "id", "findings-table");
    pugi::xml_node head = element(element(table, "thead"), "tr");
    if (view.is_diff()) element(head, "th", messages.format("markdown.column.change"));
    for (const char* h : {"severity", "kind", "sectors", "ages", "provisions", "message", "witness", "location", "id"})
        element(head, "th", messages.format(std::string("html.column.") + h));
    pugi::xml_node body = element(table, "tbody");
    for (const Entry& e : view.entries) {
        const Diagnostic& d = *e.finding;
        pugi::xml_node tr = element(body, "tr");
        attribute(tr, "data-kind", d.kind);
        attribute(tr, "data-sector", join(d.details.sectors, " "));
        attribute(tr, "data-severity", severity_name(d.severity));
        if (e.change != Change::none) {
            attribute(tr, "data-change", change_name(e.change));
            attribute(tr, "class", std::string("change-") + change_name(e.change));
            element(tr, "td", std::string(change_name(e.change)), "change");
        }
        element(tr, "td", std::string(severity_name(d.severity)), (std::string("severity ") + severity_name(d.severity)).c_str());
        element(tr, "td", d.kind, "kind");
        element(tr, "td", join(d.details.sectors, ", "), "sectors");
        element(tr, "td", ages_text(d.details, messages), "ages");
        {  // each provision linked to its text on lovdata.no
            pugi::xml_node cell = element(tr, "td", "provisions");
            const auto links = provision_links(model_of(view, e), d);
            for (std::size_t i = 0; i < links.size(); ++i) {
                if (i) cell.append_child(pugi::node_pcdata).set_value("; ");
                if (links[i].second.empty()) {
                    cell.append_child(pugi::node_pcdata).set_value(xml_safe(links[i].first).c_str());
                    continue;
                }
                pugi::xml_node a = element(cell, "a", links[i].first);
                attribute(a, "href", links[i].second);
            }
        }
        pugi::xml_node message = element(tr, "td", d.message, "message");
        if (e.before) {
            element(message, "br");
            const std::string ages = ages_text(e.before->details, messages);
            element(message, "small", messages.format("diff.text.before") + " " + severity_name(e.before->severity) +
                                          ": " + e.before->message + (ages.empty() ? "" : " (" + ages + ")"));
        }
        element(tr, "td", d.details.witness, "witness");
        element(tr, "td", text::location(*e.sources, d.span), "location");
        element(tr, "td", d.id, "id");
    }
}

// ---------------------------------------------------------------------------
// The page

pugi::xml_node attribute_section(pugi::xml_node body, const char* id) {
    pugi::xml_node section = element(body, "section");
    attribute(section, "id", id);
    return section;
}

void write(std::ostream& out, const View& view) {
    const ReportInput& input = *view.current;
    const text::Catalogue& messages = text::bundled_catalogue(input.lang);
    pugi::xml_document doc;
    doc.append_child(pugi::node_doctype).set_value("html");
    pugi::xml_node html = doc.append_child("html");
    attribute(html, "lang", input.lang);
    pugi::xml_node head = element(html, "head");
    attribute(element(head, "meta"), "charset", "utf-8");
    pugi::xml_node viewport = element(head, "meta");
    attribute(viewport, "name", "viewport");
    attribute(viewport, "content", "width=device-width, initial-scale=1");
    // No network: nothing may be fetched, whatever the page contains.
    pugi::xml_node csp = element(head, "meta");
    attribute(csp, "http-equiv", "Content-Security-Policy");
    attribute(csp, "content", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
    const std::string title =
        view.is_diff() ? "lovsjekk diff: " + view.baseline->at.iso() + " → " + input.at.iso()
                       : messages.format("html.title", {{"at", input.at.iso()}});
    element(head, "title", title);
    element(head, "style");

    pugi::xml_node body = element(html, "body");
    pugi::xml_node header = element(body, "header");
    element(header, "h1", view.is_diff() ? std::string("lovsjekk diff") : messages.format("html.heading"));
    std::ostringstream lead;
    if (view.is_diff())
        lead << messages.format("html.diff.lead", {{"before", view.baseline->at.iso()}, {"after", input.at.iso()}}) << ' ';
    lead << messages.format("markdown.intro", {{"at", input.at.iso()},
                                               {"rules", static_cast<std::int64_t>(input.model.norms.size())},
                                               {"sectors", static_cast<std::int64_t>(input.model.sectors.size())}});
    element(header, "p", lead.str(), "lead");

    summary(attribute_section(body, "summary"), view, messages);
    timeline(attribute_section(body, "timeline"), view, messages);
    if (!view.is_diff()) {
        matrix(attribute_section(body, "matrix"), view, messages);
        transitions_table(attribute_section(body, "transitions"), input, messages);
    }
    findings_table(attribute_section(body, "findings"), view, messages);

    pugi::xml_node footer = element(body, "footer");
    element(footer, "p",
            std::string("Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Lovdata."));
    element(footer, "p", messages.format("html.generated", {{"version", std::string(LOVSJEKK_VERSION)}}));
    element(body, "script");

    close_empty_elements(doc);
    std::ostringstream serialised;
    doc.save(serialised, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    std::string page = serialised.str();
    // Rule text is escaped, so a raw "<style></style>" or "<script></script>"
    // can only be the DOM's own elements.
    auto splice = [&page](const std::string& empty_element, const std::string& open, const char* content) {
        const auto at = page.find(empty_element);
        if (at != std::string::npos) page.replace(at, empty_element.size(), open + content + "</" + open.substr(1));
    };
    splice("<style></style>", "<style>", style_sheet);
    splice("<script></script>", "<script>", script);
    out << page;
}

}  // namespace

void write_html(std::ostream& out, const ReportInput& input) { write(out, reading_view(input)); }

void write_html_diff(std::ostream& out, const DiffInput& input) { write(out, diff_view(input)); }

}  // namespace lovsjekk::report
