// gen_corpus: writes a synthetic, deterministic corpus of N norms and the
// statute index they cite, for the benchmark and scale tests.
//
//   gen_corpus --norms 100000 [--seed 1] --out DIR
//   lovsjekk check --corpus DIR/corpus DIR/rules
#include "generator.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    lovsjekk::gen::GenOptions options;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--norms" && has_value) options.norms = std::stoull(argv[++i]);
        else if (arg == "--seed" && has_value) options.seed = std::stoull(argv[++i]);
        else if (arg == "--per-topic" && has_value) options.norms_per_topic = std::stoull(argv[++i]);
        else if (arg == "--out" && has_value) out = argv[++i];
        else {
            std::cerr << "usage: gen_corpus --norms N [--seed S] [--per-topic K] --out DIR\n";
            return 2;
        }
    }
    if (out.empty() || options.norms == 0 || options.norms_per_topic == 0) {
        std::cerr << "usage: gen_corpus --norms N [--seed S] [--per-topic K] --out DIR\n";
        return 2;
    }
    try {
        const auto s = lovsjekk::gen::generate_corpus(options, out);
        std::cout << s.norms << " norms, " << s.sectors << " sectors, " << s.laws << " laws, " << s.topics
                  << " topics, " << s.rule_files << " rule files, " << s.rule_bytes << " bytes of rules in " << out
                  << "\n";
    } catch (const std::exception& e) {
        std::cerr << "gen_corpus: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
