// The resolve stage: syntax trees in, the model out. Looks up every name
// (laws, actors, topics, rules), checks dates and ages, and reports what it
// cannot resolve as diagnostics; never prints.
#pragma once

#include "base/diagnostic.hpp"
#include "model/model.hpp"
#include "parse/parser.hpp"

namespace lovsjekk::model {

Model resolve(const parse::Workspace& workspace, Diagnostics& diags);

/// The same, freeing each file's declarations once its norms are resolved
/// (parse::Workspace::release_syntax_trees, done as it goes): for a caller
/// that reads no syntax tree afterwards, the trees and the model are never
/// in memory whole at the same time.
Model resolve_releasing(parse::Workspace& workspace, Diagnostics& diags);

}  // namespace lovsjekk::model
