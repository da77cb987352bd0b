// The one translation unit that compiles Boost.JSON (header-only mode).
// Everything else includes <boost/json.hpp>.
#include <boost/json/src.hpp>
