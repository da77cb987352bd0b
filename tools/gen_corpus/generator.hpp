// The synthetic corpus: a seeded, deterministic set of rule files and the
// statute index they cite, at any size, for the benchmark and for scale
// tests. Nothing here is law; the shape (sectors, laws, topics, thresholds,
// duties, citations) follows the bundled rules so that the checks do the
// same kind of work they do on real input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace lovsjekk::gen {

struct GenOptions {
    std::size_t norms = 1000;
    std::uint64_t seed = 1;
    /// Norms a topic holds on average: topics grow with the corpus, as they
    /// would with every Nordic statute and every municipality's local rules.
    std::size_t norms_per_topic = 20;
    /// Norms per rule file at most (a municipality's file is not one huge file).
    std::size_t norms_per_file = 2000;
};

struct GenSummary {
    std::size_t norms = 0;
    std::size_t sectors = 0;
    std::size_t laws = 0;
    std::size_t topics = 0;
    std::size_t rule_files = 0;
    std::uintmax_t rule_bytes = 0;  ///< total size of the .regel files written
};

/// Writes `out/rules/…/*.regel` and `out/corpus/*.json` (the statute index,
/// lovsjekk.corpus/1, with replacements.json). `out` is emptied first. The
/// same options always give the same bytes. `lovsjekk check --corpus
/// out/corpus out/rules` reports no reference errors on them.
GenSummary generate_corpus(const GenOptions& options, const std::filesystem::path& out);

}  // namespace lovsjekk::gen
