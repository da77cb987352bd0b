// How long the language server takes to re-check a large document after an
// edit: didChange in, publishDiagnostics out (the whole pipeline: parse,
// resolve, every check, and the JSON). Run from the repository root:
//
//   build/bench_lsp [LINES] [EDITS]      (default 10000 lines, 30 edits)
//
// Two settings: the document alone (with the bundled vocabulary, as
// `lovsjekk check FILE`), and the document as a sector file inside rules/
// (checked with every bundled sector). Also times each stage once, to show
// what bounds the total.
#include "check/check.hpp"
#include "corpus/index_io.hpp"
#include "lsp/analysis.hpp"
#include "lsp/server.hpp"
#include "model/resolve.hpp"
#include "text/messages.hpp"
#include "parse/parser.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace json = boost::json;
using lovsjekk::Date;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// This thread's CPU time in ms: unlike the wall clock, not inflated when
/// other processes share the cores.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

/// A sector file of about `lines` lines: rules on the topics, actors and
/// ages the bundled rules use, citing real sections of barnelova, so that
/// the checks meet overlapping ages, exceptions and cooperation duties.
std::string generate(std::size_t lines) {
    static const char* topics[] = {"bli-hørt", "samtykke.helsehjelp", "informasjon.til-foreldre", "partsrettigheter",
                                   "innsyn", "taushetsplikt", "samarbeid", "egne-midler"};
    static const char* actors[] = {"barnet", "foreldre", "barnevern", "skole", "helse-kommune", "nav", "kommune"};
    // A prohibition now and then: real files have few conflicts.
    static const char* modalities[] = {"har rett til å", "skal", "kan", "har plikt til å", "bestemmer"};
    static const char* sections[] = {"31", "32", "33", "30", "35", "36", "37", "42", "43", "44"};
    static const char* ages[] = {"fylt 7 år", "fra 12 år", "over 15 år", "under 18 år", "fra 12 år til 16 år",
                                 "fra året 16", "når barnet kan danne seg egne synspunkter", "uansett"};
    std::string out = "sektor benk \"Benk: en stor sektorfil\"\n\n"
                      "lov bl \"barnelova\" LOV-1981-04-08-7 gjelder fra 1982-01-01\n";
    std::size_t n = 0, count = 3;
    while (count < lines) {
        const std::string id = "regel-" + std::to_string(n);
        out += "\nregel " + id + " \"Generert regel nummer " + std::to_string(n) + " med æ, ø og å\" {\n";
        out += "  kilde    bl § " + std::string(sections[n % 10]) + " første ledd\n";
        out += "  tema     " + std::string(topics[n % 8]) + "\n";
        const std::string modality = n % 40 == 39 ? "skal ikke" : modalities[(n / 7) % 5];
        out += "  " + std::string(actors[n % 7]) + " " + modality + " gjøre noe for barnet nummer " +
               std::to_string(n) + "\n";
        out += "  overfor  " + std::string(actors[(n + 3) % 7]) + "\n";
        out += "  alder    " + std::string(ages[(n / 3) % 8]) + "\n";
        out += "  avledet  \"generert for målingen\"\n";
        count += 9;  // a blank line, the header, six fields and the closing brace
        if (n % 5 == 4) {
            out += "  unntak   fra regel-" + std::to_string(n - 1) + "\n";
            ++count;
        }
        out += "}\n";
        ++n;
    }
    return out;
}

struct Stats {
    double median = 0, p90 = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 9 / 10)], v.back()};
}

/// A message body as the client sends it (framing is the transport's, not timed here).
std::string frame_free(const json::value& v) { return json::serialize(v); }

void bench_server(const std::string& label, const fs::path& path, const std::string& text, int edits) {
    lovsjekk::lsp::ServerOptions options;
    options.run.corpus_dir = "corpus";
    options.run.when.at = *Date::parse("2026-11-22");
    auto start = Clock::now();
    lovsjekk::lsp::Server server(options);
    const double startup = ms_since(start);
    server.handle(frame_free(json::object{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object{}}}));
    const std::string uri = "file://" + fs::absolute(path).generic_string();

    const std::string open_message = frame_free(json::object{
        {"jsonrpc", "2.0"},
        {"method", "textDocument/didOpen"},
        {"params", {{"textDocument", {{"uri", uri}, {"version", 1}, {"languageId", "regel"}, {"text", text}}}}}});
    start = Clock::now();
    auto out = server.handle(open_message);
    const double open = ms_since(start);
    std::size_t diagnostics = 0;
    std::map<std::string, int> kinds;
    const json::value published = out.empty() ? json::value() : json::parse(out.back());
    if (!out.empty())
        for (const json::value& d : published.at("params").at("diagnostics").as_array()) {
            ++diagnostics;
            ++kinds[std::string(d.at("code").as_string())];
        }
    std::string by_kind;
    for (const auto& [kind, n] : kinds) by_kind += (by_kind.empty() ? "" : ", ") + kind + " " + std::to_string(n);

    std::vector<double> times, cpu_times;
    std::string edited = text;
    for (int i = 0; i < edits; ++i) {
        // An edit a person makes: one age changes somewhere in the middle.
        const std::size_t at = edited.find("alder    ", edited.size() / 2 + static_cast<std::size_t>(i) * 400);
        const std::size_t end = edited.find('\n', at);
        edited.replace(at, end - at, i % 2 ? "alder    fra 13 år" : "alder    over 14 år");
        // The client's side (making the message) is not timed.
        const std::string message = frame_free(json::object{
            {"jsonrpc", "2.0"},
            {"method", "textDocument/didChange"},
            {"params", {{"textDocument", {{"uri", uri}, {"version", 2 + i}}},
                        {"contentChanges", json::array{{{"text", edited}}}}}}});
        start = Clock::now();
        const double cpu_start = cpu_ms();
        out = server.handle(message);
        times.push_back(ms_since(start));
        cpu_times.push_back(cpu_ms() - cpu_start);
        server.release_retired();  // as the server loop does once the diagnostics are written
    }
    const Stats s = stats(times);
    std::cout << label << ":\n"
              << "  server start (statute index): " << startup << " ms\n"
              << "  didOpen → diagnostics:        " << open << " ms (" << diagnostics << " diagnostics: " << by_kind << ")\n"
              << "  didChange → diagnostics, " << edits << " edits: median " << s.median << " ms, p90 " << s.p90
              << " ms, max " << s.max << " ms (CPU time: median " << stats(cpu_times).median << " ms, max "
              << stats(cpu_times).max << " ms)\n";

    // The same edits through the analysis alone, stage by stage.
    lovsjekk::lsp::Analyzer analyzer(options);
    analyzer.analyse(path, text);
    std::vector<double> total;
    edited = text;
    for (int i = 0; i < edits; ++i) {
        const std::size_t at = edited.find("alder    ", edited.size() / 2 + static_cast<std::size_t>(i) * 400);
        const std::size_t end = edited.find('\n', at);
        edited.replace(at, end - at, i % 2 ? "alder    fra 13 år" : "alder    over 14 år");
        start = Clock::now();
        const auto analysis = analyzer.analyse(path, edited);
        total.push_back(ms_since(start));
    }
    std::cout << "  analysis alone (the driver's run), median: " << stats(total).median
              << " ms; the rest of didChange is JSON in and out\n";
}

/// Each stage once, on the document alone with the vocabulary.
void bench_stages(const std::string& text) {
    using namespace lovsjekk;
    Diagnostics diags;
    auto start = Clock::now();
    const corpus::Corpus corpus = corpus::load_corpus("corpus", diags);
    const double corpus_ms = ms_since(start);
    parse::Workspace ws;
    start = Clock::now();
    ws.files.push_back(parse::parse_string(ws.sources, "bench.regel", text, diags));
    const double parse_ms = ms_since(start);
    parse::LoadOptions load;
    for (const auto& e : fs::directory_iterator("rules"))
        if (e.path().filename().string().rfind("vokabular", 0) == 0) load.preload.push_back(e.path());
    Diagnostics vocabulary_diags;
    parse::Workspace vocabulary = parse::load_workspace({}, load, vocabulary_diags);
    for (auto& f : vocabulary.files) {
        const auto& source = vocabulary.sources.file(f.source);
        auto id = ws.sources.add(source.path(), std::string(source.content()), diags);
        f.source = *id;
        ws.files.push_back(f);
    }
    start = Clock::now();
    const model::Model model = model::resolve(ws, diags);
    const double resolve_ms = ms_since(start);
    model::Evaluation when;
    when.at = *Date::parse("2026-11-22");
    start = Clock::now();
    const auto findings = check::run_all(model, when, &corpus);
    const double check_ms = ms_since(start);
    std::cout << "stages (document alone): load statute index " << corpus_ms << " ms (once per server), parse "
              << parse_ms << " ms, resolve " << resolve_ms << " ms, checks " << check_ms << " ms; "
              << model.norms.size() << " norms, " << findings.size() << " findings\n";
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t lines = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
    const int edits = argc > 2 ? std::atoi(argv[2]) : 30;
    if (!fs::exists("rules") || !fs::exists("corpus")) {
        std::cerr << "bench_lsp: run from the repository root (rules/ and corpus/ must be here)\n";
        return 2;
    }
    const std::string text = generate(lines);
    std::cout << "document: " << std::count(text.begin(), text.end(), '\n') << " lines, " << text.size()
              << " bytes\n";
    bench_stages(text);
    bench_server("document alone (with the bundled vocabulary)", fs::temp_directory_path() / "bench.regel", text,
                 edits);
    bench_server("document as a sector file in rules/ (with every bundled sector)", fs::path("rules") / "benk.regel",
                 text, edits);
    return 0;
}
