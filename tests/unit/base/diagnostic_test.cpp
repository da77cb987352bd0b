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

TEST_CASE("stable_order_by_text gives std::stable_sort's order by a tuple of the texts") {
    // Short texts over two letters: prefixes of one another, empty texts and
    // ties on every key are all common, and a byte above 0x7F compares as unsigned.
    std::mt19937 random(4);
    auto text = [&] {
        std::string s;
        for (std::size_t n = random() % 4; n > 0; --n) s += "a\xC3"[random() % 2];
        return s;
    };
    for (std::size_t size : {0u, 1u, 2u, 9u, 700u}) {
        std::vector<std::pair<std::string, std::string>> items(size);
        for (auto& [first, second] : items) {
            first = text();
            second = text();
        }
        std::vector<std::size_t> expected(size);
        for (std::size_t i = 0; i < size; ++i) expected[i] = i;
        std::stable_sort(expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) { return items[a] < items[b]; });
        const auto order = stable_order_by_text<2>(items, [](const auto& item) {
            return std::array<std::string_view, 2>{item.first, item.second};
        });
        CHECK(order == expected);
    }
    // The keys are compared apart, not as one text: ("a", "ab") before ("aa", "b").
    const std::vector<std::pair<std::string, std::string>> split{{"aa", "b"}, {"a", "ab"}};
    CHECK(stable_order_by_text<2>(split, [](const auto& item) {
              return std::array<std::string_view, 2>{item.first, item.second};
          }) == std::vector<std::size_t>{1, 0});
}
