// Where lovsjekk's bundled data lies. The driver asks only these functions;
// base/data_dir.hpp finds the data (beside the binary, LOVSJEKK_DATA_DIR, or
// a build tree's source).
#include "driver/driver.hpp"

#include "base/data_dir.hpp"

namespace lovsjekk::driver {

namespace fs = std::filesystem;

fs::path bundled_rules_dir() { return data_dir() / "rules"; }
fs::path bundled_corpus_dir() { return data_dir() / "corpus"; }

}  // namespace lovsjekk::driver
