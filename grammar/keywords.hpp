// The keywords of the .regel language in one table, so that "did you mean"
// and the editor grammar draw on the same list as the parser.
#pragma once

#include "grammar/ast.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace lovsjekk::grammar {

/// Keywords that open a declaration at the top level of a file.
inline constexpr std::array<std::string_view, 8> declaration_keywords = {
    "sektor", "lov", "inkluder", "aktør", "tema", "erstattet", "utelatt", "regel"};

/// Keywords that open a field inside `regel … { }`.
inline constexpr std::array<std::string_view, 14> field_keywords = {
    "kilde", "tema", "overfor", "alder", "vekt", "vilkår",
    "unntak", "gjelder", "usikker", "avledet", "merknad", "faktaark", "klarspråk", "utfører"};

/// The marks after `vilkår`: discretion, and the child's maturity or capacity.
inline constexpr std::array<std::string_view, 2> condition_marks = {"skjønn", "modenhet"};

/// The words that name a modality after the actor, and the modality each names.
struct ModalityPhrase {
    std::string_view words;
    ast::Modality modality;
};
inline constexpr std::array<ModalityPhrase, 12> modality_phrases = {{
    {"har rett til", ast::Modality::right},     {"har plikt til", ast::Modality::duty},
    {"skal", ast::Modality::duty},              {"plikter", ast::Modality::duty},
    {"kan", ast::Modality::may},                {"skal ikke", ast::Modality::must_not},
    {"kan ikke", ast::Modality::must_not},      {"har ikke lov til", ast::Modality::must_not},
    {"bestemmer", ast::Modality::power},        {"bestemmer alene", ast::Modality::power_sole},
    {"avgjør", ast::Modality::power},           {"har myndighet til", ast::Modality::power},
}};

/// The most digits a ledd, punktum or nr. may have: more cannot be a real
/// subdivision, and would overflow the number it is read into.
inline constexpr std::size_t max_count_digits = 4;

}  // namespace lovsjekk::grammar
