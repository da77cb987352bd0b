// Diagnostics in the order a reader meets them: by file path, then position,
// severity, kind, id and words, whatever the files' ids.
#include "text/render.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>

using namespace lovsjekk;

TEST_CASE("sort_diagnostics orders by path, not by file id, with no file first") {
    text::SourceManager sources;
    Diagnostics ignored;
    // Ids out of path order, a path loaded twice and an empty path.
    for (const char* path : {"b.regel", "a.regel", "c.regel", "a.regel", ""})
        REQUIRE(sources.add(path, "sektor x\nsektor y\n", ignored));
    std::mt19937 random(7);
    std::vector<Diagnostic> diags(400);
    for (std::size_t i = 0; i < diags.size(); ++i) {
        Diagnostic& d = diags[i];
        const std::uint32_t file = random() % 6;  // 5: no file
        d.span = file < 5 ? Span::at(file, random() % 4, 20) : Span{};
        d.span.valid = random() % 5 != 0;
        d.severity = static_cast<Severity>(random() % 3);
        d.kind = random() % 2 ? "syntax" : "reference";
        d.id = std::to_string(random() % 9);
        d.message = std::to_string(i);  // tells apart every diagnostic, to compare orders
    }
    // The order as written down: the path's text, never the file's id.
    std::vector<Diagnostic> expected = diags;
    std::stable_sort(expected.begin(), expected.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        auto key = [&](const Diagnostic& d) {
            const std::string path = d.span.file < sources.size() ? sources.file(d.span.file).path() : "";
            return std::make_tuple(path, d.span.valid ? d.span.begin : 0u, -static_cast<int>(d.severity), d.kind, d.id,
                                   d.message);
        };
        return key(a) < key(b);
    });
    text::sort_diagnostics(diags, sources);
    REQUIRE(diags.size() == expected.size());
    for (std::size_t i = 0; i < diags.size(); ++i) CHECK(diags[i].message == expected[i].message);
}
