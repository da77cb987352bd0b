// Where lovsjekk finds its data — the bundled rules/, the statute index in
// corpus/ and the message catalogues in messages/ — whether it runs from an
// installed prefix, from a copy with LOVSJEKK_DATA_DIR set, or from a build tree.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lovsjekk {

/// No folder with the data was found. Its message cannot come from the
/// catalogues (they are part of the data): it is in English, and lists every
/// place looked at.
class DataDirError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One place the data may be.
struct DataDirCandidate {
    std::string origin;  ///< "beside the executable", "LOVSJEKK_DATA_DIR", "the source tree"
    std::filesystem::path path;
};

/// The places looked at, in order: `../share/lovsjekk` from the folder of the
/// running executable, then $LOVSJEKK_DATA_DIR, then the source tree the
/// binary was built from (skipped when LOVSJEKK_NO_SOURCE_DATA is set, so that
/// tests can prove an installed copy never reads it).
std::vector<DataDirCandidate> data_dir_candidates();

/// Whether `dir` holds rules/, corpus/ and messages/.
bool holds_data(const std::filesystem::path& dir);

/// The first candidate that holds the data, or nothing; the candidates after
/// it are not even looked at. A LOVSJEKK_DATA_DIR that is set but lacks the
/// data is an error (DataDirError) rather than silently passed over.
std::optional<std::filesystem::path> find_data_dir();

/// find_data_dir(), looked up once per process; throws DataDirError when none.
const std::filesystem::path& data_dir();

}  // namespace lovsjekk
