// The Spirit X3 grammar of the .regel language (see regel.ebnf, which this
// implements). Included only by the instantiating translation units.
//
// Attributes are filled by small semantic actions (assign, append, set)
// rather than by X3's attribute propagation: the AST has many optional and
// repeated fields, and explicit actions keep it predictable.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/config.hpp"
#include "grammar/grammar.hpp"
#include "grammar/keywords.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

// "expected …" names: an action or a sequence is named by what it starts
// with, so that `> rule[action]` reports the rule's readable name rather
// than a mangled C++ type.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <typename Left, typename Right>
struct get_info<sequence<Left, Right>> {
    using result_type = std::string;
    std::string operator()(sequence<Left, Right> const& p) const { return what(p.left); }
};
}  // namespace boost::spirit::x3

namespace lovsjekk::grammar {

////////////////////////////////////////////////////////////////////////////
// Spans. X3's on_success does not see the attribute of a rule whose
// definition has semantic actions, so nodes are located by wrapping the
// definition in raw[] and storing the matched range's byte offsets.

/// The end of a matched range without the white space and comments that a
/// failed optional at its end has skipped over. Skipping always ends after
/// white space (a comment runs to the end of its line, and the line break is
/// skipped with it) or at the end of the input, so a range that ends in
/// neither has nothing to trim.
inline const char* trim_skipped(const char* begin, const char* end, const char* input_end) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
    if (end == begin || (end != input_end && !blank(end[-1]))) return end;
    for (;;) {
        while (end > begin && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')) --end;
        const void* newline = memrchr(begin, '\n', static_cast<std::size_t>(end - begin));
        const char* line = newline ? static_cast<const char*>(newline) + 1 : begin;
        if (!std::memchr(line, '#', static_cast<std::size_t>(end - line))) return end;
        bool in_string = false;
        const char* comment = nullptr;
        for (const char* p = line; p < end; ++p) {
            if (*p == '"') in_string = !in_string;
            else if (*p == '#' && !in_string) { comment = p; break; }
        }
        if (!comment || comment == begin) return end;
        end = comment;
    }
}

template <typename Context, typename Range>
void store_span(Context& ctx, Range const& range) {
    const ParseState& state = x3::get<parse_state_tag>(ctx).get();
    x3::_val(ctx).begin = static_cast<std::uint32_t>(range.begin() - state.base);
    x3::_val(ctx).end = static_cast<std::uint32_t>(
        trim_skipped(&*range.begin(), &*range.begin() + (range.end() - range.begin()), state.end) - state.base);
}

struct set_span_t {
    template <typename Context>
    void operator()(Context& ctx) const { store_span(ctx, x3::_attr(ctx)); }
};

/// The parser `p`, recording the span it matched in the rule's ast::Located attribute.
template <typename Parser>
auto located(Parser const& p) { return x3::raw[p][set_span_t{}]; }

////////////////////////////////////////////////////////////////////////////
// Semantic actions

template <auto Member>
struct assign_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).*Member = std::move(x3::_attr(ctx)); }
};
template <auto Member> inline constexpr assign_t<Member> assign{};

template <auto Member>
struct append_t {
    template <typename Context>
    void operator()(Context& ctx) const { (x3::_val(ctx).*Member).push_back(std::move(x3::_attr(ctx))); }
};
template <auto Member> inline constexpr append_t<Member> append{};

/// Moves the named members of a sub-rule's attribute into the enclosing
/// rule's (a sub-rule of its own names its failures, and leaves nothing
/// half-assigned when it fails).
template <auto... Members>
struct take_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& into = x3::_val(ctx);
        auto& from = x3::_attr(ctx);
        ((into.*Members = std::move(from.*Members)), ...);
    }
};
template <auto... Members> inline constexpr take_t<Members...> take{};

template <auto Member, auto Value>
struct set_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).*Member = Value; }
};
template <auto Member, auto Value> inline constexpr set_t<Member, Value> set{};

/// Stores the matched text (an iterator range from raw[]) into a string member.
template <auto Member>
struct matched_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto const& range = x3::_attr(ctx);
        x3::_val(ctx).*Member = std::string(range.begin(), range.end());
        store_span(ctx, range);
    }
};
template <auto Member> inline constexpr matched_t<Member> matched{};

/// Stores one declaration of any kind into the Declaration variant.
struct set_declaration_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).value = std::move(x3::_attr(ctx)); }
};
inline constexpr set_declaration_t set_declaration{};

/// An age bound: the number parsed, with the wording that introduced it.
template <ast::AgeWording Wording>
struct bound_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& bound = x3::_val(ctx);
        auto& parsed = x3::_attr(ctx);
        bound.wording = Wording;
        // A birthday bound parses its number and unit; a year bound its number.
        if constexpr (std::is_same_v<std::decay_t<decltype(parsed)>, ast::Number>) {
            bound.age = std::move(parsed);
        } else {
            bound.age = std::move(boost::fusion::at_c<0>(parsed));
            bound.unit = boost::fusion::at_c<1>(parsed);
        }
    }
};
template <ast::AgeWording Wording> inline constexpr bound_t<Wording> bound{};

////////////////////////////////////////////////////////////////////////////
// Identifier characters, classified by ICU (XID_Start / XID_Continue), so
// that æ, ø, å and other letters work and § or « » never count as letters.

/// Passes one identifier character at `first` (a start character when
/// `start`): ASCII letters (and digits after the start), or XID_Start / XID_Continue.
inline bool pass_identifier_char(const char*& first, const char* last, bool start) {
    if (first == last) return false;
    const auto lead = static_cast<unsigned char>(*first);
    if (lead < 0x80) {
        const bool letter = (lead >= 'a' && lead <= 'z') || (lead >= 'A' && lead <= 'Z');
        const bool digit = lead >= '0' && lead <= '9';
        if (letter || (!start && digit)) {
            ++first;
            return true;
        }
        return false;
    }
    const auto* bytes = reinterpret_cast<const uint8_t*>(first);
    const auto available = static_cast<int32_t>(std::min<std::ptrdiff_t>(last - first, 4));
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(bytes, i, available, c);
    if (c < 0 || !u_hasBinaryProperty(c, start ? UCHAR_XID_START : UCHAR_XID_CONTINUE)) return false;
    first += i;
    return true;
}

struct identifier_char_parser : x3::parser<identifier_char_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    bool start = false;
    constexpr explicit identifier_char_parser(bool is_start) : start(is_start) {}

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        return pass_identifier_char(first, last, start);
    }
};

inline constexpr identifier_char_parser id_start{true};
inline constexpr identifier_char_parser id_continue{false};

// '-', '_' and '.' join identifier parts ("helse-kommune", "samtykke.helsehjelp")
// but never end one, so "jf." and "nr." stay keywords with a full stop.
inline auto const id_more = id_continue | ((x3::lit('-') | '_' | '.') >> id_continue);

/// A whole identifier, `lexeme[id_start >> *id_more]`, in one loop rather
/// than a parser call per character.
struct identifier_word_parser : x3::parser<identifier_word_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
        x3::skip_over(first, last, context);
        Iterator it = first;
        if (!pass_identifier_char(it, last, true)) return false;
        for (;;) {
            while (it != last && ((*it >= 'a' && *it <= 'z') || (*it >= 'A' && *it <= 'Z') || (*it >= '0' && *it <= '9'))) ++it;
            if (pass_identifier_char(it, last, false)) continue;
            Iterator joined = it;
            if (joined != last && (*joined == '-' || *joined == '_' || *joined == '.') &&
                pass_identifier_char(++joined, last, false)) {
                it = joined;
                continue;
            }
            break;
        }
        first = it;
        return true;
    }
};
inline constexpr identifier_word_parser identifier_word{};

/// A keyword: the exact word, not the start of a longer identifier.
inline auto kw(char const* word) { return x3::lexeme[x3::lit(word) >> !id_more]; }

/// Gives a parser a readable name for "expected …" messages (X3 names
/// anything else by its mangled C++ type).
struct named_class;
template <typename Parser>
auto named(char const* name, Parser const& parser) {
    return x3::rule<named_class>{name} = parser;
}
#define LOVSJEKK_KW(word) named("'" word "'", kw(word))

////////////////////////////////////////////////////////////////////////////
// Rule IDs

struct identifier_class {};
struct string_class {};
struct number_class {};
struct date_class {};
struct text_class {};
struct section_class {};
struct subdivision_class {};
struct citation_class {};
struct section_ref_class {};
struct article_number_class {};
struct statement_class {};
struct modality_class {};
struct lower_bound_class {};
struct upper_bound_class {};
struct age_unit_class {};
struct age_class {};
struct maturity_clause_class {};
struct weight_class {};
struct weight_level_class {};
struct condition_class {};
struct plain_wording_class {};
struct plain_lang_class {};
struct excluded_what_class {};
struct rule_ref_class {};
struct sector_prefix_class {};
struct validity_class {};
struct rule_class {};
struct sector_class {};
struct law_class {};
struct lovdata_id_class {};
struct include_class {};
struct alias_class {};
struct actor_class {};
struct topic_class {};
struct replacement_class {};
struct excluded_class {};
struct declaration_class {};
struct string_body_class {};
struct letter_class {};
struct body_end_class {};
struct string_end_class {};

////////////////////////////////////////////////////////////////////////////
// Rules (their names appear in messages: "expected NAME")

x3::rule<identifier_class, ast::Identifier> const identifier = "an identifier";
x3::rule<string_class, ast::StringLit> const string_lit = "a text in double quotes";
x3::rule<string_body_class, std::string> const string_body = "a text in double quotes";
x3::rule<string_end_class> const string_end = "a closing '\"' before the end of the line";
x3::rule<number_class, ast::Number> const number = "a whole number";
x3::rule<date_class, ast::DateLit> const date = "a date (YYYY-MM-DD)";
x3::rule<text_class, ast::Text> const text_to_eol = "text to the end of the line";
x3::rule<section_class, ast::Text> const section = "a section number (such as 4-3 or 2-1 c)";
x3::rule<letter_class, std::string> const letter = "a letter (a, b, c …)";
x3::rule<subdivision_class, ast::Subdivision> const subdivision = "a ledd, punktum, bokstav or nr.";
x3::rule<section_ref_class, ast::Citation> const section_ref = "'§' and a section number, or an article (such as gdpr art. 8)";
x3::rule<article_number_class, ast::Text> const article_number = "an article number (such as 8)";
citation_type const citation_rule = "a citation (such as pbrl § 4-3 første ledd)";
x3::rule<modality_class, ast::Modality> const modality =
    "a modality (har rett til, har plikt til, skal, kan, skal ikke, kan ikke, bestemmer …)";
x3::rule<statement_class, ast::Statement> const statement = "an actor and what it may or must do";
x3::rule<lower_bound_class, ast::AgeBound> const lower_bound = "a lower age bound";
x3::rule<upper_bound_class, ast::AgeBound> const upper_bound = "an upper age bound";
x3::rule<age_unit_class, ast::AgeUnit> const age_unit = "an age unit ('år', 'måneder' or 'dager')";
x3::rule<maturity_clause_class, ast::AgeExpr> const maturity_clause = "'og yngre når' or 'når'";
x3::rule<age_class, ast::AgeExpr> const age =
    "an age (fra N år, fylt N år, over N år, under N år, fra året N, når …, uansett)";
x3::rule<weight_level_class, ast::Weight> const weight_level =
    "a weight (stor vekt, avgjørende vekt, etter alder og modenhet)";
x3::rule<weight_class, ast::Weight> const weight = "a weight";
x3::rule<condition_class, ast::Condition> const condition =
    "a condition (skjønn, modenhet or a text in double quotes)";
x3::rule<plain_wording_class, ast::PlainWording> const plain_wording = "a language (nb, nn or en) and a sentence in double quotes";
x3::rule<plain_lang_class, ast::Identifier> const plain_lang = "a language: nb, nn or en";
// A rule of its own, so that a failed "sektor/" never leaves a half-assigned sector.
x3::rule<sector_prefix_class, ast::Identifier> const sector_prefix = "a sector and '/'";
x3::rule<rule_ref_class, ast::RuleRef> const rule_ref = "a rule id (id or sektor/id)";
x3::rule<validity_class, ast::Validity> const validity =
    "a validity (fra DATE, fra DATE til DATE, til DATE, når Kongen bestemmer)";
x3::rule<body_end_class> const body_end =
    "a field (kilde, tema, alder, vekt, vilkår, unntak, gjelder, overfor, …) or '}'";
x3::rule<rule_class, ast::Rule> const rule_decl = "a rule";
x3::rule<sector_class, ast::SectorDecl> const sector_decl = "a sector declaration";
x3::rule<lovdata_id_class, ast::Text> const lovdata_id = "a Lovdata id (such as LOV-1999-07-02-63)";
x3::rule<law_class, ast::LawDecl> const law_decl = "a law declaration";
x3::rule<include_class, ast::Include> const include_decl = "an include";
x3::rule<alias_class, ast::ActorAlias> const alias = "a law's short name and its word for the actor";
x3::rule<actor_class, ast::ActorDecl> const actor_decl = "an actor declaration";
x3::rule<topic_class, ast::TopicDecl> const topic_decl = "a topic declaration";
x3::rule<replacement_class, ast::ReplacementDecl> const replacement_decl = "a replacement";
x3::rule<excluded_class, ast::ExcludedRow> const excluded_decl = "an exclusion (utelatt)";
// What an `utelatt` leaves out, in a rule of its own so that a failure names it.
x3::rule<excluded_what_class, ast::ExcludedRow> const excluded_what =
    "a worksheet row in double quotes, a citation, or 'forventet' and an expectation";
declaration_type const declaration_rule = "a declaration (sektor, lov, aktør, tema, regel, …)";

////////////////////////////////////////////////////////////////////////////
// Tokens

using x3::lexeme;
using x3::lit;
using x3::raw;

auto const digit = x3::ascii::digit;
auto const ascii_lower = x3::ascii::lower;
auto const ascii_alpha = x3::ascii::alpha;

auto const identifier_def = raw[lexeme[identifier_word]][matched<&ast::Identifier::name>];

/// A quoted text's characters up to its closing quote, the end of the line
/// or a backslash that escapes neither '"' nor '\\' (where the closing quote
/// is then expected), with the two escapes resolved. What `*(('\\' >> char_("\"\\"))
/// | (char_ - '"' - '\\' - eol))` matches, copied a run at a time rather than
/// a character at a time.
struct string_chars_parser : x3::parser<string_chars_parser> {
    using attribute_type = std::string;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute& attr) const {
        x3::skip_over(first, last, context);
        std::string value;
        Iterator it = first;
        Iterator run = it;
        while (it != last) {
            const char c = *it;
            if (c == '"' || c == '\n' || c == '\r') break;
            if (c == '\\') {
                if (it + 1 == last || (it[1] != '"' && it[1] != '\\')) break;
                value.append(run, it);
                value += it[1];
                it += 2;
                run = it;
                continue;
            }
            ++it;
        }
        value.append(run, it);
        first = it;
        x3::traits::move_to(std::move(value), attr);
        return true;
    }
};
auto const string_end_def = lit('"');
auto const string_body_def = lexeme[('"' >> string_chars_parser{}) > string_end];
auto const string_lit_def = located(
    string_body[assign<&ast::StringLit::value>]);

auto const number_def = raw[lexeme[+digit]][matched<&ast::Number::digits>];

auto const date_def =
    raw[lexeme[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> '-' >> x3::repeat(2)[digit] >> !id_more]]
       [matched<&ast::DateLit::text>];

// Free text to the end of the line: no skipping, so an empty rest never
// swallows the next line.
struct trim_text_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto const& range = x3::_attr(ctx);
        std::string s(range.begin(), range.end());
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
        store_span(ctx, range);
        x3::_val(ctx).end = x3::_val(ctx).begin + static_cast<std::uint32_t>(s.size());
        x3::_val(ctx).text = std::move(s);
    }
};
auto const text_to_eol_def = x3::no_skip[*x3::blank >> raw[*(x3::char_ - x3::eol - '#')][trim_text_t{}]];

////////////////////////////////////////////////////////////////////////////
// Citations

// "4-3", "2-1 c", "13a-4", "4A-3": a letter may stick to the chapter number.
auto const section_def = raw[lexeme[+digit >> -(ascii_alpha >> !id_continue)
                                    >> -('-' >> +digit >> -(ascii_alpha >> !id_more))
                                    >> -(' ' >> ascii_lower >> !id_more)]]
                            [matched<&ast::Text::text>];

auto const letter_def = lexeme[ascii_lower >> !id_more];

struct ordinal_table : x3::symbols<int> {
    ordinal_table() {
        add("første", 1)("andre", 2)("annet", 2)("tredje", 3)("fjerde", 4)("femte", 5)("sjette", 6)
           ("sjuende", 7)("syvende", 7)("åttende", 8)("niende", 9)("tiende", 10)
           // nynorsk
           ("sjuande", 7)("åttande", 8)("niande", 9)("tiande", 10);
    }
};
inline ordinal_table const ordinals;

// The word after an ordinal ("første ledd", "andre punktum") or after a
// number and a full stop ("1. ledd", "2. pkt.").
struct ordinal_unit_table : x3::symbols<ast::SubdivisionKind> {
    ordinal_unit_table() { add("ledd", ast::SubdivisionKind::ledd)("punktum", ast::SubdivisionKind::punktum); }
};
struct numbered_unit_table : x3::symbols<ast::SubdivisionKind> {
    numbered_unit_table() {
        add("ledd", ast::SubdivisionKind::ledd)("punktum", ast::SubdivisionKind::punktum)
           ("pkt.", ast::SubdivisionKind::punktum)("pkt", ast::SubdivisionKind::punktum);
    }
};
inline ordinal_unit_table const ordinal_units;
inline numbered_unit_table const numbered_units;

/// The unit word under one readable name, so that "første avsnitt" is
/// "expected 'ledd' or 'punktum'" (an alternative alone has no name).
struct unit_word_class;
template <typename Table>
auto unit_word(char const* name, Table const& table) {
    return x3::rule<unit_word_class, ast::SubdivisionKind>{name} = x3::lexeme[table >> !id_more];
}
struct set_kind_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).kind = x3::_attr(ctx); }
};

struct set_letter_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::_val(ctx).kind = ast::SubdivisionKind::bokstav;
        x3::_val(ctx).letter = x3::_attr(ctx);
    }
};
struct set_ordinal_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).number = x3::_attr(ctx); }
};
struct set_count_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        // Range-checked where it is read: "(99999999999)" must not wrap
        // around into some other ledd. The parse fails here, at the number.
        const std::string& digits = x3::_attr(ctx).digits;
        if (digits.size() > max_count_digits) {
            x3::_pass(ctx) = false;
            return;
        }
        x3::_val(ctx).number = std::stoi(digits);
    }
};

auto const subdivision_def =
      located(
    (lexeme[ordinals >> !id_more][set_ordinal_t{}] > unit_word("'ledd' or 'punktum'", ordinal_units)[set_kind_t{}])
    // The abbreviated forms lawyers write too: "1. ledd", "2. pkt." ("2. punktum").
    | (lexeme[number >> '.'][set_count_t{}] > unit_word("'ledd' or 'pkt.'", numbered_units)[set_kind_t{}])
    | (lit('(') > number[set_count_t{}] > named("')'", lit(')')))[set<&ast::Subdivision::kind, ast::SubdivisionKind::ledd>]
    | (kw("bokstav") > letter[set_letter_t{}])
    | ((kw("nr.") | kw("nr")) > number[set_count_t{}])[set<&ast::Subdivision::kind, ast::SubdivisionKind::nummer>]
    | letter[set_letter_t{}]);

// "art." or "artikkel", as Lovdata and lawyers write an article.
inline auto const article_word = named("'art.' or 'artikkel'", kw("art.") | kw("artikkel"));
auto const article_number_def = raw[lexeme[+digit >> !id_more]][matched<&ast::Text::text>];

auto const section_ref_def =
      located(
    (lit("§§") > section[assign<&ast::Citation::section>] > LOVSJEKK_KW("til")
                 > section[assign<&ast::Citation::section_last>])
    | (lit("§") > section[assign<&ast::Citation::section>] >> *subdivision[append<&ast::Citation::subdivisions>])
    // An article of an act the law incorporates, named by the statute index's
    // part name (Lovdata's own: "gdpr", "emke", "bke"): "popplyl gdpr art. 8 nr. 1".
    | ((!article_word >> identifier[assign<&ast::Citation::part>]) > article_word
          > article_number[assign<&ast::Citation::section>] >> *subdivision[append<&ast::Citation::subdivisions>]));


auto const citation_rule_def = located(
    (-kw("jf.")[set<&ast::Citation::jf, true>]
                               >> identifier[assign<&ast::Citation::law>])
                               > section_ref[take<&ast::Citation::section, &ast::Citation::section_last, &ast::Citation::subdivisions, &ast::Citation::part>]);

////////////////////////////////////////////////////////////////////////////
// Norm fields

// The modalities and field keywords come from the one table in keywords.hpp.
struct modality_table : x3::symbols<ast::Modality> {
    modality_table() {
        for (const ModalityPhrase& p : modality_phrases) add(std::string(p.words), p.modality);
    }
};
inline modality_table const modalities;

// A modality's words may stand with any blanks between them: "skal  ikke" is
// the prohibition, as "skal ikke" is, never the duty "skal" followed by the
// text "ikke …". The words are matched on a copy of the line with each run of
// blanks folded to one space, and the match is mapped back to the input.
struct modality_words_parser : x3::parser<modality_words_parser> {
    using attribute_type = ast::Modality;
    static constexpr std::size_t longest_phrase = 48;  // bytes; the longest modality is far shorter

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute& attr) const {
        x3::skip_over(first, last, context);
        // On the stack: this runs for every line of every rule body.
        char folded[longest_phrase];
        Iterator origin[longest_phrase + 1];  // origin[i]: where folded[i] starts in the input
        std::size_t size = 0;
        Iterator it = first;
        while (it != last && size < longest_phrase && *it != '\n' && *it != '\r') {
            origin[size] = it;
            if (*it == ' ' || *it == '\t') {
                while (it != last && (*it == ' ' || *it == '\t')) ++it;
                folded[size++] = ' ';
            } else {
                folded[size++] = *it++;
            }
        }
        origin[size] = it;
        const char* f = folded;
        const char* const folded_end = folded + size;
        ast::Modality found{};
        if (!modalities.parse(f, folded_end, x3::unused, x3::unused, found)) return false;
        Iterator end = origin[static_cast<std::size_t>(f - folded)];
        Iterator probe = end;
        if (id_more.parse(probe, last, context, rcontext, x3::unused)) return false;  // "kanskje" is no "kan"
        first = end;
        x3::traits::move_to(found, attr);
        return true;
    }
};

auto const modality_def = lexeme[modality_words_parser{}];

struct field_keyword_table : x3::symbols<x3::unused_type> {
    field_keyword_table() {
        for (std::string_view k : field_keywords) add(std::string(k));
    }
};
inline field_keyword_table const field_keywords_symbols;
auto const field_keyword = lexeme[field_keywords_symbols >> !id_more];

auto const statement_def = located(
    (!field_keyword >> identifier[assign<&ast::Statement::actor>])
                           > modality[assign<&ast::Statement::modality>]
                           > text_to_eol[assign<&ast::Statement::action>]);

using W = ast::AgeWording;
// A birthday bound's unit, in bokmål and nynorsk, singular and plural.
struct age_unit_table : x3::symbols<ast::AgeUnit> {
    age_unit_table() {
        add("år", ast::AgeUnit::years);
        for (char const* w : {"måned", "måneder", "månad", "månader"}) add(w, ast::AgeUnit::months);
        for (char const* w : {"dag", "dager", "dagar"}) add(w, ast::AgeUnit::days);
    }
};
inline age_unit_table const age_unit_symbols;
auto const age_unit_def = lexeme[age_unit_symbols >> !id_more];

auto const lower_bound_def =
      located(
    ((kw("fra") >> kw("året")) > number)[bound<W::fra_aaret>]
    | ((kw("fra") >> kw("skoleåret")) > LOVSJEKK_KW("som") > named("'tar' or 'tek'", kw("tar") | kw("tek"))
                 > LOVSJEKK_KW("til") > LOVSJEKK_KW("det") > LOVSJEKK_KW("året") > number)[bound<W::fra_skoleaaret>]
    | ((kw("fra") >> number) > age_unit)[bound<W::fra>]
    | (kw("fylt") > number > age_unit)[bound<W::fylt>]
    | (kw("over") > number > age_unit)[bound<W::over>]);

auto const upper_bound_def =
      located(
    ((kw("til") >> kw("og")) > LOVSJEKK_KW("med") > LOVSJEKK_KW("året") > number)[bound<W::til_og_med_aaret>]
    | (kw("ut") > LOVSJEKK_KW("skoleåret") > LOVSJEKK_KW("som") > named("'tar' or 'tek'", kw("tar") | kw("tek"))
                > LOVSJEKK_KW("til") > LOVSJEKK_KW("det") > LOVSJEKK_KW("året") > number)[bound<W::ut_skoleaaret>]
    | (kw("til") > number > age_unit)[bound<W::til>]
    | (kw("under") > number > age_unit)[bound<W::under>]);

struct maturity_t {
    bool lowers_floor;
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::_val(ctx).maturity = true;
        x3::_val(ctx).maturity_lowers_floor = lowers_floor;
        x3::_val(ctx).maturity_text = std::move(x3::_attr(ctx));
    }
};

// A rule of its own so that "expected …" can name it; its result is merged.
auto const maturity_clause_def = located(
    (kw("og") > LOVSJEKK_KW("yngre") > LOVSJEKK_KW("når") > text_to_eol)[maturity_t{true}]
                               | (kw("når") > text_to_eol)[maturity_t{false}]);

struct merge_maturity_t {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& target = x3::_val(ctx);
        auto& parsed = x3::_attr(ctx);
        target.maturity = parsed.maturity;
        target.maturity_lowers_floor = parsed.maturity_lowers_floor;
        target.maturity_text = std::move(parsed.maturity_text);
    }
};

auto const age_def =
      located(
    kw("uansett")[set<&ast::AgeExpr::regardless, true>]
    | (kw("når") > text_to_eol)[maturity_t{false}]
    | ((lower_bound[assign<&ast::AgeExpr::lower>] >> -upper_bound[assign<&ast::AgeExpr::upper>])
       | upper_bound[assign<&ast::AgeExpr::upper>])
      >> -(lit(',') > maturity_clause[merge_maturity_t{}]));

using WL = ast::WeightLevel;
auto const weight_level_def =
      located(
    (kw("stor") > LOVSJEKK_KW("vekt"))[set<&ast::Weight::level, WL::great>]
    | (kw("avgjørende") > LOVSJEKK_KW("vekt"))[set<&ast::Weight::level, WL::decisive>]
    | (kw("etter") > LOVSJEKK_KW("alder") > LOVSJEKK_KW("og") > LOVSJEKK_KW("modenhet"))
          [set<&ast::Weight::level, WL::by_age_and_maturity>]);

struct merge_weight_t {
    template <typename Context>
    void operator()(Context& ctx) const { x3::_val(ctx).level = x3::_attr(ctx).level; }
};
auto const weight_def = located(
    weight_level[merge_weight_t{}]
                        >> -(kw("fra") > number[assign<&ast::Weight::from>] > LOVSJEKK_KW("år")));

// Alternatives, not an optional mark: a misspelt mark ("skjonn") fails the
// whole condition at that word, so "did you mean" can name the mark.
auto const condition_def = located(
    (kw("skjønn") > string_lit[assign<&ast::Condition::text>])
        [set<&ast::Condition::kind, ast::ConditionKind::discretion>]
    | (kw("modenhet") > string_lit[assign<&ast::Condition::text>])
        [set<&ast::Condition::kind, ast::ConditionKind::maturity>]
    | string_lit[assign<&ast::Condition::text>]);

// The catalogue languages only: a sentence in any other language could never be shown.
auto const plain_lang_def = raw[kw("nb") | kw("nn") | kw("en")][matched<&ast::Identifier::name>];
auto const plain_wording_def = located(
    plain_lang[assign<&ast::PlainWording::lang>] > string_lit[assign<&ast::PlainWording::text>]);

auto const sector_prefix_def = identifier >> lit('/');
auto const rule_ref_def = located(
    -sector_prefix[assign<&ast::RuleRef::sector>] >> identifier[assign<&ast::RuleRef::id>]);

auto const validity_def =
      located(
    (kw("fra") > date[assign<&ast::Validity::from>] >> -(kw("til") > date[assign<&ast::Validity::to>]))
    | (kw("til") > date[assign<&ast::Validity::to>])
    | (kw("når") > LOVSJEKK_KW("Kongen") > LOVSJEKK_KW("bestemmer"))[set<&ast::Validity::pending, true>]);

// Not rules of their own: their actions must fill the enclosing rule's attribute.
using R = ast::Rule;
auto const source_field =
    kw("kilde") > citation_rule[append<&R::sources>] >> *(lit(',') > citation_rule[append<&R::sources>]);
auto const topic_field = kw("tema") > identifier[append<&R::topics>];
auto const counterpart_field =
    kw("overfor") > identifier[append<&R::counterparts>] >> *(lit(',') > identifier[append<&R::counterparts>]);
auto const age_field = kw("alder") > age[append<&R::ages>];
auto const weight_field = kw("vekt") > weight[append<&R::weights>];
auto const condition_field = kw("vilkår") > condition[append<&R::conditions>];
auto const exception_field = kw("unntak") > LOVSJEKK_KW("fra") > rule_ref[append<&R::exceptions>]
                             >> *(lit(',') > rule_ref[append<&R::exceptions>]);
auto const validity_field = kw("gjelder") > validity[append<&R::validity>];
auto const uncertain_field = kw("usikker") > string_lit[append<&R::uncertain>];
auto const derived_field = kw("avledet") > string_lit[append<&R::derived>];
auto const remark_field = kw("merknad") > string_lit[append<&R::remarks>];
auto const worksheet_field =
    kw("faktaark") > string_lit[append<&R::worksheet_rows>] >> *(lit(',') > string_lit[append<&R::worksheet_rows>]);
auto const performer_field = kw("utfører") > identifier[append<&R::performers>];
auto const plain_field = kw("klarspråk") > plain_wording[append<&R::plain>];
auto const statement_field = statement[append<&R::statements>];

// The dispatch below names the field keywords as keywords.hpp's table does,
// word for word: a keyword added, renamed or moved there fails here.
static_assert(field_keywords == std::array<std::string_view, 14>{"kilde", "tema", "overfor", "alder", "vekt",
                                                                 "vilkår", "unntak", "gjelder", "usikker", "avledet",
                                                                 "merknad", "faktaark", "klarspråk", "utfører"},
              "a field keyword needs its branch in field_parser");

/// One field of a rule body: the alternative of the fourteen keyword fields
/// and a statement, with the same result and the same errors. The line's
/// first word is read once and only the branch it starts is tried, rather
/// than each keyword in turn at every line (a fifth of the parse).
struct field_parser : x3::parser<field_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute&) const {
        Iterator word_begin = first;
        x3::skip_over(word_begin, last, context);
        Iterator word_end = word_begin;
        // A keyword matches only as a whole identifier (kw: the word, then !id_more).
        if (!x3::lexeme[identifier_word].parse(word_end, last, context, rcontext, x3::unused)) return false;
        const std::string_view word(&*word_begin, static_cast<std::size_t>(word_end - word_begin));
        const auto branch = [&](auto const& p) { return p.parse(first, last, context, rcontext, x3::unused); };
        bool parsed = false;
        if (word == "kilde") parsed = branch(source_field);
        else if (word == "tema") parsed = branch(topic_field);
        else if (word == "overfor") parsed = branch(counterpart_field);
        else if (word == "alder") parsed = branch(age_field);
        else if (word == "vekt") parsed = branch(weight_field);
        else if (word == "vilkår") parsed = branch(condition_field);
        else if (word == "unntak") parsed = branch(exception_field);
        else if (word == "gjelder") parsed = branch(validity_field);
        else if (word == "usikker") parsed = branch(uncertain_field);
        else if (word == "avledet") parsed = branch(derived_field);
        else if (word == "merknad") parsed = branch(remark_field);
        else if (word == "faktaark") parsed = branch(worksheet_field);
        else if (word == "utfører") parsed = branch(performer_field);
        else if (word == "klarspråk") parsed = branch(plain_field);
        // The statement branch refuses a keyword itself (!field_keyword), as it did last in the alternative.
        return parsed || branch(statement_field);
    }
};
inline constexpr field_parser field{};

auto const body_end_def = lit('}');

auto const rule_decl_def = located(
    kw("regel") > identifier[assign<&R::id>] >> -string_lit[assign<&R::title>]
                           > named("'{'", lit('{')) > *field > body_end);

////////////////////////////////////////////////////////////////////////////
// Declarations

auto const sector_decl_def = located(
    kw("sektor") > identifier[assign<&ast::SectorDecl::id>]
                             > string_lit[assign<&ast::SectorDecl::name>]
                             >> -(kw("direktorat") > string_lit[assign<&ast::SectorDecl::directorate>]));

auto const lovdata_id_def =
    raw[lexeme[(lit("LOV") | lit("FOR")) >> '-' >> x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> '-'
               >> x3::repeat(2)[digit] >> -('-' >> +digit) >> !id_more]][matched<&ast::Text::text>];

auto const law_decl_def = located(
    kw("lov") > identifier[assign<&ast::LawDecl::short_name>]
                          > string_lit[assign<&ast::LawDecl::name>] > lovdata_id[assign<&ast::LawDecl::lovdata_id>]
                          >> -(kw("gjelder") > validity[assign<&ast::LawDecl::validity>]));

auto const include_decl_def = located(
    kw("inkluder") > string_lit[assign<&ast::Include::path>]);

auto const alias_def = located(
    identifier[assign<&ast::ActorAlias::law>] > string_lit[assign<&ast::ActorAlias::word>]
    >> -upper_bound[assign<&ast::ActorAlias::upper>]);

auto const actor_decl_def = located(
    kw("aktør") > identifier[assign<&ast::ActorDecl::id>]
                            > string_lit[assign<&ast::ActorDecl::description>]
                            >> -(kw("del") > LOVSJEKK_KW("av") > identifier[assign<&ast::ActorDecl::part_of>])
                            >> -(kw("rolle") > identifier[assign<&ast::ActorDecl::role>])
                            >> -(kw("alias") > alias[append<&ast::ActorDecl::aliases>]
                                 >> *(lit(',') > alias[append<&ast::ActorDecl::aliases>])));

auto const topic_decl_def = located(
    kw("tema") > identifier[assign<&ast::TopicDecl::id>]
                            > string_lit[assign<&ast::TopicDecl::description>]
                            >> -(kw("gruppe") > identifier[assign<&ast::TopicDecl::group>])
                            >> -upper_bound[assign<&ast::TopicDecl::upper>]
                            >> -(kw("forventet") > identifier[assign<&ast::TopicDecl::expected>])
                            >> -kw("leder")[set<&ast::TopicDecl::names_lead, true>]);

auto const replacement_decl_def = located(
    kw("erstattet") > citation_rule[assign<&ast::ReplacementDecl::from>]
                                  > LOVSJEKK_KW("av") > citation_rule[append<&ast::ReplacementDecl::to>]
                                  >> *(lit(',') > citation_rule[append<&ast::ReplacementDecl::to>]));

// What an `utelatt` leaves out, in a rule of its own so that a failure names it.
// `forventet` is tried first, so that it is never read as a law's alias. The row
// form came first and stays, so older rule files keep parsing.
auto const excluded_what_def =
    (kw("forventet") > identifier[assign<&ast::ExcludedRow::expected>])
    | string_lit[assign<&ast::ExcludedRow::row>]
    | (citation_rule[append<&ast::ExcludedRow::citations>]
       >> *(lit(',') > citation_rule[append<&ast::ExcludedRow::citations>]));

auto const excluded_decl_def = located(
    kw("utelatt") > excluded_what[take<&ast::ExcludedRow::row, &ast::ExcludedRow::citations, &ast::ExcludedRow::expected>]
    > string_lit[assign<&ast::ExcludedRow::reason>]);

auto const declaration_rule_def = located(
    sector_decl[set_declaration] | law_decl[set_declaration]
                                | include_decl[set_declaration] | actor_decl[set_declaration]
                                | topic_decl[set_declaration] | replacement_decl[set_declaration]
                                | excluded_decl[set_declaration] | rule_decl[set_declaration]);

BOOST_SPIRIT_DEFINE(identifier, string_lit, string_body, string_end, number, date, text_to_eol, section, letter,
                    subdivision, section_ref, article_number, citation_rule, modality, statement, lower_bound, upper_bound, age_unit, maturity_clause, age,
                    weight_level, weight, condition, plain_lang, plain_wording, sector_prefix, rule_ref, validity, body_end, rule_decl, sector_decl,
                    lovdata_id, law_decl, include_decl, alias, actor_decl, topic_decl, replacement_decl,
                    excluded_what, excluded_decl, declaration_rule)

}  // namespace lovsjekk::grammar
