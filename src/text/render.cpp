#include "text/render.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace lovsjekk::text {

namespace {

const char* colour_of(Severity s) {
    switch (s) {
        case Severity::error: return "\x1b[1;31m";
        case Severity::warning: return "\x1b[1;35m";
        case Severity::note: return "\x1b[1;36m";
    }
    return "";
}

// A control character (ESC, BEL, C1 controls) from a file, a path or an
// option would reach the terminal unescaped: each becomes U+FFFD, which is one
// column wide like the character it replaces, so carets stay aligned.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            out += "\xEF\xBF\xBD";
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += "\xEF\xBF\xBD";  // U+0080..U+009F
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Source lines longer than this many bytes (a generated file, a 1 MB line) are
// shown as an excerpt around the caret instead of echoed whole.
constexpr std::size_t max_shown_line = 240;

// The caret line: white space that mirrors the source line's tabs up to the
// column, then '^' and '~' under the rest of the span on that line.
std::string caret_line(std::string_view line, std::uint32_t column, std::uint32_t width) {
    std::string out;
    std::uint32_t seen = 1;
    for (std::size_t i = 0; i < line.size() && seen < column;) {
        const auto lead = static_cast<unsigned char>(line[i]);
        // Walk by grapheme: count one column per cluster (grapheme_count of a prefix).
        std::size_t next = i + 1;
        while (next < line.size() && grapheme_count(line.substr(i, next - i + 1)) == 1) ++next;
        out += lead == '\t' ? '\t' : ' ';
        ++seen;
        i = next;
    }
    out += '^';
    for (std::uint32_t k = 1; k < width; ++k) out += '~';
    return out;
}

void render_location_line(std::ostream& out, const SourceManager& sources, const Span& span, Severity severity,
                          const std::string& message, const std::string& id, bool colour) {
    if (colour) out << "\x1b[1m";
    out << location(sources, span) << ": ";
    if (colour) out << colour_of(severity);
    out << severity_name(severity) << ": ";
    if (colour) out << "\x1b[0m\x1b[1m";
    out << printable(message);
    if (colour) out << "\x1b[0m";
    if (!id.empty()) out << " [" << id << "]";
    out << '\n';
}

void render_source(std::ostream& out, const SourceManager& sources, const Span& span, bool colour) {
    if (!span.valid || span.file >= sources.size()) return;
    const SourceFile& file = sources.file(span.file);
    const Position begin = file.position(span.begin);
    std::string_view line = file.line_text(begin.line);
    std::uint32_t column = begin.column;
    std::uint32_t width = 1;
    if (span.end > span.begin) {
        const Position end = file.position(span.end);
        if (end.line == begin.line && end.column > begin.column) width = end.column - begin.column;
    }
    std::string excerpt;
    if (line.size() > max_shown_line) {
        const std::size_t offset = std::min<std::size_t>(span.begin, file.content().size());
        const std::size_t at = std::min<std::size_t>(offset - file.line_start(begin.line), line.size());
        auto char_start = [&](std::size_t i) {
            while (i > 0 && i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
            return i;
        };
        const std::size_t from = char_start(at > max_shown_line / 3 ? at - max_shown_line / 3 : 0);
        const std::size_t to = char_start(std::min(line.size(), from + max_shown_line));
        const std::string ellipsis = from > 0 ? "…" : "";
        excerpt = ellipsis + std::string(line.substr(from, to - from)) + (to < line.size() ? "…" : "");
        column = grapheme_count(std::string_view(excerpt).substr(0, ellipsis.size() + (at - from))) + 1;
        const std::uint32_t room = grapheme_count(excerpt) + 1 - std::min(column, grapheme_count(excerpt) + 1);
        width = std::max<std::uint32_t>(1, std::min(width, room));
        line = excerpt;
    }
    out << printable(line) << '\n';
    if (colour) out << "\x1b[1;32m";
    out << caret_line(line, column, width);
    if (colour) out << "\x1b[0m";
    out << '\n';
}

}  // namespace

std::string location(const SourceManager& sources, const Span& span) {
    if (span.file >= sources.size()) return "lovsjekk";
    const SourceFile& file = sources.file(span.file);
    if (!span.valid) return file.path();
    const Position p = file.position(span.begin);
    return file.path() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

void sort_diagnostics(std::vector<Diagnostic>& diags, const SourceManager& sources) {
    // The files ranked by path once (the same path, the same rank; no file
    // ranks with the empty path), so that a comparison reads no path.
    std::vector<std::uint32_t> by_path(sources.size());
    for (std::uint32_t id = 0; id < by_path.size(); ++id) by_path[id] = id;
    std::stable_sort(by_path.begin(), by_path.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return sources.file(a).path() < sources.file(b).path(); });
    std::vector<std::uint32_t> rank(sources.size());
    std::uint32_t next = 0;
    std::string_view previous;
    for (const std::uint32_t id : by_path) {
        if (sources.file(id).path() != previous) ++next;
        previous = sources.file(id).path();
        rank[id] = previous.empty() ? 0 : next;
    }
    auto key = [&](const Diagnostic& d) {
        const std::uint32_t path = d.span.file < sources.size() ? rank[d.span.file] : 0;
        // Kind and id before the words: the order must not change with --lang.
        return std::make_tuple(path, d.span.valid ? d.span.begin : 0u, -static_cast<int>(d.severity),
                               std::cref(d.kind), std::cref(d.id), std::cref(d.message));
    };
    stable_sort_diagnostics(diags, [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

void detach_positions(const SourceManager& sources, const Diagnostics& from, Diagnostics& to) {
    for (Diagnostic d : from.all()) {
        if (d.span.file < sources.size() && !d.message_key.empty()) {
            // Still to be worded: the position goes in as arguments around the message.
            const SourceFile& f = sources.file(d.span.file);
            const Position p = d.span.valid ? f.position(d.span.begin) : Position{};
            d.message_args = {{"message", phrase(d.message_key, d.message_args)},
                              {"file", f.path()},
                              {"has_position", d.span.valid ? "yes" : "no"},
                              {"line", std::int64_t{p.line}},
                              {"column", std::int64_t{p.column}}};
            d.message_key = "input.detached";
        } else if (d.span.file < sources.size()) {
            const SourceFile& f = sources.file(d.span.file);
            if (d.span.valid) {
                const Position p = f.position(d.span.begin);
                d.message += " (" + f.path() + ", line " + std::to_string(p.line) + ", column " +
                             std::to_string(p.column) + ")";
            } else {
                d.message += " (" + f.path() + ")";
            }
        }
        d.span = Span{};
        to.all().push_back(std::move(d));
    }
}

void render_text(std::ostream& out, const Diagnostic& d, const SourceManager& sources, const RenderOptions& options) {
    // Input errors without a file (a bad option, a missing folder) get no location.
    if (d.span.file >= sources.size()) {
        out << "lovsjekk: " << severity_name(d.severity) << ": " << printable(d.message) << '\n';
    } else {
        render_location_line(out, sources, d.span, d.severity, d.message, d.id, options.colour);
        if (options.source_lines) render_source(out, sources, d.span, options.colour);
    }
    if (!d.details.witness.empty())
        out << "  " << printable(bundled_catalogue(options.lang).format("finding.example", {{"witness", d.details.witness}}))
            << '\n';
    for (const Note& note : d.notes) {
        if (note.span.file >= sources.size()) {
            out << "lovsjekk: note: " << printable(note.message) << '\n';
            continue;
        }
        render_location_line(out, sources, note.span, Severity::note, note.message, {}, options.colour);
        if (options.source_lines) render_source(out, sources, note.span, options.colour);
    }
}

void render_all(std::ostream& out, const std::vector<Diagnostic>& diags, const SourceManager& sources,
                const RenderOptions& options) {
    for (const Diagnostic& d : diags) render_text(out, d, sources, options);
}

}  // namespace lovsjekk::text
