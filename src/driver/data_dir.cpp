// Where lovsjekk's bundled data lies. The driver asks only these functions.
#include "driver/driver.hpp"

namespace lovsjekk::driver {

namespace fs = std::filesystem;

fs::path bundled_rules_dir() { return fs::path(LOVSJEKK_SOURCE_DIR) / "rules"; }
fs::path bundled_corpus_dir() { return fs::path(LOVSJEKK_SOURCE_DIR) / "corpus"; }

}  // namespace lovsjekk::driver
