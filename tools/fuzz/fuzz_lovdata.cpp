// libFuzzer harness for the Lovdata importer: in-memory XML through the same
// path as a file (SourceManager::add, then import_lovdata), with the
// ledd/point text kept so that the text cross-check code runs too.
#include "corpus/lovdata_import.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lovsjekk;
    text::SourceManager sources;
    Diagnostics diags;
    const auto id = sources.add("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size), diags);
    if (!id) return 0;
    corpus::ImportOptions options;
    options.keep_text = true;
    const auto law = corpus::import_lovdata(*id, sources, diags, options);
    (void)law;
    return 0;
}
