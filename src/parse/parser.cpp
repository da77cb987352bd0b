#include "parse/parser.hpp"

#include "base/kinds.hpp"
#include "grammar/api.hpp"
#include "grammar/keywords.hpp"
#include "text/suggest.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace lovsjekk::parse {

namespace {

namespace fs = std::filesystem;

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c >= 0x80;
}

/// The word (or single character) at `offset`, for "found …".
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
    std::string kind = "token";  ///< or end_of_file, end_of_line (a select keyword of parse.expected)
};

Token token_at(std::string_view text, std::size_t offset) {
    // X3 reports the position before skipping: describe the next token.
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
    Token t{offset, offset, {}, "token"};
    if (offset >= text.size()) {
        t.kind = "end_of_file";
        return t;
    }
    const auto c = static_cast<unsigned char>(text[offset]);
    if (c == '\n') {
        t.kind = "end_of_line";
        return t;
    }
    std::size_t end = offset;
    if (is_word_byte(c)) {
        while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
        // A word never ends in a full stop ("fra." is the word "fra" and a '.').
        while (end > offset + 1 && text[end - 1] == '.') --end;
        // Non-letter bytes like '§' (UTF-8 C2 A7) count as one character, not a word.
        if (c >= 0x80) {
            int32_t i = 0;
            UChar32 cp;
            U8_NEXT(reinterpret_cast<const uint8_t*>(text.data() + offset), i,
                    static_cast<int32_t>(std::min<std::size_t>(4, text.size() - offset)), cp);
            if (cp >= 0 && !u_isalpha(cp)) end = offset + static_cast<std::size_t>(i);
        }
    } else {
        end = offset + 1;
    }
    t.end = end;
    t.text = std::string(text.substr(offset, end - offset));
    if (t.text.size() > 40) t.text = t.text.substr(0, 40) + "…";
    return t;
}

std::vector<std::string_view> as_views(auto const& array) { return {array.begin(), array.end()}; }

std::vector<std::string_view> modality_words() {
    std::vector<std::string_view> words;
    for (const grammar::ModalityPhrase& p : grammar::modality_phrases) words.push_back(p.words);
    return words;
}

bool expected_is(const grammar::SyntaxFailure& f, std::string_view prefix) {
    return f.expected.compare(0, prefix.size(), prefix) == 0;
}

/// The identifier that ends just before `offset` (skipping blanks), if any.
std::optional<Token> word_before(std::string_view text, std::size_t offset) {
    std::size_t end = offset;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    std::size_t begin = end;
    while (begin > 0 && is_word_byte(static_cast<unsigned char>(text[begin - 1]))) --begin;
    if (begin == end) return std::nullopt;
    Token t = token_at(text, begin);
    return t;
}

/// The grammar's readable names for what it expected (X3 rule names, which
/// stay English in the grammar) as catalogue keys, so that "expected …" is
/// worded in the user's language. A name in quotes ('år', '{') is the word
/// itself; tests hold every rule name of grammar_def.hpp to this table.
const std::map<std::string_view, std::string_view>& expected_keys_table() {
    static const std::map<std::string_view, std::string_view> keys = {
        {"an identifier", "parse.what.identifier"},
        {"a text in double quotes", "parse.what.string"},
        {"a closing '\"' before the end of the line", "parse.what.closing_quote"},
        {"a whole number", "parse.what.number"},
        {"a date (YYYY-MM-DD)", "parse.what.date"},
        {"text to the end of the line", "parse.what.text_to_eol"},
        {"a section number (such as 4-3 or 2-1 c)", "parse.what.section"},
        {"a letter (a, b, c …)", "parse.what.letter"},
        {"a ledd, punktum, bokstav or nr.", "parse.what.subdivision"},
        {"'§' and a section number, or an article (such as gdpr art. 8)", "parse.what.section_ref"},
        {"an article number (such as 8)", "parse.what.article_number"},
        {"'art.' or 'artikkel'", "parse.what.article_word"},
        {"a citation (such as pbrl § 4-3 første ledd)", "parse.what.citation"},
        {"a modality (har rett til, har plikt til, skal, kan, skal ikke, kan ikke, bestemmer …)", "parse.what.modality"},
        {"an actor and what it may or must do", "parse.what.statement"},
        {"a lower age bound", "parse.what.lower_bound"},
        {"an upper age bound", "parse.what.upper_bound"},
        {"an age unit ('år', 'måneder' or 'dager')", "parse.what.age_unit"},
        {"an age (fra N år, fylt N år, over N år, under N år, fra året N, når …, uansett)", "parse.what.age"},
        {"a weight (stor vekt, avgjørende vekt, etter alder og modenhet)", "parse.what.weight_level"},
        {"a weight", "parse.what.weight"},
        {"a condition (skjønn, modenhet or a text in double quotes)", "parse.what.condition"},
        {"a sector and '/'", "parse.what.sector_prefix"},
        {"a rule id (id or sektor/id)", "parse.what.rule_ref"},
        {"a validity (fra DATE, fra DATE til DATE, til DATE, når Kongen bestemmer)", "parse.what.validity"},
        {"a field (kilde, tema, alder, vekt, vilkår, unntak, gjelder, overfor, …) or '}'", "parse.what.field"},
        {"a rule", "parse.what.rule"},
        {"a sector declaration", "parse.what.sector_decl"},
        {"a Lovdata id (such as LOV-1999-07-02-63)", "parse.what.lovdata_id"},
        {"a law declaration", "parse.what.law_decl"},
        {"an include", "parse.what.include"},
        {"a law's short name and its word for the actor", "parse.what.alias"},
        {"an actor declaration", "parse.what.actor_decl"},
        {"a topic declaration", "parse.what.topic_decl"},
        {"a replacement", "parse.what.replacement"},
        {"an exclusion (utelatt)", "parse.what.excluded_row"},
        {"a worksheet row in double quotes, a citation, or 'forventet' and an expectation", "parse.what.excluded_what"},
        {"a language (nb, nn or en) and a sentence in double quotes", "parse.what.plain_wording"},
        {"a language: nb, nn or en", "parse.what.plain_lang"},
        {"a declaration (sektor, lov, aktør, tema, regel, …)", "parse.what.declaration"},
    };
    return keys;
}

/// What the grammar expected, as a phrase to word.
MessageValue expected_phrase(const std::string& expected) {
    if (auto key = expected_key(expected); !key.empty()) return phrase(Key::intern(key), {});
    // "'ledd' or 'punktum'": two words of the language, either will do.
    const std::string_view text = expected;
    if (const auto middle = text.find("' or '"); text.size() > 2 && text.front() == '\'' && text.back() == '\'' &&
                                                middle != std::string_view::npos)
        return phrase("parse.what.either", {{"first", std::string(text.substr(1, middle - 1))},
                                            {"second", std::string(text.substr(middle + 6, text.size() - middle - 7))}});
    if (text.size() > 2 && text.front() == '\'' && text.back() == '\'')
        return phrase("parse.what.literal", {{"text", std::string(text.substr(1, text.size() - 2))}});
    return phrase("parse.what.literal", {{"text", expected}});
}

void report_failure(std::string_view text, std::uint32_t file_id, const grammar::SyntaxFailure& failure,
                    Diagnostics& diags) {
    const Token found = token_at(text, failure.offset);
    const auto span_of = [&](const Token& t) {
        return Span::at(file_id, static_cast<std::uint32_t>(t.begin),
                        static_cast<std::uint32_t>(std::max(t.end, t.begin + 1)));
    };

    // "alderr fra 16 år" parses as an actor followed by a missing modality:
    // when the word is close to a field keyword, say so instead.
    if (expected_is(failure, "a modality")) {
        if (auto actor = word_before(text, failure.offset)) {
            if (auto keyword = text::closest(actor->text, as_views(grammar::field_keywords))) {
                Diagnostic& d = diags.error(kinds::syntax, span_of(*actor), {});
                d.message_key = "parse.unknown_field";
                d.message_args = {{"field", actor->text}, {"suggestion", std::string(*keyword)}};
                return;
            }
        }
    }

    // A ledd, punktum or nr. too long to be one (the grammar refuses it where it reads it).
    if (expected_is(failure, "a whole number") && found.text.size() > grammar::max_count_digits &&
        std::all_of(found.text.begin(), found.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        Diagnostic& d = diags.error(kinds::syntax, span_of(found), {});
        d.message_key = "parse.number_too_large";
        d.message_args = {{"number", found.text}, {"digits", static_cast<std::int64_t>(grammar::max_count_digits)}};
        return;
    }

    std::optional<std::string> suggestion;
    if (!found.text.empty()) {
        if (expected_is(failure, "a declaration")) {
            suggestion = text::closest(found.text, as_views(grammar::declaration_keywords));
        } else if (expected_is(failure, "a field")) {
            suggestion = text::closest(found.text, as_views(grammar::field_keywords));
        } else if (expected_is(failure, "a modality")) {
            suggestion = text::closest(found.text, modality_words());
        } else if (expected_is(failure, "a condition")) {
            suggestion = text::closest(found.text, as_views(grammar::condition_marks));
        } else if (expected_is(failure, "an age unit")) {
            for (std::string_view unit : {"år", "måneder", "dager"})
                if (text::edit_distance(found.text, unit) <= std::max<std::size_t>(1, unit.size() / 3)) {
                    suggestion = std::string(unit);
                    break;
                }
        } else if (failure.expected.size() > 2 && failure.expected.front() == '\'') {
            // A named keyword like 'år' or 'Kongen'.
            const std::string keyword = failure.expected.substr(1, failure.expected.size() - 2);
            if (text::edit_distance(found.text, keyword) <= std::max<std::size_t>(1, keyword.size() / 3))
                suggestion = keyword;
        }
    }
    Diagnostic& d = diags.error(kinds::syntax, span_of(found), {});
    d.message_key = expected_is(failure, "a closing '\"'") ? Key("parse.unterminated") : Key("parse.expected");
    d.message_args = {{"what", expected_phrase(failure.expected)},
                      {"found", found.kind},
                      {"token", found.text},
                      {"has_suggestion", suggestion ? "yes" : "no"},
                      {"suggestion", suggestion.value_or("")}};
}

/// The start of the next line, after `offset`, that opens a declaration at
/// column 1 (or "regel" anywhere): where parsing resumes after an error.
std::size_t resume_point(std::string_view text, std::size_t offset) {
    std::size_t line = text.find('\n', offset);
    while (line != std::string_view::npos) {
        const std::size_t start = line + 1;
        std::size_t first = start;
        while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
        const std::size_t end = std::min(text.find_first_of(" \t\n", first), text.size());
        const std::string_view word = text.substr(first, end - first);
        const bool keyword = std::find(grammar::declaration_keywords.begin(), grammar::declaration_keywords.end(),
                                       word) != grammar::declaration_keywords.end();
        if (keyword && (first == start || word == "regel")) return start;
        line = text.find('\n', start);
    }
    return text.size();
}

/// A declaration whose '{' is never closed before the next declaration starts.
struct Unclosed {
    std::size_t brace;      ///< the '{' left open
    std::size_t next_line;  ///< where the next declaration's line starts
};

/// The first '{' in text[from, to) that is still open at `to` (strings and
/// comments skipped).
std::optional<std::size_t> open_brace(std::string_view text, std::size_t from, std::size_t to) {
    std::vector<std::size_t> open;
    bool in_string = false, in_comment = false;
    for (std::size_t i = from; i < to; ++i) {
        const char c = text[i];
        if (in_comment) {
            in_comment = c != '\n';
        } else if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"' || c == '\n') in_string = false;
        } else if (c == '#') {
            in_comment = true;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            open.push_back(i);
        } else if (c == '}' && !open.empty()) {
            open.pop_back();
        }
    }
    if (open.empty()) return std::nullopt;
    return open.front();
}

/// When a parse that began at `from` failed on a line that opens a declaration,
/// and a '{' after `from` is still open there, the '}' is missing: the failure
/// is only its consequence.
std::optional<Unclosed> unclosed_before_declaration(std::string_view text, std::size_t from, std::size_t failed_at) {
    const std::size_t newline = failed_at == 0 ? std::string_view::npos : text.rfind('\n', failed_at - 1);
    if (newline == std::string_view::npos || newline < from) return std::nullopt;
    const std::size_t start = newline + 1;
    if (start >= text.size() || resume_point(text, newline) != start) return std::nullopt;
    if (const auto brace = open_brace(text, from, start)) return Unclosed{*brace, start};
    return std::nullopt;
}

/// The name a declaration that failed to parse declares: the word after its
/// keyword ("regel samtykke-16 {" → "samtykke-16"), or "" for a declaration
/// that names nothing (inkluder, erstattet, utelatt) or none that can be read.
std::string declared_name(std::string_view text, std::size_t from) {
    std::size_t at = from;
    for (;;) {  // past blanks and comments to the keyword
        at = text.find_first_not_of(" \t\r\n", at);
        if (at == std::string_view::npos) return "";
        if (text[at] != '#') break;
        at = text.find('\n', at);
    }
    const auto word_at = [&](std::size_t begin) {
        const std::size_t end = std::min(text.find_first_of(" \t\r\n{\"#", begin), text.size());
        return text.substr(begin, end - begin);
    };
    const std::string_view keyword = word_at(at);
    if (keyword != "regel" && keyword != "aktør" && keyword != "tema" && keyword != "lov" && keyword != "sektor")
        return "";
    const std::size_t name = text.find_first_not_of(" \t", at + keyword.size());
    if (name == std::string_view::npos || text[name] == '\n') return "";
    return std::string(word_at(name));
}

bool only_comments_and_space(std::string_view text, bool& has_comment) {
    has_comment = false;
    bool in_comment = false;
    for (char c : text) {
        if (in_comment) {
            if (c == '\n') in_comment = false;
        } else if (c == '#') {
            in_comment = has_comment = true;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            // The same blanks the grammar's skipper passes over.
            return false;
        }
    }
    return true;
}

}  // namespace

std::string_view expected_key(std::string_view rule_name) {
    const auto& table = expected_keys_table();
    auto it = table.find(rule_name);
    return it == table.end() ? std::string_view{} : it->second;
}

ast::File parse_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags) {
    ast::File file;
    file.source = file_id;
    const std::string_view text = sources.file(file_id).content();

    bool has_comment = false;
    if (only_comments_and_space(text, has_comment)) {
        if (has_comment)
            diags.add(kinds::syntax, Severity::warning, Span::whole(file_id), {}).message_key = "parse.only_comments";
        else
            diags.error(kinds::syntax, Span::whole(file_id), {}).message_key = "parse.empty";
        return file;
    }

    std::size_t offset = 0;
    std::string closed;  // the text with a missing '}' put in (made at the first one)
    for (;;) {
        ast::Declaration declaration;
        grammar::SyntaxFailure failure;
        const std::size_t before = offset;
        const auto result = grammar::parse_declaration(text, offset, declaration, failure);
        if (result == grammar::StepResult::end_of_input) break;
        if (result == grammar::StepResult::parsed) {
            file.declarations.push_back(std::move(declaration));
            continue;
        }
        // A missing '}' runs a rule into the next declaration: say so at the
        // '{' left open, read the rule as if closed before the next line that
        // opens a declaration, and go on from there, so that neither the next
        // declaration nor the names the rule declares are lost.
        if (const auto unclosed = unclosed_before_declaration(text, before, failure.offset)) {
            const text::SourceFile& source = sources.file(file_id);
            const std::size_t first = text.find_first_not_of(" \t", unclosed->next_line);
            const std::size_t word_end = std::min(text.find_first_of(" \t\n", first), text.size());
            Diagnostic& d = diags.error(kinds::syntax, Span::at(file_id, static_cast<std::uint32_t>(unclosed->brace),
                                                                static_cast<std::uint32_t>(unclosed->brace + 1)),
                                        {});
            d.message_key = "parse.unclosed_brace";
            d.message_args = {
                {"next", std::string(text.substr(first, word_end - first))},
                {"line", static_cast<std::int64_t>(source.position(static_cast<std::uint32_t>(unclosed->next_line)).line)}};
            // The '}' stands in for the next declaration's first letter, in
            // one copy of the text for the whole file (spans stay the file's).
            if (closed.empty()) closed.assign(text);
            const char replaced = closed[first];
            closed[first] = '}';
            std::size_t at = before;
            ast::Declaration recovered;
            grammar::SyntaxFailure inner;
            if (grammar::parse_declaration(closed, at, recovered, inner) == grammar::StepResult::parsed) {
                file.declarations.push_back(std::move(recovered));
            } else {
                if (inner.offset < first) report_failure(text, file_id, inner, diags);  // an error of its own inside it
                if (auto name = declared_name(text, before); !name.empty()) file.unparsed_names.push_back(std::move(name));
            }
            closed[first] = replaced;
            offset = unclosed->next_line;
            continue;
        }
        // The file ends inside a rule that would be whole with a '}' at the
        // end: the same, at its '{' (any other error is reported as it is).
        bool comment_only = false;
        if (const auto brace = failure.offset <= text.size() &&
                                       only_comments_and_space(text.substr(failure.offset), comment_only)
                                   ? open_brace(text, before, text.size())
                                   : std::nullopt) {
            std::string ended(text);
            ended += "\n}\n";
            std::size_t at = before;
            ast::Declaration recovered;
            grammar::SyntaxFailure inner;
            if (grammar::parse_declaration(ended, at, recovered, inner) == grammar::StepResult::parsed) {
                diags.error(kinds::syntax,
                            Span::at(file_id, static_cast<std::uint32_t>(*brace), static_cast<std::uint32_t>(*brace + 1)), {})
                    .message_key = "parse.unclosed_brace_at_end";
                file.declarations.push_back(std::move(recovered));
                break;
            }
        }
        report_failure(text, file_id, failure, diags);
        if (auto name = declared_name(text, before); !name.empty()) file.unparsed_names.push_back(std::move(name));
        offset = resume_point(text, std::max(failure.offset, before));
    }
    return file;
}

ast::File parse_string(text::SourceManager& sources, std::string display, std::string text, Diagnostics& diags) {
    auto id = sources.add(std::move(display), std::move(text), diags);
    if (!id) return {};
    return parse_file(sources, *id, diags);
}

void Workspace::release_syntax_trees() {
    for (ast::File& file : files) {
        std::vector<ast::Declaration>().swap(file.declarations);
        std::vector<std::string>().swap(file.unparsed_names);
    }
}

std::string display_path(const fs::path& path) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
        const fs::path absolute = fs::absolute(path, ec).lexically_normal();
        const fs::path relative = absolute.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
    return path.lexically_normal().generic_string();
}

fs::path canonical_path(const fs::path& path) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    return ec ? path : canonical;
}

namespace {

/// The folder a path given stands for: itself, or the file's folder.
fs::path folder_of(const fs::path& p) {
    std::error_code ec;
    fs::path folder = fs::is_directory(p, ec) ? p : p.parent_path();
    return folder.empty() ? fs::path(".") : folder;
}

}  // namespace

fs::path common_root(const std::vector<fs::path>& paths) {
    if (paths.empty()) return ".";
    fs::path common = fs::absolute(folder_of(paths.front())).lexically_normal();
    for (std::size_t i = 1; i < paths.size(); ++i) {
        const fs::path folder = fs::absolute(folder_of(paths[i])).lexically_normal();
        fs::path shared;
        auto a = common.begin();
        auto b = folder.begin();
        for (; a != common.end() && b != folder.end() && *a == *b; ++a, ++b) shared /= *a;
        common = shared;
    }
    if (!common.empty() && common.filename().empty()) common = common.parent_path();
    return fs::path(display_path(common));
}

namespace {

struct Loader {
    const LoadOptions& options;
    Diagnostics& diags;
    Workspace& ws;
    std::set<fs::path> loaded;                 // canonical paths
    std::map<fs::path, std::size_t> file_index;  // canonical path -> ws.files index
    std::map<std::size_t, fs::path> root_of;     // ws.files index -> canonical folder its includes stay below

    bool is_open(const fs::path& canonical) const { return options.open && options.open->contains(canonical); }

    /// `bundled`: a preloaded vocabulary file of the project's own, read with
    /// the default limits; --max-file-size is for the files a user gives.
    std::optional<std::size_t> load(const fs::path& path, const fs::path& root, bool bundled = false) {
        const fs::path canonical = canonical_path(path);
        if (auto it = file_index.find(canonical); it != file_index.end()) return it->second;
        if (!loaded.insert(canonical).second) return std::nullopt;
        std::optional<std::uint32_t> id;
        if (options.open) {
            if (auto open = options.open->find(canonical); open != options.open->end()) {
                id = ws.sources.add(display_path(canonical), std::string(open->second), diags);
                if (!id) return std::nullopt;
                ws.files.push_back(parse_file(ws.sources, *id, diags));
                return remember(canonical, root);
            }
        }
        std::error_code ec;
        const auto modified = fs::last_write_time(canonical, ec);
        if (options.cache && !ec) {
            auto cached = options.cache->entries.find(canonical);
            if (cached != options.cache->entries.end() && cached->second.modified == modified) {
                Diagnostics ignored;  // the content was validated when it was cached
                id = ws.sources.add(path.generic_string(), cached->second.content, ignored);
                if (!id) return std::nullopt;
                ast::File copy = cached->second.file;
                copy.source = *id;
                ws.files.push_back(std::move(copy));
                for (Diagnostic d : cached->second.diagnostics) {
                    d.span.file = *id;
                    for (Note& n : d.notes)
                        if (n.span.file != Span::no_file) n.span.file = *id;
                    diags.all().push_back(std::move(d));
                }
                return remember(canonical, root);
            }
        }
        id = ws.sources.load(path, diags, bundled ? text::SourceLimits{} : options.limits);
        if (!id) {
            // Unusable files are kept out of the model but still counted as seen.
            return std::nullopt;
        }
        const std::size_t before = diags.size();
        ws.files.push_back(parse_file(ws.sources, *id, diags));
        if (options.cache && !ec) {
            ParseCache::Entry entry{modified, std::string(ws.sources.file(*id).content()), ws.files.back(), {}};
            entry.diagnostics.assign(diags.all().begin() + static_cast<std::ptrdiff_t>(before), diags.all().end());
            options.cache->entries[canonical] = std::move(entry);
        }
        return remember(canonical, root);
    }

    std::size_t remember(const fs::path& canonical, const fs::path& root) {
        file_index[canonical] = ws.files.size() - 1;
        root_of[ws.files.size() - 1] = root;
        return ws.files.size() - 1;
    }

    enum class Visit { in_progress, done };
    std::map<std::size_t, Visit> visits;

    // Depth-first over includes: meeting a file that is still in progress
    // closes a cycle.
    void follow_includes(std::size_t index, std::vector<fs::path>& stack) {
        if (visits.contains(index)) return;
        visits[index] = Visit::in_progress;
        const std::uint32_t source = ws.files[index].source;
        std::error_code ec;
        const fs::path self = canonical_path(ws.sources.file(source).path());
        stack.push_back(self);
        // Copy: loading may grow ws.files and move the vector.
        std::vector<ast::Include> includes;
        for (const auto& d : ws.files[index].declarations)
            if (auto inc = std::get_if<ast::Include>(&d.value)) includes.push_back(*inc);
        const fs::path root = root_of[index];
        for (const ast::Include& inc : includes) {
            const Span span = Span::at(source, inc.path.begin, inc.path.end);
            const fs::path canonical = canonical_path(self.parent_path() / inc.path.value);
            const fs::path relative = canonical.lexically_relative(root);
            if (relative.empty() || *relative.begin() == "..") {
                Diagnostic& d = diags.error(kinds::reference, span, {});
                d.message_key = "parse.include_outside";
                d.message_args = {{"include", inc.path.value},
                                  {"target", display_path(canonical)},
                                  {"root", display_path(root)}};
                continue;
            }
            if (!is_open(canonical) && !fs::exists(canonical, ec)) {
                Diagnostic& d = diags.error(kinds::reference, span, {});
                d.message_key = "parse.include_missing";
                d.message_args = {{"include", inc.path.value}};
                continue;
            }
            if (stack.size() >= options.max_include_depth) {
                Diagnostic& d = diags.error(kinds::limit, span, {});
                d.message_key = "parse.include_depth";
                d.message_args = {{"limit", static_cast<std::int64_t>(options.max_include_depth)}};
                continue;
            }
            auto child = load(fs::path(display_path(canonical)), root);
            if (!child) continue;
            if (auto it = visits.find(*child); it != visits.end() && it->second == Visit::in_progress) {
                std::string chain;
                const auto from = std::find(stack.begin(), stack.end(), canonical);
                for (auto p = from; p != stack.end(); ++p) chain += display_path(*p) + " → ";
                Diagnostic& d = diags.error(kinds::reference, span, {});
                d.message_key = "parse.include_cycle";
                d.message_args = {{"chain", chain + display_path(canonical)}};
                continue;
            }
            follow_includes(*child, stack);
        }
        stack.pop_back();
        visits[index] = Visit::done;
    }
};

}  // namespace

Workspace load_workspace(const std::vector<fs::path>& paths, const LoadOptions& options, Diagnostics& diags) {
    Workspace ws;
    std::error_code ec;
    ws.root = common_root(paths);
    Loader loader{options, diags, ws, {}, {}, {}, {}};

    // Each file with the folder its includes must stay below: the folder
    // given, or the folder of the file given (not the first path's for all).
    std::vector<std::pair<fs::path, fs::path>> files;
    for (const fs::path& p : options.preload) files.emplace_back(p, canonical_path(p.parent_path()));
    for (const fs::path& p : paths) {
        const fs::path root = canonical_path(folder_of(p));
        // A folder named like a rule file is a mistake (or a trap), not a
        // folder of rules: walking it would report success over nothing.
        if (p.extension() == ".regel" && fs::is_directory(p, ec)) {
            Diagnostic& d = diags.error(kinds::io, Span{}, {});
            d.message_key = "parse.directory";
            d.message_args = {{"path", display_path(p)}};
            continue;
        }
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            const fs::path walked = canonical_path(p);
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                // A committed symbolic link must not read (and show lines of) a
                // file outside the folder, just as an include may not.
                if (it->path().extension() == ".regel" && it->is_symlink(ec)) {
                    std::error_code link_ec;
                    const fs::path target = fs::weakly_canonical(it->path(), link_ec);
                    const fs::path relative = target.lexically_relative(walked);
                    if (link_ec || relative.empty() || *relative.begin() == "..") {
                        Diagnostic& d = diags.error(kinds::io, Span{}, {});
                        d.message_key = "parse.symlink_outside";
                        d.message_args = {{"path", display_path(it->path())},
                                          {"target", display_path(target)},
                                          {"root", display_path(p)}};
                        continue;
                    }
                }
                if (it->path().extension() == ".regel" && !it->is_directory(ec)) found.push_back(it->path());
                else if (it->path().extension() == ".regel" && it->is_directory(ec)) {
                    Diagnostic& d = diags.error(kinds::io, Span{}, {});
                    d.message_key = "parse.directory";
                    d.message_args = {{"path", display_path(it->path())}};
                }
            }
            std::sort(found.begin(), found.end());
            for (const fs::path& f : found) files.emplace_back(f, root);
        } else if (fs::exists(p, ec) || loader.is_open(canonical_path(p))) {
            files.emplace_back(p, root);
        } else {
            Diagnostic& d = diags.error(kinds::io, Span{}, {});
            d.message_key = "parse.no_such_file";
            d.message_args = {{"path", display_path(p)}};
        }
    }
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const bool bundled = i < options.preload.size();
        if (auto index = loader.load(fs::path(display_path(files[i].first)), files[i].second, bundled))
            roots.push_back(*index);
        if (i + 1 == options.preload.size()) ws.preloaded = ws.files.size();
    }
    for (std::size_t index : roots) {
        std::vector<fs::path> stack;
        loader.follow_includes(index, stack);
    }
    return ws;
}

}  // namespace lovsjekk::parse
