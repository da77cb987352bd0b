// "Did you mean": the closest known word by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::text {

/// Edit distance counted in code points, so "alder"/"aldér" is 1; two
/// neighbouring letters swapped count as one edit ("kidle"/"kilde").
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo (at most a third of the word's length, and at least one edit).
std::optional<std::string> closest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace lovsjekk::text
