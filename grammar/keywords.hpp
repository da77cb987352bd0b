// The keywords of the .regel language in one table, so that "did you mean"
// and the editor grammar draw on the same list as the parser.
#pragma once

#include <array>
#include <string_view>

namespace lovsjekk::grammar {

/// Keywords that open a declaration at the top level of a file.
inline constexpr std::array<std::string_view, 8> declaration_keywords = {
    "sektor", "lov", "inkluder", "aktør", "tema", "erstattet", "utelatt", "regel"};

/// Keywords that open a field inside `regel … { }`.
inline constexpr std::array<std::string_view, 13> field_keywords = {
    "kilde", "tema", "overfor", "alder", "vekt", "vilkår",
    "unntak", "gjelder", "usikker", "avledet", "merknad", "faktaark", "utfører"};

/// The words that name a modality after the actor.
inline constexpr std::array<std::string_view, 12> modality_phrases = {
    "har rett til", "har plikt til", "skal", "plikter", "kan", "skal ikke",
    "kan ikke", "har ikke lov til", "bestemmer", "bestemmer alene", "avgjør", "har myndighet til"};

}  // namespace lovsjekk::grammar
