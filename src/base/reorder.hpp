// Putting a vector of large elements into a computed order in place.
#pragma once

#include <cstddef>
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

}  // namespace lovsjekk
