// The bundled rules run through the pipeline once (without the statute
// index: citations are checked by the corpus tests), and the bundled message
// catalogues, for the tests that read every summary of the bundled rules.
#pragma once

#include "cli/pipeline.hpp"
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace lovsjekk::test {

inline const cli::PipelineResult& bundled_rules() {
    static const cli::PipelineResult result = [] {
        cli::PipelineOptions options;
        options.no_corpus = true;
        options.when.at = Date::today();
        return cli::run_pipeline(options);
    }();
    return result;
}

inline const text::Catalogue& bundled_catalogue(const std::string& lang) {
    static std::map<std::string, text::Catalogue> loaded;
    auto it = loaded.find(lang);
    if (it == loaded.end()) {
        std::vector<std::string> errors;
        it = loaded.emplace(lang, text::Catalogue::load(text::bundled_messages_dir(), lang, errors)).first;
        REQUIRE(errors.empty());
    }
    return it->second;
}

}  // namespace lovsjekk::test
