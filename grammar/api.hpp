// The grammar's interface to the rest of lovsjekk, free of X3 headers:
// parse one declaration at a time, so that the driver (src/parse) can
// recover after an error and report every error in a file.
#pragma once

#include "grammar/ast.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace lovsjekk::grammar {

/// Why a parse stopped: where, and what the grammar expected there.
struct SyntaxFailure {
    std::size_t offset = 0;
    std::string expected;  ///< readable name of the expected construct
};

enum class StepResult { parsed, end_of_input, failed };

/// Skips white space and comments from `offset`, then parses one
/// declaration. On `parsed`, `offset` is past it; on `failed`, `failure`
/// says where and what was expected.
StepResult parse_declaration(std::string_view text, std::size_t& offset, ast::Declaration& out,
                             SyntaxFailure& failure);

/// Parses `text` as exactly one citation ("pbrl § 4-3 første ledd bokstav b").
bool parse_citation(std::string_view text, ast::Citation& out, SyntaxFailure& failure);

}  // namespace lovsjekk::grammar
