#include "text/suggest.hpp"

#include <unicode/utf8.h>

#include <algorithm>

namespace lovsjekk::text {

namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
    }
    return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus the swap of two neighbouring
    // letters as one edit, the commonest slip in typing ("kidle" for "kilde").
    const std::u32string x = code_points(a), y = code_points(b);
    std::vector<std::size_t> before(y.size() + 1), previous(y.size() + 1), row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
                row[j] = std::min(row[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[y.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates) {
    if (word.empty()) return std::nullopt;
    const std::size_t limit = std::max<std::size_t>(1, code_points(word).size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d > 0 && d < best_distance) {
            best_distance = d;
            best = std::string(candidate);
        }
    }
    return best;
}

}  // namespace lovsjekk::text
