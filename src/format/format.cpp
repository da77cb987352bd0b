#include "format/format.hpp"

#include "base/kinds.hpp"
#include "parse/parser.hpp"
#include "text/render.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <variant>

namespace lovsjekk::format {

namespace {

/// Width of the widest field keyword ("faktaark") plus one space: the column
/// where a field's content starts, relative to the field's indentation.
constexpr std::size_t field_column = 9;
constexpr std::size_t body_indent = 2;
constexpr std::size_t continuation_indent = 2;

/// A token as the layout sees it. Gaps between tokens are what the
/// formatter may change; a token's bytes never change.
struct Token {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    enum class Kind : std::uint8_t { code, string, text, comment } kind = Kind::code;
};

struct Line {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;  ///< before the '\n'
    std::vector<Token> tokens;
};

/// Characters as a monospace editor counts them (code points; the text is NFC).
std::size_t width(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

/// White space between tokens, as the grammar skips it (line ends aside).
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

/// Splits the text into lines of tokens. Strings and comments cannot cross a
/// line end; free text to the end of a line (`verbatim`, from the syntax tree)
/// is one token, whatever it contains.
std::vector<Line> tokenise(std::string_view text, const std::map<std::uint32_t, std::uint32_t>& verbatim) {
    std::vector<Line> lines;
    std::uint32_t start = 0;
    const auto size = static_cast<std::uint32_t>(text.size());
    while (start <= size) {
        std::uint32_t end = start;
        while (end < size && text[end] != '\n') ++end;
        Line line{start, end, {}};
        std::uint32_t i = start;
        while (i < end) {
            const char c = text[i];
            const auto v = verbatim.find(i);  // free text may start with any blank the grammar does not skip
            if (v == verbatim.end() && is_blank(c)) {
                ++i;
                continue;
            }
            Token t{i, i, Token::Kind::code};
            if (v != verbatim.end() && v->second > i) {
                t.kind = Token::Kind::text;
                t.end = std::min(v->second, end);
            } else if (c == '#') {
                t.kind = Token::Kind::comment;
                t.end = end;
                // A comment keeps its own bytes but not trailing blanks.
                while (t.end > t.begin + 1 && is_blank(text[t.end - 1])) --t.end;
            } else if (c == '"') {
                t.kind = Token::Kind::string;
                std::uint32_t j = i + 1;
                while (j < end && text[j] != '"') j += (text[j] == '\\' && j + 1 < end) ? 2 : 1;
                t.end = std::min(j + 1, end);
            } else {
                std::uint32_t j = i;
                while (j < end && !is_blank(text[j]) && text[j] != '"' && text[j] != '#' && !verbatim.contains(j))
                    ++j;
                t.end = j;
            }
            line.tokens.push_back(t);
            i = t.end;
        }
        lines.push_back(std::move(line));
        if (end == size) break;
        start = end + 1;
    }
    // A final line end leaves an empty last line: it is not a line of the file.
    if (!lines.empty() && lines.back().begin == size && !text.empty()) lines.pop_back();
    return lines;
}

/// What the syntax tree tells the layout about one declaration.
struct DeclInfo {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool is_rule = false;
    bool is_include = false;
    int kind = -1;  ///< index into ast::DeclarationValue
    std::string include_path;
    std::uint32_t body_open = 0;   ///< the rule's '{'
    std::uint32_t body_close = 0;  ///< the rule's '}'
};

/// Everything the layout needs from the syntax tree.
struct Shape {
    std::vector<DeclInfo> decls;                      ///< in source order
    std::map<std::uint32_t, std::uint32_t> verbatim;  ///< free text: begin → end
    std::set<std::uint32_t> field_starts;             ///< offsets of field keywords and statement actors
    /// A list element continuing a list after a comma → the list's first element.
    std::map<std::uint32_t, std::uint32_t> list_first;
};

/// Code tokens in source order, to find the token before a node.
struct TokenIndex {
    std::vector<Token> code;  ///< no comments
    std::string_view text;

    /// The index of the token starting exactly at `offset`, if any.
    std::optional<std::size_t> at(std::uint32_t offset) const {
        auto it = std::lower_bound(code.begin(), code.end(), offset,
                                   [](const Token& t, std::uint32_t o) { return t.begin < o; });
        if (it == code.end() || it->begin != offset) return std::nullopt;
        return static_cast<std::size_t>(it - code.begin());
    }
    std::string_view word(std::size_t i) const { return text.substr(code[i].begin, code[i].end - code[i].begin); }
};

/// No list has begun yet (offsets of real nodes are smaller).
constexpr std::uint32_t no_list = 0xFFFFFFFFu;

template <typename Node>
void mark_field(const TokenIndex& index, const std::vector<Node>& nodes, Shape& shape, bool is_list) {
    std::uint32_t first = no_list;
    for (const Node& node : nodes) {
        const auto i = index.at(node.begin);
        if (!i || *i == 0) {
            first = no_list;
            continue;
        }
        const std::string_view before = index.word(*i - 1);
        if (is_list && !before.empty() && before.back() == ',' && first != no_list) {
            shape.list_first[node.begin] = first;
            continue;
        }
        first = node.begin;
        std::size_t keyword = *i - 1;
        if (before == "fra" && keyword > 0 && index.word(keyword - 1) == "unntak") --keyword;
        shape.field_starts.insert(index.code[keyword].begin);
    }
}

template <typename Node>
void mark_list(const TokenIndex& index, const std::vector<Node>& nodes, Shape& shape) {
    std::uint32_t first = no_list;
    for (const Node& node : nodes) {
        const auto i = index.at(node.begin);
        if (i && *i > 0 && first != no_list) {
            const std::string_view before = index.word(*i - 1);
            if (!before.empty() && before.back() == ',') {
                shape.list_first[node.begin] = first;
                continue;
            }
        }
        first = node.begin;
    }
}

Shape shape_of(const ast::File& file, std::string_view text) {
    Shape shape;
    for (const ast::Declaration& d : file.declarations) {
        if (const auto* rule = std::get_if<ast::Rule>(&d.value)) {
            for (const auto& s : rule->statements) shape.verbatim[s.action.begin] = s.action.end;
            for (const auto& a : rule->ages)
                if (a.maturity) shape.verbatim[a.maturity_text.begin] = a.maturity_text.end;
        }
    }
    // Empty free text has no token to protect.
    std::erase_if(shape.verbatim, [](const auto& v) { return v.second <= v.first; });

    TokenIndex index{{}, text};
    for (const Line& line : tokenise(text, shape.verbatim))
        for (const Token& t : line.tokens)
            if (t.kind != Token::Kind::comment) index.code.push_back(t);

    for (const ast::Declaration& d : file.declarations) {
        DeclInfo info;
        info.begin = d.begin;
        info.end = d.end;
        info.kind = static_cast<int>(d.value.index());
        if (const auto* rule = std::get_if<ast::Rule>(&d.value)) {
            info.is_rule = true;
            // The '{' follows the header after blanks and comments only.
            std::size_t open = rule->title ? rule->title->end : rule->id.end;
            while (open < text.size() && text[open] != '{') {
                if (text[open] == '#') open = std::min(text.find('\n', open), text.size());
                else ++open;
            }
            info.body_open = static_cast<std::uint32_t>(open);
            info.body_close = d.end > 0 ? d.end - 1 : d.end;
            for (const auto& s : rule->statements) shape.field_starts.insert(s.begin);
            mark_field(index, rule->sources, shape, true);
            mark_field(index, rule->topics, shape, false);
            mark_field(index, rule->counterparts, shape, true);
            mark_field(index, rule->ages, shape, false);
            mark_field(index, rule->weights, shape, false);
            mark_field(index, rule->conditions, shape, false);
            mark_field(index, rule->exceptions, shape, true);
            mark_field(index, rule->validity, shape, false);
            mark_field(index, rule->uncertain, shape, false);
            mark_field(index, rule->derived, shape, false);
            mark_field(index, rule->remarks, shape, false);
            mark_field(index, rule->worksheet_rows, shape, true);
            mark_field(index, rule->performers, shape, false);
            mark_field(index, rule->plain, shape, false);
        } else if (const auto* include = std::get_if<ast::Include>(&d.value)) {
            info.is_include = true;
            info.include_path = include->path.value;
        } else if (const auto* actor = std::get_if<ast::ActorDecl>(&d.value)) {
            mark_list(index, actor->aliases, shape);
        } else if (const auto* replacement = std::get_if<ast::ReplacementDecl>(&d.value)) {
            mark_list(index, replacement->to, shape);
        } else if (const auto* excluded = std::get_if<ast::ExcludedRow>(&d.value)) {
            mark_list(index, excluded->citations, shape);
        }
        shape.decls.push_back(std::move(info));
    }
    return shape;
}

enum class Role : std::uint8_t { blank, comment, declaration, rule_start, rule_end, field, continuation };

struct OutLine {
    std::string text;
    Role role = Role::blank;
    int decl = -1;             ///< index into Shape::decls, -1 outside any declaration
    bool inside_body = false;  ///< between a rule's '{' and '}'
    bool single_include = false;
    bool ends_rule = false;  ///< the line holds a rule's closing '}'
    int kind = -1;           ///< for a line that opens a declaration: which kind (variant index)
};

/// True when the blanks before `token` must stay as written: a section
/// number's letter ("§ 2-1 c") is part of the number only after one space.
bool keep_gap(std::string_view token, std::string_view previous, std::string_view before_previous) {
    const bool letter = token.size() == 1 && token[0] >= 'a' && token[0] <= 'z';
    const bool after_number = !previous.empty() && previous.back() >= '0' && previous.back() <= '9';
    const bool in_citation = before_previous == "§" || before_previous == "§§" || before_previous == "til";
    return letter && after_number && in_citation;
}

class Layout {
public:
    Layout(std::string_view text, const Shape& shape) : text_(text), shape_(shape) {}

    std::vector<OutLine> run() {
        std::vector<OutLine> out;
        for (const Line& line : tokenise(text_, shape_.verbatim)) out.push_back(lay_out(line));
        return out;
    }

private:
    std::string_view text_;
    const Shape& shape_;
    std::map<std::uint32_t, std::size_t> column_of_;  ///< output column of each token laid out so far

    int decl_at(std::uint32_t offset) const {
        auto it = std::upper_bound(shape_.decls.begin(), shape_.decls.end(), offset,
                                   [](std::uint32_t o, const DeclInfo& d) { return o < d.begin; });
        if (it == shape_.decls.begin()) return -1;
        --it;
        return offset < it->end ? static_cast<int>(it - shape_.decls.begin()) : -1;
    }

    std::string_view bytes(const Token& t) const { return text_.substr(t.begin, t.end - t.begin); }

    std::size_t continuation_column(std::uint32_t first_token, std::size_t fallback) const {
        if (auto list = shape_.list_first.find(first_token); list != shape_.list_first.end())
            if (auto column = column_of_.find(list->second); column != column_of_.end()) return column->second;
        return fallback;
    }

    OutLine lay_out(const Line& line) {
        OutLine out;
        if (line.tokens.empty()) return out;
        const Token& first = line.tokens.front();
        out.decl = decl_at(first.begin);
        const DeclInfo* decl = out.decl >= 0 ? &shape_.decls[static_cast<std::size_t>(out.decl)] : nullptr;
        out.inside_body = decl && decl->is_rule && first.begin > decl->body_open && first.begin < decl->body_close;

        std::size_t indent = 0;
        bool align_first = false;
        if (first.kind == Token::Kind::comment) {
            out.role = Role::comment;
            indent = decl ? (out.inside_body ? body_indent : continuation_indent) : 0;
        } else if (decl && first.begin == decl->begin) {
            out.role = decl->is_rule ? Role::rule_start : Role::declaration;
            out.single_include = decl->is_include && decl->end <= line.end;
            out.kind = decl->kind;
        } else if (decl && decl->is_rule && first.begin == decl->body_close) {
            out.role = Role::rule_end;
        } else if (out.inside_body && shape_.field_starts.contains(first.begin)) {
            out.role = Role::field;
            indent = body_indent;
            align_first = true;
        } else {
            out.role = Role::continuation;
            indent = continuation_column(first.begin,
                                         out.inside_body ? body_indent + field_column : continuation_indent);
        }

        out.ends_rule = decl && decl->is_rule && decl->body_close >= line.begin && decl->body_close < line.end &&
                        out.role != Role::comment;
        std::string& s = out.text;
        s.assign(indent, ' ');
        std::size_t column = indent;
        for (std::size_t k = 0; k < line.tokens.size(); ++k) {
            const Token& t = line.tokens[k];
            if (k > 0) {
                const Token& previous = line.tokens[k - 1];
                const std::string_view written = text_.substr(previous.end, t.begin - previous.end);
                std::string gap;
                if (written.empty()) {
                    // Tokens that touch in the source touch in the output ("skal," starts free text at ',').
                } else if (k == 1 && align_first && t.kind != Token::Kind::comment) {
                    const std::size_t used = column - indent;
                    gap.assign(used < field_column ? field_column - used : 1, ' ');
                } else if (t.kind == Token::Kind::text ||
                           keep_gap(bytes(t), bytes(previous), k >= 2 ? bytes(line.tokens[k - 2]) : std::string_view())) {
                    // Blanks that decide the parse stay as written: "skal  ikke" (two
                    // spaces) is the duty "skal" with the text "ikke …", not "skal ikke".
                    gap = written;
                } else {
                    gap = " ";
                }
                s += gap;
                column += width(gap);
            }
            column_of_[t.begin] = column;
            s.append(bytes(t));
            column += width(bytes(t));
        }
        return out;
    }
};

/// Sorts each run of consecutive one-line includes by path.
void sort_includes(std::vector<OutLine>& lines, const Shape& shape) {
    for (std::size_t i = 0; i < lines.size();) {
        if (!lines[i].single_include) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < lines.size() && lines[j].single_include) ++j;
        std::stable_sort(lines.begin() + static_cast<std::ptrdiff_t>(i), lines.begin() + static_cast<std::ptrdiff_t>(j),
                         [&](const OutLine& a, const OutLine& b) {
                             return shape.decls[static_cast<std::size_t>(a.decl)].include_path <
                                    shape.decls[static_cast<std::size_t>(b.decl)].include_path;
                         });
        i = j;
    }
}

/// Blank lines: none at the start, the end or inside a rule; runs collapse to
/// one; a rule, and a declaration of another kind than the one before it,
/// stands after a blank line (with the comment lines directly above it);
/// declarations of one kind may stand together (the list of laws).
std::vector<OutLine> space_out(std::vector<OutLine> lines) {
    std::vector<OutLine> kept;
    bool in_body = false;
    for (OutLine& line : lines) {
        if (line.role == Role::blank && (kept.empty() || kept.back().role == Role::blank || in_body)) continue;
        if (line.role == Role::rule_start) in_body = true;
        if (line.ends_rule) in_body = false;
        kept.push_back(std::move(line));
    }
    std::vector<OutLine> out;
    int last_kind = -1;
    for (OutLine& line : kept) {
        if (line.role == Role::declaration || line.role == Role::rule_start) {
            if (line.role == Role::rule_start || (last_kind >= 0 && line.kind != last_kind)) {
                // Walk up over the comments attached to the declaration.
                std::size_t top = out.size();
                while (top > 0 && out[top - 1].role == Role::comment && out[top - 1].decl < 0) --top;
                if (top > 0 && out[top - 1].role != Role::blank)
                    out.insert(out.begin() + static_cast<std::ptrdiff_t>(top), OutLine{});
            }
            last_kind = line.role == Role::rule_start ? -2 : line.kind;  // after a rule, always a blank
        }
        if (!out.empty() && out.back().ends_rule && line.role != Role::blank && out.back().decl != line.decl)
            out.push_back(OutLine{});
        out.push_back(std::move(line));
    }
    while (!out.empty() && out.back().role == Role::blank) out.pop_back();
    return out;
}

std::string lay_out(std::string_view text, const ast::File& file) {
    const Shape shape = shape_of(file, text);
    std::vector<OutLine> lines = Layout(text, shape).run();
    sort_includes(lines, shape);
    lines = space_out(std::move(lines));
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const OutLine& line : lines) {
        out += line.text;
        out += '\n';
    }
    return out;
}

/// An error that leaves no file to lay out (the kinds that stop the checks).
bool is_syntax_error(const Diagnostic& d) {
    const KindInfo* kind = find_kind(d.kind);
    return d.severity == Severity::error && kind && kind->stops_checks;
}

}  // namespace

std::optional<std::string> format_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags) {
    Diagnostics parsed_diags;
    const ast::File file = parse::parse_file(sources, file_id, parsed_diags);
    const bool broken = std::any_of(parsed_diags.all().begin(), parsed_diags.all().end(), is_syntax_error);
    diags.append(parsed_diags);
    if (broken) return std::nullopt;
    const std::string_view text = sources.file(file_id).content();
    // Nothing but blanks the parser skips: there is nothing to lay out.
    if (file.declarations.empty() && text.find('#') == std::string_view::npos) return std::string(text);
    std::string formatted = lay_out(text, file);

    // The formatter's promise, checked every time: the result parses to the same tree.
    text::SourceManager check_sources;
    Diagnostics check_diags;
    const ast::File again = parse::parse_string(check_sources, sources.file(file_id).path(), formatted, check_diags);
    if (check_diags.has_errors() || describe(again) != describe(file)) {
        diags.error(kinds::format, Span::whole(file_id),
                    "formatting would change what this file means; it was left as it is (please report this)");
        return std::nullopt;
    }
    return formatted;
}

std::optional<std::string> format_text(std::string display_path, std::string text, Diagnostics& diags) {
    text::SourceManager sources;
    auto id = sources.add(std::move(display_path), std::move(text), diags);
    if (!id) return std::nullopt;
    Diagnostics format_diags;
    auto result = format_file(sources, *id, format_diags);
    // The caller's diagnostics cannot point into this private SourceManager.
    text::detach_positions(sources, format_diags, diags);
    return result;
}

}  // namespace lovsjekk::format
