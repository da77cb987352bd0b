// Putting a vector of large elements into a computed order in place.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lovsjekk {

/// Rearranges `items` so that position i holds what was at `order[i]`
/// (`order` a permutation of 0 … n−1), moving each element about once and
/// without a second vector of them: for the norms and findings of a large
/// run, a sorted copy would double the memory they take for a moment.
template <class T>
void reorder(std::vector<T>& items, const std::vector<std::size_t>& order) {
    std::vector<bool> placed(order.size(), false);
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (placed[start] || order[start] == start) continue;
        T first = std::move(items[start]);
        std::size_t at = start;
        while (order[at] != start) {
            items[at] = std::move(items[order[at]]);
            placed[at] = true;
            at = order[at];
        }
        items[at] = std::move(first);
        placed[at] = true;
    }
}

/// The order (for reorder) that std::stable_sort would give `items` by
/// `keys(item)`, an array of N texts compared in turn as a std::tuple of
/// them is. The texts are first copied, back to back, into one buffer: a
/// comparison in place reads two large items and their strings' heap
/// blocks, which for a million norms or findings lie scattered over
/// gigabytes, and those cache and TLB misses were most of the sort.
template <std::size_t N, class T, class Keys>
std::vector<std::size_t> stable_order_by_text(const std::vector<T>& items, Keys keys) {
    struct Slice {
        std::size_t begin;
        std::array<std::uint32_t, N> size;
    };
    std::size_t total = 0;  // reserved exactly: a doubling buffer would hold up to twice the keys
    for (const T& item : items)
        for (const std::string_view part : keys(item)) total += part.size();
    std::string text;
    text.reserve(total);
    std::vector<Slice> slices(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::array<std::string_view, N> parts = keys(items[i]);
        slices[i].begin = text.size();
        for (std::size_t k = 0; k < N; ++k) {
            slices[i].size[k] = static_cast<std::uint32_t>(parts[k].size());
            text.append(parts[k]);
        }
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const char* pa = text.data() + slices[a].begin;
        const char* pb = text.data() + slices[b].begin;
        for (std::size_t k = 0; k < N; ++k) {
            const std::string_view ka(pa, slices[a].size[k]), kb(pb, slices[b].size[k]);
            if (const int c = ka.compare(kb); c != 0) return c < 0;
            pa += ka.size();
            pb += kb.size();
        }
        return false;
    });
    return order;
}

}  // namespace lovsjekk
