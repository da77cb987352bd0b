#include "corpus/lovdata_import.hpp"

#include "base/kinds.hpp"
#include "corpus/age_mentions.hpp"
#include "corpus/lovdata_xml.hpp"
#include "corpus/statute_text.hpp"
#include "text/render.hpp"

#include <pugixml.hpp>

#include <array>
#include <cstring>
#include <unordered_map>

namespace lovsjekk::corpus {

bool has_class(pugi::xml_node n, std::string_view cls) {
    std::string_view classes = n.attribute("class").as_string();
    while (!classes.empty()) {
        const std::size_t space = classes.find(' ');
        if (classes.substr(0, space) == cls) return true;
        if (space == std::string_view::npos) break;
        classes.remove_prefix(space + 1);
    }
    return false;
}

bool is_tag(pugi::xml_node n, const char* tag) { return std::strcmp(n.name(), tag) == 0; }

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_heading_tag(pugi::xml_node n) {
    const char* t = n.name();
    return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

// Elements whose boundaries separate words even when the markup has no space.
bool is_block(pugi::xml_node n) {
    static constexpr std::array<const char*, 17> blocks = {"article", "p",  "li", "ol", "ul", "div", "section",
                                                           "header",  "dl", "dt", "dd", "br", "table", "tr",
                                                           "td",      "th", "main"};
    for (const char* b : blocks)
        if (is_tag(n, b)) return true;
    return is_heading_tag(n);
}

// Apparatus that is not statute text: amendment notes and footnotes.
bool is_apparatus(pugi::xml_node n) {
    return has_class(n, "changesToParent") || has_class(n, "footnotes") || has_class(n, "footnote") ||
           has_class(n, "footnotereference") || is_tag(n, "footer");
}

// Text of `n` in document order; with `skip_lists`, ordered lists (the
// points, which are kept separately) are left out.
void gather(pugi::xml_node n, std::string& out, bool skip_lists) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
            continue;
        }
        if (c.type() != pugi::node_element || is_apparatus(c)) continue;
        const bool block = is_block(c);
        if (block) out += ' ';
        if (!(skip_lists && is_tag(c, "ol"))) gather(c, out, skip_lists);
        if (block) out += ' ';
    }
}

// Both texts of `n` in one walk: `full` has everything, `own` (when not
// null) leaves the ordered lists out, as gather with skip_lists does.
void gather_both(pugi::xml_node n, std::string& full, std::string* own) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            full += c.value();
            if (own) *own += c.value();
            continue;
        }
        if (c.type() != pugi::node_element || is_apparatus(c)) continue;
        const bool block = is_block(c);
        if (block) {
            full += ' ';
            if (own) *own += ' ';
        }
        gather_both(c, full, is_tag(c, "ol") ? nullptr : own);
        if (block) {
            full += ' ';
            if (own) *own += ' ';
        }
    }
}

/// A ledd's or point's own text (its lists left out) and its full text,
/// each as text_of gives it.
struct OwnAndFull {
    std::string own, full;
};

OwnAndFull own_and_full_text(pugi::xml_node n) {
    std::string full, own;
    gather_both(n, full, &own);
    return {collapse_whitespace(own), collapse_whitespace(full)};
}

}  // namespace

std::string text_of(pugi::xml_node n, bool skip_lists) {
    std::string raw;
    gather(n, raw, skip_lists);
    return collapse_whitespace(raw);
}

namespace {

// ------------------------------------------------------------------------
// Dates in Lovdata's amendment notes: "(ikr. 1 jan 2012 …", "(i kraft 1 juni 2024 …".

std::optional<unsigned> month_number(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, unsigned>, 16> months = {{
        {"jan", 1}, {"feb", 2}, {"mars", 3}, {"mar", 3}, {"april", 4}, {"apr", 4}, {"mai", 5}, {"juni", 6},
        {"juli", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"okt", 10}, {"nov", 11}, {"des", 12}, {"desember", 12},
    }};
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    for (const auto& [name, number] : months)
        if (word == name) return number;
    return std::nullopt;
}

// "1 jan 2012" at the start of `s`.
std::optional<Date> norwegian_date(std::string_view s) {
    auto next_word = [&s]() {
        while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
        std::size_t n = 0;
        while (n < s.size() && s[n] != ' ' && s[n] != ',' && s[n] != ')') ++n;
        std::string_view w = s.substr(0, n);
        s.remove_prefix(n);
        return w;
    };
    auto to_int = [](std::string_view w) -> std::optional<int> {
        if (w.empty() || w.size() > 4) return std::nullopt;
        int v = 0;
        for (char c : w) {
            if (c < '0' || c > '9') return std::nullopt;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    const auto day = to_int(next_word());
    const auto month = month_number(next_word());
    const auto year = to_int(next_word());
    if (!day || !month || !year || !Date::valid_ymd(*year, *month, static_cast<unsigned>(*day))) return std::nullopt;
    return Date::from_ymd(*year, *month, static_cast<unsigned>(*day));
}

struct InForceNote {
    std::optional<Date> date;
    bool by_the_king = false;  // "i kraft fra den tid Kongen bestemmer"
};

// The first in-force statement of an amendment note, whichever way it is
// written: "Tilføyd ved lov A (i kraft …), endret ved lov B (ikr. …)" is A's date.
InForceNote first_in_force(std::string_view note) {
    InForceNote out;
    std::size_t first = std::string_view::npos;
    std::size_t marker_size = 0;
    for (std::string_view marker : {"(ikr. ", "(i kraft "}) {
        const std::size_t at = note.find(marker);
        if (at < first) {
            first = at;
            marker_size = marker.size();
        }
    }
    if (first == std::string_view::npos) return out;
    const std::string_view rest = note.substr(first + marker_size);
    if (starts_with(rest, "fra den tid") || starts_with(rest, "frå den tid")) out.by_the_king = true;
    else out.date = norwegian_date(rest);
    return out;
}

bool word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) >= 0x80);
}

// "24 juni 2011 nr. 30" at the start of `s`: the act's id ("LOV-2011-06-24-30")
// and the bytes it takes; the number is absent in old acts ("13 juni 1969").
std::optional<std::pair<std::string, std::size_t>> act_reference(std::string_view s, std::string_view prefix) {
    const auto date = norwegian_date(s);
    if (!date) return std::nullopt;
    // norwegian_date reads three words; skip the same three.
    std::size_t at = 0;
    for (int word = 0; word < 3; ++word) {
        while (at < s.size() && s[at] == ' ') ++at;
        while (at < s.size() && s[at] != ' ' && s[at] != ',' && s[at] != ')') ++at;
    }
    std::string id = std::string(prefix) + "-" + date->iso();
    if (s.substr(at, 5) == " nr. ") {
        std::size_t end = at + 5;
        while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
        if (end > at + 5) {
            id += "-" + std::string(s.substr(at + 5, end - at - 5));
            at = end;
        }
    }
    return std::pair{id, at};
}

}  // namespace

std::vector<Amendment> read_amendments(std::string_view note) {
    struct Verb {
        std::string_view word;
        Amendment::Kind kind;
        bool pending;
    };
    using K = Amendment::Kind;
    // Bokmål and nynorsk, past (in the text) and future (adopted, waiting).
    static constexpr Verb verbs[] = {
        {"Vert tilføyd", K::added, true},  {"vert tilføyd", K::added, true},  {"Vert endra", K::changed, true},
        {"vert endra", K::changed, true},  {"Vert oppheva", K::repealed, true}, {"vert oppheva", K::repealed, true},
        {"Tilføyes", K::added, true},      {"tilføyes", K::added, true},      {"Tilføyast", K::added, true},
        {"Endres", K::changed, true},      {"endres", K::changed, true},      {"Endrast", K::changed, true},
        {"Oppheves", K::repealed, true},   {"oppheves", K::repealed, true},   {"Opphevast", K::repealed, true},
        {"Tilføyd", K::added, false},      {"tilføyd", K::added, false},      {"Tilføydd", K::added, false},
        {"tilføydd", K::added, false},     {"Føyd", K::added, false},         {"føyd", K::added, false},
        {"Endret", K::changed, false},     {"endret", K::changed, false},     {"Endra", K::changed, false},
        {"endra", K::changed, false},      {"Opphevet", K::repealed, false},  {"opphevet", K::repealed, false},
        {"Oppheva", K::repealed, false},   {"oppheva", K::repealed, false},   {"Opphevd", K::repealed, false},
    };
    std::vector<Amendment> out;
    std::optional<Verb> verb;
    std::optional<Verb> outer_verb;     // the section's verb, back after "… som endret ved lov B"
    bool amends_the_amendment = false;  // "… som endret ved lov …": a change of the amending act, not of the section
    bool one_amending_act = false;      // "som endret ved lov B" (not "lover"): only B changes the act
    std::string_view prefix = "LOV";
    std::string_view previous_word;
    int depth = 0;
    for (std::size_t i = 0; i < note.size();) {
        const char c = note[i];
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth > 0 || c == '(' || c == ')' || (i > 0 && word_byte(note[i - 1])) || !word_byte(c)) {
            ++i;
            continue;
        }
        const std::string_view rest = note.substr(i);
        bool matched = false;
        for (const Verb& v : verbs) {
            if (!starts_with(rest, v.word) || (rest.size() > v.word.size() && word_byte(rest[v.word.size()]))) continue;
            amends_the_amendment = previous_word == "som";
            if (amends_the_amendment) outer_verb = verb;
            verb = v;
            i += v.word.size();
            matched = true;
            break;
        }
        if (matched) continue;
        std::size_t w = 0;
        while (w < rest.size() && rest[w] != ' ' && rest[w] != ',') ++w;
        const std::string_view word = rest.substr(0, w);
        if (word == "lov" || word == "lover" || word == "lova" || word == "lovene") {
            prefix = "LOV";
            one_amending_act = word == "lov" || word == "lova";
        }
        else if (word.substr(0, 9) == "forskrift" || word == "res.") prefix = "FOR";
        if (verb) {
            if (auto act = act_reference(rest, prefix)) {
                Amendment a;
                a.kind = verb->kind;
                a.pending = verb->pending;
                a.act = act->first;
                std::size_t after = i + act->second;
                while (after < note.size() && note[after] == ' ') ++after;
                if (after < note.size() && note[after] == '(') {
                    const std::size_t close = note.find(')', after);
                    a.in_force = first_in_force(note.substr(after, close == std::string_view::npos ? std::string_view::npos
                                                                                                   : close + 1 - after))
                                     .date;
                }
                if (!amends_the_amendment) {
                    out.push_back(std::move(a));
                } else {
                    // "Endret ved lov A som endret ved lov B (i kraft …)": the date is A's too.
                    if (!out.empty() && !out.back().in_force) out.back().in_force = a.in_force;
                    // "… som endret ved lov B, C (ikr. …)": C changes the section again.
                    if (one_amending_act && outer_verb) {
                        amends_the_amendment = false;
                        verb = outer_verb;
                    }
                }
                i += act->second;
                previous_word = {};
                continue;
            }
        }
        previous_word = word;
        i += std::max<std::size_t>(w, 1);
    }
    return out;
}

namespace {

void read_amendment_note(std::string_view note, Section& s) {
    const auto history = read_amendments(note);
    s.amendments.insert(s.amendments.end(), history.begin(), history.end());
    // Future tense: adopted, not yet in force.
    if (starts_with(note, "Tilføyes") || starts_with(note, "Vert tilføyd") || starts_with(note, "Tilføyast")) {
        s.future = true;
        s.in_force_from = first_in_force(note).date;
        return;
    }
    if (starts_with(note, "Tilføyd") || starts_with(note, "Føyd") || starts_with(note, "Tilføydd")) {
        if (auto d = first_in_force(note).date) s.in_force_from = d;
    } else if ((starts_with(note, "Opphevet") || starts_with(note, "Oppheva")) && s.repealed && !s.repealed_on) {
        s.repealed_on = first_in_force(note).date;
    }
    for (std::string_view pending : {"Endres ved", "Vert endra", "Oppheves ved", "Vert oppheva", "Endrast ved"})
        if (note.find(pending) != std::string_view::npos) s.pending_change = true;
}

bool repealed_marker(std::string_view text) {
    return starts_with(text, "(Opphevet") || starts_with(text, "(Oppheva") || starts_with(text, "(Opphevd");
}

// ------------------------------------------------------------------------

class Importer {
public:
    Importer(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags, const ImportOptions& options)
        : file_(file), sources_(sources), diags_(diags), options_(options) {}

    std::optional<Law> run() {
        const std::string_view content = sources_.file(file_).content();
        if (content.find_first_not_of(" \t\n") == std::string_view::npos) {
            error(whole_file(), "empty file: no Lovdata XML document");
            return std::nullopt;
        }
        pugi::xml_document doc;
        // parse_ws_pcdata keeps the lone spaces between inline elements
        // ("</i> <a"); without it words run together. parse_doctype is not
        // set, so a DOCTYPE (and any entity it declares) is skipped unread.
        const pugi::xml_parse_result result = doc.load_buffer(
            content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
        if (!result) {
            const auto at = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(0, result.offset));
            error(Span::at(file_, at, at + 1), std::string("malformed XML: ") + result.description());
            return std::nullopt;
        }

        const pugi::xml_node html = doc.document_element();
        const pugi::xml_node header = find_descendant(html, [](pugi::xml_node n) {
            return is_tag(n, "dl") && has_class(n, "data-document-key-info");
        });
        const pugi::xml_node body = find_descendant(html, [](pugi::xml_node n) {
            return is_tag(n, "main") && has_class(n, "documentBody");
        });

        Law law;
        law.source = "lovdata";
        if (!read_header(header, html, law)) return std::nullopt;
        if (!body) {
            error(whole_file(), "no main.documentBody element: not a Lovdata law or regulation");
            return std::nullopt;
        }
        read_divisions(body, -1, law);
        return law;
    }

private:
    template <class Pred>
    static pugi::xml_node find_descendant(pugi::xml_node root, Pred pred) {
        for (pugi::xml_node n = root.first_child(); n;) {
            if (n.type() == pugi::node_element && pred(n)) return n;
            if (n.first_child()) { n = n.first_child(); continue; }
            while (n && !n.next_sibling() && n != root) n = n.parent();
            if (!n || n == root) break;
            n = n.next_sibling();
        }
        return {};
    }

    Span whole_file() const { return Span::whole(file_); }
    void error(Span span, std::string message) { diags_.error(kinds::lovdata, span, std::move(message)); }
    void warning(Span span, std::string message) {
        diags_.add(kinds::lovdata, Severity::warning, span, std::move(message));
    }
    Span at(pugi::xml_node n) const {
        // offset_debug() is the element's byte offset in the parsed buffer,
        // which holds the same bytes as the SourceManager's content.
        const auto off = static_cast<std::uint32_t>(n.offset_debug() < 0 ? 0 : n.offset_debug());
        return Span::at(file_, off, off + 1);
    }

    bool read_header(pugi::xml_node dl, pugi::xml_node html, Law& law) {
        if (!dl) {
            error(whole_file(), "no document header (dl.data-document-key-info): not a Lovdata law or regulation");
            return false;
        }
        std::string dokid;
        bool has_in_force = false;
        for (pugi::xml_node dd = dl.child("dd"); dd; dd = dd.next_sibling("dd")) {
            const std::string_view key = dd.attribute("class").as_string();
            if (key == "legacyID") law.id = text_of(dd);
            else if (key == "dokid") dokid = text_of(dd);
            else if (key == "refid") law.refid = text_of(dd);
            else if (key == "title") law.title = text_of(dd);
            else if (key == "titleShort") split_short_title(text_of(dd), law);
            else if (key == "ministry") law.ministry = join_items(dd);
            else if (key == "dateInForce") {
                has_in_force = true;
                law.in_force_text = text_of(dd);
                law.in_force = iso_dates(law.in_force_text);
            } else if (key == "lastChangeInForce") law.last_change_in_force = Date::parse(text_of(dd));
            else if (key == "lastChangedBy") law.last_changed_by = text_of(dd);
            else if (key == "basedOn") law.based_on = links(dd);
            else if (key == "changesToDocuments") law.amends = links(dd);
        }
        if (law.id.empty()) {
            error(at(dl), "the document header has no legacyID (LOV-…/FOR-…): not a Lovdata law or regulation");
            return false;
        }
        if (law.refid.empty() && !dokid.empty()) {
            // "NL/lov/1999-07-02-63" → "lov/1999-07-02-63"
            if (const auto slash = dokid.find('/'); slash != std::string::npos) law.refid = dokid.substr(slash + 1);
        }
        if (law.title.empty()) law.title = text_of(html.child("head").child("title"));
        if (!has_in_force && (starts_with(dokid, "NL/") || starts_with(dokid, "SF/"))) {
            // Consolidated current law without a dateInForce (Grunnloven): it is
            // in force; the date of the act is the best date the file offers.
            if (const auto d = date_in_id(law.id)) {
                law.in_force = {*d};
                diags_.add(kinds::lovdata, Severity::note, at(dl),
                           law.id + " has no dateInForce; assuming in force from the date of the act, " + d->iso());
            }
        }
        return true;
    }

    static void split_short_title(const std::string& s, Law& law) {
        static constexpr std::string_view dash = " \xE2\x80\x93 ";  // " – "
        const std::size_t at = s.rfind(dash);
        if (at == std::string::npos) {
            law.short_title = s;
            return;
        }
        law.short_title = s.substr(0, at);
        law.abbreviation = s.substr(at + dash.size());
    }

    static std::string join_items(pugi::xml_node dd) {
        std::string out;
        for (pugi::xml_node li = dd.child("ul").child("li"); li; li = li.next_sibling("li")) {
            if (!out.empty()) out += "; ";
            out += text_of(li);
        }
        return out.empty() ? text_of(dd) : out;
    }

    // References in a header field: one per list item, the link target when
    // there is one ("lov/2020-05-07-38"), else the item's text (Lovtidend
    // files list plain text).
    static std::vector<std::string> links(pugi::xml_node dd) {
        std::vector<std::string> out;
        if (pugi::xml_node ul = dd.child("ul")) {
            for (pugi::xml_node li = ul.child("li"); li; li = li.next_sibling("li")) {
                const std::size_t before = out.size();
                collect_links(li, out);
                if (out.size() == before)
                    if (std::string t = text_of(li); !t.empty()) out.push_back(std::move(t));
            }
            return out;
        }
        collect_links(dd, out);
        return out;
    }

    static void collect_links(pugi::xml_node n, std::vector<std::string>& out) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (is_tag(c, "a")) {
                if (const char* href = c.attribute("href").as_string(); *href) out.emplace_back(href);
            } else {
                collect_links(c, out);
            }
        }
    }

    static std::vector<Date> iso_dates(std::string_view text) {
        std::vector<Date> out;
        for (std::size_t i = 0; i + 10 <= text.size(); ++i)
            if (auto d = Date::parse(text.substr(i, 10)); d && (i == 0 || text[i - 1] == ' ' || text[i - 1] == ',')) {
                out.push_back(*d);
                i += 9;
            }
        return out;
    }

    static std::optional<Date> date_in_id(std::string_view id) {  // "LOV-1814-05-17" → 1814-05-17
        const std::size_t dash = id.find('-');
        return dash == std::string_view::npos ? std::nullopt : Date::parse(id.substr(dash + 1, 10));
    }

    // ------------------------------------------------------------------
    // The body: divisions (section.section) and sections (legalArticle).

    void read_divisions(pugi::xml_node parent_node, int parent, Law& law) {
        for (pugi::xml_node n = parent_node.first_child(); n; n = n.next_sibling()) {
            if (n.type() != pugi::node_element) continue;
            if (is_tag(n, "section") && has_class(n, "section")) {
                const int index = static_cast<int>(law.divisions.size());
                law.divisions.push_back(make_division(n, parent));
                read_divisions(n, index, law);
            } else if (is_tag(n, "article") && (has_class(n, "legalArticle") || has_class(n, "futureLegalArticle"))) {
                read_section(n, parent, law);
            } else if (is_tag(n, "div")) {
                read_divisions(n, parent, law);
            }
        }
    }

    static Division make_division(pugi::xml_node n, int parent) {
        Division d;
        d.name = n.attribute("data-name").as_string();
        d.parent = parent;
        if (starts_with(d.name, "del")) {
            d.kind = Division::Kind::part;
            d.number = d.name.substr(3);
        } else if (starts_with(d.name, "kap")) {
            d.kind = Division::Kind::chapter;
            d.number = d.name.substr(3);
        } else {
            d.kind = Division::Kind::other;
            d.number = d.name;
        }
        for (pugi::xml_node h = n.first_child(); h; h = h.next_sibling())
            if (h.type() == pugi::node_element && is_heading_tag(h)) {
                d.heading = text_of(h);
                break;
            }
        return d;
    }

    void read_section(pugi::xml_node article, int division, Law& law) {
        const bool future_article = has_class(article, "futureLegalArticle");
        std::string name = article.attribute("data-name").as_string();
        if (name.empty()) {
            const std::string_view url = article.attribute("data-lovdata-URL").as_string();
            if (const auto slash = url.rfind('/'); slash != std::string_view::npos) name = url.substr(slash + 1);
        }
        if (name.empty()) {
            warning(at(article), "a legalArticle without data-name or data-lovdata-URL was skipped");
            return;
        }
        Section s;
        s.url_name = name;
        s.number = normalise_section_number(name);
        s.division = division;
        s.chapter = outermost_chapter(law, division);
        s.future = future_article;
        if (const char* rd = article.attribute("data-repealeddate").as_string(); *rd) {
            s.repealed = true;
            s.repealed_on = Date::parse(rd);
        }

        std::vector<std::string> full_texts;  // for the section hash
        std::vector<pugi::xml_node> notes;
        for (pugi::xml_node c = article.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (has_class(c, "legalArticleHeader")) {
                for (pugi::xml_node span = c.first_child(); span; span = span.next_sibling())
                    if (has_class(span, "legalArticleTitle")) s.heading = text_of(span);
            } else if (has_class(c, "legalP") || has_class(c, "numberedLegalP")) {
                add_ledd(s, c, full_texts);
            } else if (is_tag(c, "ol")) {
                // A list straight under the section (old "1. …, 2. …" style):
                // one ledd whose points are the list items.
                add_list_ledd(s, c, full_texts);
            } else if (has_class(c, "defaultP")) {
                const std::string t = text_of(c);
                if (s.ledd.empty() && repealed_marker(t)) s.repealed = true;
                else if (s.ledd.empty()) add_ledd(s, c, full_texts);
                else append_to_last_ledd(s, t, full_texts);
            } else if (has_class(c, "changesToParent")) {
                notes.push_back(c);
            }
        }
        if (repealed_marker(s.heading)) s.repealed = true;
        for (pugi::xml_node note : notes) read_amendment_note(text_of(note), s);
        // Lovdata shows a section that is yet to come by its heading and note
        // only: its ledd are unknown, not absent.
        if (s.future && s.ledd.empty()) s.ledd_complete = false;
        if (!s.ledd.empty() || !full_texts.empty()) {
            std::string joined;
            for (const auto& t : full_texts) {
                if (!joined.empty()) joined += '\n';
                joined += t;
            }
            s.hash = text_hash(joined);
        }

        if (Section* existing = find_mutable(law, s.number)) {
            if (future_article) {
                existing->pending_change = true;  // a future version of a section in force
                return;
            }
            warning(at(article), "section " + s.number + " appears twice; the first one is kept for lookups");
        }
        section_index_.emplace(section_number_key(s.number), law.sections.size());  // the first one is kept
        law.sections.push_back(std::move(s));
    }

    // An index instead of a scan per section: a file with 100 000 sections
    // would otherwise take minutes.
    Section* find_mutable(Law& law, std::string_view number) const {
        const auto it = section_index_.find(section_number_key(number));
        return it == section_index_.end() ? nullptr : &law.sections[it->second];
    }


    static std::string outermost_chapter(const Law& law, int division) {
        std::string chapter;
        for (int d = division; d >= 0; d = law.divisions[static_cast<std::size_t>(d)].parent)
            if (law.divisions[static_cast<std::size_t>(d)].kind == Division::Kind::chapter)
                chapter = law.divisions[static_cast<std::size_t>(d)].number;
        return chapter;
    }

    void add_ledd(Section& s, pugi::xml_node node, std::vector<std::string>& full_texts) {
        Ledd l;
        l.number = static_cast<int>(s.ledd.size()) + 1;
        OwnAndFull texts = own_and_full_text(node);
        fill_text(l, texts.own);
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && is_tag(c, "ol")) read_points(c, l.points);
        l.hash = text_hash(texts.full);
        full_texts.push_back(std::move(texts.full));
        s.ledd.push_back(std::move(l));
    }

    void add_list_ledd(Section& s, pugi::xml_node ol, std::vector<std::string>& full_texts) {
        Ledd l;
        l.number = static_cast<int>(s.ledd.size()) + 1;
        fill_text(l, std::string());
        read_points(ol, l.points);
        const std::string full = text_of(ol);
        l.hash = text_hash(full);
        full_texts.push_back(full);
        s.ledd.push_back(std::move(l));
    }

    // A paragraph after the last ledd continues it (trossamfunnsloven § 24).
    void append_to_last_ledd(Section& s, const std::string& text, std::vector<std::string>& full_texts) {
        Ledd& l = s.ledd.back();
        full_texts.back() += ' ' + text;
        l.hash = text_hash(full_texts.back());
        auto more = find_age_mentions(text, l.sentences.value_or(0));
        l.sentences = l.sentences.value_or(0) + count_sentences(text);
        l.age_mentions.insert(l.age_mentions.end(), more.begin(), more.end());
        if (options_.keep_text) l.text += (l.text.empty() ? "" : " ") + text;
    }

    template <class T>
    void fill_text(T& item, const std::string& own) {
        item.sentences = count_sentences(own);
        item.age_mentions = find_age_mentions(own);
        if (options_.keep_text) item.text = own;
    }

    void read_points(pugi::xml_node ol, std::vector<Point>& out) {
        int ordinal = 0;
        for (pugi::xml_node li = ol.child("li"); li; li = li.next_sibling("li")) {
            ++ordinal;
            Point p;
            std::string label = li.attribute("data-name").as_string();
            if (label.empty()) label = li.attribute("value").as_string();
            if (label.empty()) label = std::to_string(ordinal);
            while (!label.empty() && (label.back() == '.' || label.back() == ')')) label.pop_back();
            p.label = label;
            const OwnAndFull texts = own_and_full_text(li);
            fill_text(p, texts.own);
            p.hash = text_hash(texts.full);
            // Nested lists sit inside the point's legalP.
            for (pugi::xml_node n = li.first_child(); n;) {
                if (n.type() == pugi::node_element && is_tag(n, "ol")) {
                    read_points(n, p.points);
                } else if (n.first_child() && n.type() == pugi::node_element) {
                    n = n.first_child();
                    continue;
                }
                while (n && !n.next_sibling() && n != li) n = n.parent();
                if (!n || n == li) break;
                n = n.next_sibling();
            }
            out.push_back(std::move(p));
        }
    }

    std::uint32_t file_;
    std::unordered_map<std::string, std::size_t> section_index_;  // section_number_key → index in law.sections
    const text::SourceManager& sources_;
    Diagnostics& diags_;
    const ImportOptions& options_;
};

}  // namespace

std::optional<Law> import_lovdata(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags,
                                  const ImportOptions& options) {
    if (file >= sources.size()) {
        diags.error(kinds::lovdata, Span{}, "no such source file");
        return std::nullopt;
    }
    auto law = Importer(file, sources, diags, options).run();
    // Lovdata files the nynorsk twin of a bokmål text under the same id as
    // "…-nn.xml" and titles it "(nynorsk)": keep it apart from the main text.
    if (law) {
        const std::string& path = sources.file(file).path();
        const bool nn_file = path.size() > 7 && path.compare(path.size() - 7, 7, "-nn.xml") == 0;
        if (nn_file || law->short_title.find("(nynorsk)") != std::string::npos) law->variant = "nn";
    }
    return law;
}

std::optional<Law> import_lovdata(const std::filesystem::path& path, text::SourceManager& sources,
                                  Diagnostics& diags, const ImportOptions& options) {
    const auto file = sources.load(path, diags);
    if (!file) return std::nullopt;
    return import_lovdata(*file, sources, diags, options);
}

std::optional<Law> import_lovdata(const std::filesystem::path& path, Diagnostics& diags) {
    text::SourceManager sources;
    Diagnostics local;
    auto law = import_lovdata(path, sources, local);
    text::detach_positions(sources, local, diags);
    return law;
}

}  // namespace lovsjekk::corpus
