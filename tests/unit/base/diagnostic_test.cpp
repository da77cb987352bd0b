// Sorting diagnostics in place: the same order as std::stable_sort.
#include "base/diagnostic.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace lovsjekk;

TEST_CASE("stable_sort_diagnostics gives std::stable_sort's order, each diagnostic kept whole") {
    std::mt19937 random(18);
    for (std::size_t size : {0u, 1u, 2u, 3u, 17u, 500u}) {
        std::vector<Diagnostic> diags(size);
        for (std::size_t i = 0; i < size; ++i) {
            diags[i].kind = std::to_string(random() % 7);  // many ties: stability shows
            diags[i].id = std::to_string(i);
            diags[i].notes.resize(i % 3);
        }
        auto by_kind = [](const Diagnostic& a, const Diagnostic& b) { return a.kind < b.kind; };
        std::vector<Diagnostic> expected = diags;
        std::stable_sort(expected.begin(), expected.end(), by_kind);
        stable_sort_diagnostics(diags, by_kind);
        REQUIRE(diags.size() == expected.size());
        for (std::size_t i = 0; i < size; ++i) {
            CHECK(diags[i].id == expected[i].id);
            CHECK(diags[i].kind == expected[i].kind);
            CHECK(diags[i].notes.size() == expected[i].notes.size());
        }
    }
}
