// A line diff for `fmt --check`: common prefix and suffix trimmed, the rest
// aligned by longest common subsequence (or shown whole when too large).
#include "format/format.hpp"

#include <algorithm>
#include <vector>

namespace lovsjekk::format {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

struct Edit {
    char op;  ///< ' ', '-', '+'
    std::string_view line;
    std::size_t before = 0;  ///< 0-based line in `before` (for ' ' and '-')
    std::size_t after = 0;   ///< 0-based line in `after` (for ' ' and '+')
};

/// Past this many cells the middle is shown as removed, then added.
constexpr std::size_t max_table_cells = 16u * 1024 * 1024;

std::vector<Edit> edits(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::vector<Edit> out;
    for (std::size_t i = 0; i < prefix; ++i) out.push_back({' ', a[i], i, i});
    const std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    if (n * m <= max_table_cells) {
        // lcs[i][j]: longest common subsequence of a[prefix+i..] and b[prefix+j..].
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        std::size_t i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
                out.push_back({' ', a[prefix + i], prefix + i, prefix + j});
                ++i, ++j;
            } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
                out.push_back({'-', a[prefix + i], prefix + i, prefix + j});
                ++i;
            } else {
                out.push_back({'+', b[prefix + j], prefix + i, prefix + j});
                ++j;
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) out.push_back({'-', a[prefix + i], prefix + i, prefix});
        for (std::size_t j = 0; j < m; ++j) out.push_back({'+', b[prefix + j], prefix + n, prefix + j});
    }
    for (std::size_t k = 0; k < suffix; ++k)
        out.push_back({' ', a[a.size() - suffix + k], a.size() - suffix + k, b.size() - suffix + k});
    return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name) {
    if (before == after) return {};
    const auto a = split_lines(before), b = split_lines(after);
    const std::vector<Edit> all = edits(a, b);
    constexpr std::size_t context = 3;
    std::string out;
    out.append("--- ").append(before_name).append("\n+++ ").append(after_name).append("\n");
    std::size_t k = 0;
    bool any = false;
    while (k < all.size()) {
        while (k < all.size() && all[k].op == ' ') ++k;
        if (k == all.size()) break;
        any = true;
        // A hunk: context before, changes, and context after until a gap of more than 2 * context.
        const std::size_t start = k > context ? k - context : 0;
        std::size_t end = k;
        for (;;) {
            while (end < all.size() && all[end].op != ' ') ++end;
            std::size_t quiet = end;
            while (quiet < all.size() && all[quiet].op == ' ') ++quiet;
            if (quiet < all.size() && quiet - end <= 2 * context) {
                end = quiet;
                continue;
            }
            end = std::min(all.size(), end + context);
            break;
        }
        std::size_t before_count = 0, after_count = 0;
        for (std::size_t i = start; i < end; ++i) {
            if (all[i].op != '+') ++before_count;
            if (all[i].op != '-') ++after_count;
        }
        const std::size_t before_line = all[start].before + (before_count ? 1 : 0);
        const std::size_t after_line = all[start].after + (after_count ? 1 : 0);
        out += "@@ -" + std::to_string(before_line) + "," + std::to_string(before_count) + " +" +
               std::to_string(after_line) + "," + std::to_string(after_count) + " @@\n";
        for (std::size_t i = start; i < end; ++i) {
            std::string_view line = all[i].line;
            // A carriage return would make a changed line look unchanged: show it.
            const bool cr = !line.empty() && line.back() == '\r';
            if (cr) line.remove_suffix(1);
            out.append(1, all[i].op).append(line).append(cr ? "\xE2\x90\x8D\n" : "\n");  // U+240D ␍
        }
        k = end;
    }
    // Texts that differ only in their last line end (or other invisible bytes).
    if (!any) out += "@@ the files differ only in line ends or a final newline @@\n";
    return out;
}

}  // namespace lovsjekk::format
