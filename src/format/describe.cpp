// The syntax tree as text without positions: what the formatter must keep.
#include "format/format.hpp"

#include <algorithm>
#include <sstream>
#include <variant>

namespace lovsjekk::format {

namespace {

// Strings are quoted with their length, so that no value can imitate a separator.
void put(std::ostream& out, std::string_view s) { out << s.size() << ':' << s << ' '; }
void put(std::ostream& out, const ast::Identifier& id) { put(out, id.name); }
void put(std::ostream& out, const ast::StringLit& s) { put(out, s.value); }
void put(std::ostream& out, const ast::Text& t) { put(out, t.text); }
void put(std::ostream& out, const ast::Number& n) { put(out, n.digits); }
void put(std::ostream& out, const ast::DateLit& d) { put(out, d.text); }
void put(std::ostream& out, bool b) { out << (b ? "T " : "F "); }

void put(std::ostream& out, const ast::Subdivision& s);
void put(std::ostream& out, const ast::Citation& c);
void put(std::ostream& out, const ast::Statement& s);
void put(std::ostream& out, const ast::AgeBound& b);
void put(std::ostream& out, const ast::AgeExpr& a);
void put(std::ostream& out, const ast::Weight& w);
void put(std::ostream& out, const ast::Condition& c);
void put(std::ostream& out, const ast::RuleRef& r);
void put(std::ostream& out, const ast::Validity& v);
void put(std::ostream& out, const ast::ActorAlias& a);
void put(std::ostream& out, const ast::PlainWording& p);

template <typename T>
void put(std::ostream& out, const std::optional<T>& value) {
    if (!value) {
        out << "- ";
        return;
    }
    out << "+ ";
    put(out, *value);
}

template <typename T>
void put(std::ostream& out, const std::vector<T>& values) {
    out << '[' << values.size() << ' ';
    for (const T& v : values) put(out, v);
    out << "] ";
}

void put(std::ostream& out, const ast::Subdivision& s) {
    out << "sub" << static_cast<int>(s.kind) << ' ' << s.number << ' ';
    put(out, s.letter);
}

void put(std::ostream& out, const ast::Citation& c) {
    out << "cite ";
    put(out, c.jf);
    put(out, c.law);
    put(out, c.part);
    put(out, c.section);
    put(out, c.section_last);
    put(out, c.subdivisions);
}

void put(std::ostream& out, const ast::Statement& s) {
    out << "stmt ";
    put(out, s.actor);
    out << static_cast<int>(s.modality) << ' ';
    put(out, s.action);
}

void put(std::ostream& out, const ast::AgeBound& b) {
    out << "bound" << static_cast<int>(b.wording) << ' ' << static_cast<int>(b.unit) << ' ';
    put(out, b.age);
}

void put(std::ostream& out, const ast::AgeExpr& a) {
    out << "age ";
    put(out, a.regardless);
    put(out, a.lower);
    put(out, a.upper);
    put(out, a.maturity);
    put(out, a.maturity_lowers_floor);
    put(out, a.maturity_text);
}

void put(std::ostream& out, const ast::Weight& w) {
    out << "weight" << static_cast<int>(w.level) << ' ';
    put(out, w.from);
}

void put(std::ostream& out, const ast::Condition& c) {
    out << "cond ";
    put(out, c.discretionary);
    put(out, c.text);
}

void put(std::ostream& out, const ast::RuleRef& r) {
    out << "ref ";
    put(out, r.sector);
    put(out, r.id);
}

void put(std::ostream& out, const ast::Validity& v) {
    out << "valid ";
    put(out, v.from);
    put(out, v.to);
    put(out, v.pending);
}

void put(std::ostream& out, const ast::ActorAlias& a) {
    put(out, a.law);
    put(out, a.word);
    put(out, a.upper);
}

void put(std::ostream& out, const ast::PlainWording& p) {
    out << "plain ";
    put(out, p.lang);
    put(out, p.text);
}

struct DeclarationWriter {
    std::ostream& out;

    void operator()(const ast::SectorDecl& d) const {
        out << "sektor ";
        put(out, d.id);
        put(out, d.name);
        put(out, d.directorate);
    }
    void operator()(const ast::LawDecl& d) const {
        out << "lov ";
        put(out, d.short_name);
        put(out, d.name);
        put(out, d.lovdata_id);
        put(out, d.validity);
    }
    void operator()(const ast::Include& d) const {
        out << "inkluder ";
        put(out, d.path);
    }
    void operator()(const ast::ActorDecl& d) const {
        out << "aktør ";
        put(out, d.id);
        put(out, d.description);
        put(out, d.part_of);
        put(out, d.role);
        put(out, d.aliases);
    }
    void operator()(const ast::TopicDecl& d) const {
        out << "tema ";
        put(out, d.id);
        put(out, d.description);
        put(out, d.group);
        put(out, d.upper);
        put(out, d.expected);
        if (d.names_lead) out << "leder ";
    }
    void operator()(const ast::ReplacementDecl& d) const {
        out << "erstattet ";
        put(out, d.from);
        put(out, d.to);
    }
    void operator()(const ast::ExcludedRow& d) const {
        out << "utelatt ";
        put(out, d.expected);
        put(out, d.row);
        put(out, d.citations);
        put(out, d.reason);
    }
    void operator()(const ast::Rule& r) const {
        out << "regel ";
        put(out, r.id);
        put(out, r.title);
        put(out, r.sources);
        put(out, r.topics);
        put(out, r.statements);
        put(out, r.counterparts);
        put(out, r.ages);
        put(out, r.weights);
        put(out, r.conditions);
        put(out, r.exceptions);
        put(out, r.validity);
        put(out, r.uncertain);
        put(out, r.derived);
        put(out, r.remarks);
        put(out, r.worksheet_rows);
        put(out, r.performers);
        put(out, r.plain);
    }
};

}  // namespace

std::string describe(const ast::File& file) {
    std::vector<std::string> lines;
    std::vector<bool> is_include;
    for (const ast::Declaration& d : file.declarations) {
        std::ostringstream line;
        std::visit(DeclarationWriter{line}, d.value);
        lines.push_back(line.str());
        is_include.push_back(std::holds_alternative<ast::Include>(d.value));
    }
    // The formatter sorts consecutive includes; their order means nothing.
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t j = i;
        while (j < lines.size() && is_include[j]) ++j;
        std::sort(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.begin() + static_cast<std::ptrdiff_t>(j));
        i = j == i ? i + 1 : j;
    }
    std::string out;
    for (const std::string& line : lines) out += line + '\n';
    return out;
}

}  // namespace lovsjekk::format
