// JSON written for people as well as tools: two-space indentation, keys in
// the order they were inserted, one value per line. Internal to src/report/.
#pragma once

#include <boost/json/value.hpp>

#include <iosfwd>

namespace lovsjekk::report {

/// Writes `value` indented, followed by a newline. Empty arrays and objects stay on one line.
void write_pretty_json(std::ostream& out, const boost::json::value& value);

}  // namespace lovsjekk::report
