// Diagnostics rendered for people: `file:line:column: severity: message [id]`,
// the source line, and a caret under the character a person sees there.
#pragma once

#include "base/diagnostic.hpp"
#include "text/messages.hpp"
#include "text/source.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace lovsjekk::text {

struct RenderOptions {
    bool colour = false;
    bool source_lines = true;
    /// The language of the words around messages ("for example: …").
    std::string lang = default_language;
};

/// "file:line:column" for a span, or just the file (or "lovsjekk") when the
/// span has no position.
std::string location(const SourceManager& sources, const Span& span);

/// Sorts by file, position, severity (errors first) and message, so output
/// is the same whatever order the input came in.
void sort_diagnostics(std::vector<Diagnostic>& diags, const SourceManager& sources);

/// Moves diagnostics out of a private SourceManager's reach: each message gets
/// its "(file, line L, column C)" and the span is cleared.
void detach_positions(const SourceManager& sources, const Diagnostics& from, Diagnostics& to);

void render_text(std::ostream& out, const Diagnostic& d, const SourceManager& sources, const RenderOptions& options);
void render_all(std::ostream& out, const std::vector<Diagnostic>& diags, const SourceManager& sources,
                const RenderOptions& options);

}  // namespace lovsjekk::text
