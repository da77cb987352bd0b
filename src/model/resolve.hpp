// The resolve stage: syntax trees in, the model out. Looks up every name
// (laws, actors, topics, rules), checks dates and ages, and reports what it
// cannot resolve as diagnostics; never prints.
#pragma once

#include "base/diagnostic.hpp"
#include "model/model.hpp"
#include "parse/parser.hpp"

namespace lovsjekk::model {

Model resolve(const parse::Workspace& workspace, Diagnostics& diags);

}  // namespace lovsjekk::model
