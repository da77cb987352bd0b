// libFuzzer harness for the citation parser ("pbrl § 4-3 første ledd
// bokstav b"): the grammar's citation rule on its own, fed raw bytes, as the
// language server and `explain` may call it on text that is not validated.
#include "grammar/api.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lovsjekk;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ast::Citation citation;
    grammar::SyntaxFailure failure;
    const bool ok = grammar::parse_citation(text, citation, failure);
    // A failure offset beyond the input would make the caret point nowhere.
    if (!ok && failure.offset > size) __builtin_trap();
    return 0;
}
