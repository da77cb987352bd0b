#include "cli/pipeline.hpp"

#include "text/render.hpp"

#include <algorithm>
#include <iterator>

namespace lovsjekk::cli {

std::vector<OptionSpec> pipeline_option_specs() {
    return {
        {"at", true, "DATE", "cli.option.at"},
        {"assume-in-force", true, "LAW", "cli.option.assume_in_force", true},
        {"max-file-size", true, "BYTES", "cli.option.max_file_size"},
        {"max-include-depth", true, "N", "cli.option.max_include_depth"},
        {"severity", true, "KIND=LEVEL", "cli.option.severity", true},
        {"policy", true, "FILE", "cli.option.policy", true},
        {"corpus", true, "DIR", "cli.option.corpus"},
        {"no-corpus", false, "", "cli.option.no_corpus"},
        {"lovdata", true, "DIR", "cli.option.lovdata"},
        lang_option_spec(),
    };
}

std::optional<std::string> read_pipeline_options(const ParsedOptions& parsed, PipelineOptions& out) {
    if (auto error = read_lang(parsed, out.lang)) return error;
    const text::Catalogue& messages = text::bundled_catalogue(out.lang);
    for (const auto& p : parsed.positional) out.paths.emplace_back(p);
    out.when.at = Date::today();
    // Every setting goes through the driver, as the project file's and the server's do.
    for (const std::string_view name : driver::setting_names()) {
        for (const std::string& value : parsed.all(std::string(name))) {
            if (auto error = driver::set_option(out, name, name == "no-corpus" ? "true" : value)) {
                const std::string words = messages.format(error->key, error->args);
                return name == "severity" ? "--severity: " + words : words;
            }
        }
    }
    return std::nullopt;
}

std::size_t show_input_errors(const PipelineResult& result, const std::string& lang, Io io) {
    if (!result.unusable) return 0;
    std::vector<Diagnostic> errors;
    const std::vector<Diagnostic> all = result.all_sorted();
    std::copy_if(all.begin(), all.end(), std::back_inserter(errors), is_input_error);
    text::render_all(io.err, errors, result.workspace.sources, {io.colour, true, lang});
    return errors.size();
}

}  // namespace lovsjekk::cli
