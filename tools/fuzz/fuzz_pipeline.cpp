// libFuzzer harness for the whole check pipeline: the fuzzed text is one
// rule file beside the bundled vocabulary (rules/vokabular*.regel), parsed,
// resolved and checked against the bundled statute index, as
// `lovsjekk check FILE` does. Includes are not followed (no file system in a
// fuzz loop); the parser harness covers their syntax.
#include "base/data_dir.hpp"
#include "check/check.hpp"
#include "check/finding.hpp"
#include "driver/driver.hpp"
#include "corpus/index_io.hpp"
#include "model/resolve.hpp"
#include "parse/parser.hpp"
#include "text/messages.hpp"
#include "text/render.hpp"
#include "text/word.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Bundled {
    std::vector<std::pair<std::string, std::string>> vocabulary;  // display name, text
    lovsjekk::corpus::Corpus corpus;
};

// Read once: the vocabulary and corpus are the same for every input.
const Bundled& bundled() {
    static const Bundled b = [] {
        Bundled out;
        const fs::path rules = lovsjekk::data_dir() / "rules";
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(rules))
            if (entry.path().filename().string().rfind("vokabular", 0) == 0 && entry.path().extension() == ".regel")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            std::ifstream in(f, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            out.vocabulary.emplace_back("rules/" + f.filename().string(), s.str());
        }
        lovsjekk::Diagnostics ignored;
        out.corpus = lovsjekk::corpus::load_corpus(lovsjekk::data_dir() / "corpus", ignored);
        return out;
    }();
    return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace lovsjekk;
    const Bundled& b = bundled();
    parse::Workspace ws;
    ws.root = "fuzz";
    Diagnostics diags;
    for (const auto& [name, text] : b.vocabulary)
        ws.files.push_back(parse::parse_string(ws.sources, name, text, diags));
    ws.preloaded = ws.files.size();
    ws.files.push_back(
        parse::parse_string(ws.sources, "fuzz/fuzz.regel", std::string(reinterpret_cast<const char*>(data), size), diags));
    model::Model model = model::resolve(ws, diags);
    // As the CLI: input errors (syntax, encoding, …) make the rules unusable
    // and the checks do not run; resolve errors (unknown names) do not.
    if (std::any_of(diags.all().begin(), diags.all().end(), lovsjekk::driver::is_input_error)) return 0;
    model::Evaluation when;
    when.at = *Date::parse("2026-01-01");
    when.assume_in_force = {"*"};
    auto findings = check::run_all(model, when, b.corpus.size() ? &b.corpus : nullptr);
    check::complete_findings(findings, model);
    text::word(findings, text::bundled_catalogue(text::default_language));
    // Render as `check` does: every finding's span and notes must map to a line.
    std::ostringstream rendered;
    text::render_all(rendered, findings, ws.sources, {});
    return 0;
}
