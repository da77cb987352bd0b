#include "parse/parser.hpp"

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
    std::string described;
};

Token token_at(std::string_view text, std::size_t offset) {
    // X3 reports the position before skipping: describe the next token.
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
    Token t{offset, offset, {}, {}};
    if (offset >= text.size()) {
        t.described = "the end of the file";
        return t;
    }
    const auto c = static_cast<unsigned char>(text[offset]);
    if (c == '\n') {
        t.described = "the end of the line";
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
    t.described = "'" + t.text + "'";
    return t;
}

std::vector<std::string_view> as_views(auto const& array) { return {array.begin(), array.end()}; }

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
                Diagnostic& d = diags.error("syntax", span_of(*actor), {});
                d.message_key = "parse.unknown_field";
                d.message_args = {{"field", actor->text}, {"suggestion", std::string(*keyword)}};
                return;
            }
        }
    }

    std::string message = "expected " + failure.expected + ", found " + found.described;
    if (expected_is(failure, "a closing '\"'")) message = "unterminated string: " + message;
    if (!found.text.empty()) {
        std::optional<std::string> suggestion;
        if (expected_is(failure, "a declaration")) {
            suggestion = text::closest(found.text, as_views(grammar::declaration_keywords));
        } else if (expected_is(failure, "a field")) {
            suggestion = text::closest(found.text, as_views(grammar::field_keywords));
        } else if (expected_is(failure, "a modality")) {
            suggestion = text::closest(found.text, as_views(grammar::modality_phrases));
        } else if (failure.expected.size() > 2 && failure.expected.front() == '\'') {
            // A named keyword like 'år' or 'Kongen'.
            const std::string keyword = failure.expected.substr(1, failure.expected.size() - 2);
            if (text::edit_distance(found.text, keyword) <= std::max<std::size_t>(1, keyword.size() / 3))
                suggestion = keyword;
        }
        if (suggestion) message += "; did you mean '" + *suggestion + "'?";
    }
    diags.error("syntax", span_of(found), message);
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

ast::File parse_file(const text::SourceManager& sources, std::uint32_t file_id, Diagnostics& diags) {
    ast::File file;
    file.source = file_id;
    const std::string_view text = sources.file(file_id).content();

    bool has_comment = false;
    if (only_comments_and_space(text, has_comment)) {
        if (has_comment)
            diags.add("syntax", Severity::warning, Span::whole(file_id), {}).message_key = "parse.only_comments";
        else
            diags.error("syntax", Span::whole(file_id), {}).message_key = "parse.empty";
        return file;
    }

    std::size_t offset = 0;
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
        report_failure(text, file_id, failure, diags);
        offset = resume_point(text, std::max(failure.offset, before));
    }
    return file;
}

ast::File parse_string(text::SourceManager& sources, std::string display, std::string text, Diagnostics& diags) {
    auto id = sources.add(std::move(display), std::move(text), diags);
    if (!id) return {};
    return parse_file(sources, *id, diags);
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

namespace {

struct Loader {
    const LoadOptions& options;
    Diagnostics& diags;
    Workspace& ws;
    std::set<fs::path> loaded;                 // canonical paths
    std::map<fs::path, std::size_t> file_index;  // canonical path -> ws.files index

    /// `bundled`: a preloaded vocabulary file of the project's own, read with
    /// the default limits; --max-file-size is for the files a user gives.
    std::optional<std::size_t> load(const fs::path& path, bool bundled = false) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(path, ec);
        if (ec) canonical = path;
        if (auto it = file_index.find(canonical); it != file_index.end()) return it->second;
        if (!loaded.insert(canonical).second) return std::nullopt;
        auto id = ws.sources.load(path, diags, bundled ? text::SourceLimits{} : options.limits);
        if (!id) {
            // Unusable files are kept out of the model but still counted as seen.
            return std::nullopt;
        }
        ws.files.push_back(parse_file(ws.sources, *id, diags));
        file_index[canonical] = ws.files.size() - 1;
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
        const fs::path self = fs::weakly_canonical(ws.sources.file(source).path(), ec);
        stack.push_back(self);
        // Copy: loading may grow ws.files and move the vector.
        std::vector<ast::Include> includes;
        for (const auto& d : ws.files[index].declarations)
            if (auto inc = std::get_if<ast::Include>(&d.value)) includes.push_back(*inc);
        const fs::path root = fs::weakly_canonical(ws.root, ec);
        for (const ast::Include& inc : includes) {
            const Span span = Span::at(source, inc.path.begin, inc.path.end);
            const fs::path canonical = fs::weakly_canonical(self.parent_path() / inc.path.value, ec);
            const fs::path relative = canonical.lexically_relative(root);
            if (relative.empty() || *relative.begin() == "..") {
                Diagnostic& d = diags.error("reference", span, {});
                d.message_key = "parse.include_outside";
                d.message_args = {{"include", inc.path.value},
                                  {"target", display_path(canonical)},
                                  {"root", display_path(ws.root)}};
                continue;
            }
            if (!fs::exists(canonical, ec)) {
                Diagnostic& d = diags.error("reference", span, {});
                d.message_key = "parse.include_missing";
                d.message_args = {{"include", inc.path.value}};
                continue;
            }
            if (stack.size() >= options.max_include_depth) {
                Diagnostic& d = diags.error("limit", span, {});
                d.message_key = "parse.include_depth";
                d.message_args = {{"limit", static_cast<std::int64_t>(options.max_include_depth)}};
                continue;
            }
            auto child = load(fs::path(display_path(canonical)));
            if (!child) continue;
            if (auto it = visits.find(*child); it != visits.end() && it->second == Visit::in_progress) {
                std::string chain;
                const auto from = std::find(stack.begin(), stack.end(), canonical);
                for (auto p = from; p != stack.end(); ++p) chain += display_path(*p) + " → ";
                Diagnostic& d = diags.error("reference", span, {});
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
    if (!paths.empty()) {
        const fs::path first = paths.front();
        ws.root = fs::is_directory(first, ec) ? first : first.parent_path();
        if (ws.root.empty()) ws.root = ".";
    }
    Loader loader{options, diags, ws, {}, {}, {}};

    std::vector<fs::path> files;
    for (const fs::path& p : options.preload) files.push_back(p);
    for (const fs::path& p : paths) {
        // A folder named like a rule file is a mistake (or a trap), not a
        // folder of rules: walking it would report success over nothing.
        if (p.extension() == ".regel" && fs::is_directory(p, ec)) {
            Diagnostic& d = diags.error("io", Span{}, {});
            d.message_key = "parse.directory";
            d.message_args = {{"path", display_path(p)}};
            continue;
        }
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> found;
            const fs::path walked = fs::weakly_canonical(p, ec);
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                // A committed symbolic link must not read (and show lines of) a
                // file outside the folder, just as an include may not.
                if (it->path().extension() == ".regel" && it->is_symlink(ec)) {
                    std::error_code link_ec;
                    const fs::path target = fs::weakly_canonical(it->path(), link_ec);
                    const fs::path relative = target.lexically_relative(walked);
                    if (link_ec || relative.empty() || *relative.begin() == "..") {
                        Diagnostic& d = diags.error("io", Span{}, {});
                        d.message_key = "parse.symlink_outside";
                        d.message_args = {{"path", display_path(it->path())},
                                          {"target", display_path(target)},
                                          {"root", display_path(p)}};
                        continue;
                    }
                }
                if (it->path().extension() == ".regel" && !it->is_directory(ec)) found.push_back(it->path());
                else if (it->path().extension() == ".regel" && it->is_directory(ec)) {
                    Diagnostic& d = diags.error("io", Span{}, {});
                    d.message_key = "parse.directory";
                    d.message_args = {{"path", display_path(it->path())}};
                }
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(p, ec)) {
            files.push_back(p);
        } else {
            Diagnostic& d = diags.error("io", Span{}, {});
            d.message_key = "parse.no_such_file";
            d.message_args = {{"path", display_path(p)}};
        }
    }
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const bool bundled = i < options.preload.size();
        if (auto index = loader.load(fs::path(display_path(files[i])), bundled)) roots.push_back(*index);
        if (i + 1 == options.preload.size()) ws.preloaded = ws.files.size();
    }
    for (std::size_t index : roots) {
        std::vector<fs::path> stack;
        loader.follow_includes(index, stack);
    }
    return ws;
}

}  // namespace lovsjekk::parse
