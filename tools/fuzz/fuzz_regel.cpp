// libFuzzer harness for the .regel parser: any bytes in, diagnostics or a
// syntax tree out, never a crash, hang or sanitizer report. Goes through
// SourceManager::add as real files do (UTF-8 validation, NFC, line ends).
#include "parse/parser.hpp"
#include "text/render.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lovsjekk;
    text::SourceManager sources;
    Diagnostics diags;
    const ast::File file =
        parse::parse_string(sources, "fuzz.regel", std::string(reinterpret_cast<const char*>(data), size), diags);
    // Render every diagnostic as `check` does (line, caret, columns): spans
    // may point at the end of the file, never past it.
    for (const Diagnostic& d : diags.all()) {
        if (!d.span.valid || d.span.file >= sources.size()) continue;
        const auto& source = sources.file(d.span.file);
        if (d.span.begin > source.content().size() || d.span.end < d.span.begin) __builtin_trap();
        (void)source.utf16_column(d.span.begin);
    }
    std::ostringstream rendered;
    text::render_all(rendered, diags.all(), sources, {});
    (void)file;
    return 0;
}
