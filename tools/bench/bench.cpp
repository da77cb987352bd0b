// lovsjekk_bench: how the pipeline scales. For each size it generates a
// synthetic corpus (tools/gen_corpus), then, in a fresh process so that the
// peak memory is that size's alone, times each stage: parse, loading the
// statute index, resolve, each family of checks, the JSON report; and the
// all-pairs baseline of the conflict and divergence checks.
//
//   lovsjekk_bench                      1k, 2k, 4k, 8k norms
//   lovsjekk_bench --max 1024000        doublings from 1k up to 1M
//   lovsjekk_bench --sizes 100000 --baseline-max 100000
//   lovsjekk_bench --startup            `lovsjekk check` over the bundled rules, 20 runs
//
// Stage times are CPU time of the measuring thread (--wall: elapsed time).
#include "baseline.hpp"
#include "generator.hpp"

#include "check/check.hpp"
#include "cli/pipeline.hpp"
#include "corpus/index_io.hpp"
#include "model/resolve.hpp"
#include "parse/parser.hpp"
#include "report/report.hpp"
#include "text/messages.hpp"
#include "text/word.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lovsjekk;

namespace {

/// Stage times are the CPU time of this thread by default: on a machine
/// shared with other work, time spent waiting for a core is not the
/// program's cost. `--wall` measures elapsed time instead.
bool use_wall_clock = false;

struct Clock {
    using time_point = double;
    static double now() {
        if (use_wall_clock)
            return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    }
};

double seconds_since(Clock::time_point start) { return Clock::now() - start; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

/// Counts what the report writes without keeping it: the report's own cost,
/// not that of a growing string.
class CountingBuffer : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) ++bytes;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
};

std::uint64_t peak_rss_bytes() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

const char* const family_columns[] = {"reference", "conflict", "divergence", "grey-zone", "gap"};

struct Options {
    std::vector<std::size_t> sizes = {1000, 2000, 4000, 8000};
    std::size_t baseline_max = 131072;
    int repeat = 3;
    std::uint64_t seed = 1;
    fs::path work = fs::path(LOVSJEKK_BENCH_WORK);
    bool startup = false;
    bool markdown = false;
    fs::path lovsjekk = fs::path(LOVSJEKK_BENCH_CLI);
};

/// One size's figures, as the child process reports them to the parent.
using Row = std::map<std::string, double>;

fs::path corpus_for(const Options& options, std::size_t norms) {
    const fs::path dir = options.work / ("n" + std::to_string(norms) + "-s" + std::to_string(options.seed));
    const fs::path stamp = dir / "complete";
    if (!fs::exists(stamp)) {
        gen::GenOptions g;
        g.norms = norms;
        g.seed = options.seed;
        const gen::GenSummary s = gen::generate_corpus(g, dir);
        std::ofstream(stamp) << s.rule_bytes << "\n";
    }
    return dir;
}

std::set<std::string> ids_of(const std::vector<Diagnostic>& findings, const char* kind) {
    std::set<std::string> ids;
    for (const Diagnostic& d : findings)
        if (d.kind == kind) ids.insert(d.id);
    return ids;
}

/// Runs every stage on one corpus `repeat` times; medians.
Row measure(const Options& options, std::size_t norms) {
    const fs::path dir = corpus_for(options, norms);
    std::vector<fs::path> vocabulary;
    for (const auto& entry : fs::directory_iterator(cli::bundled_rules_dir()))
        if (entry.path().filename().string().rfind("vokabular", 0) == 0) vocabulary.push_back(entry.path());
    std::sort(vocabulary.begin(), vocabulary.end());

    std::map<std::string, std::vector<double>> samples;
    Row row;
    for (int r = 0; r < options.repeat; ++r) {
        cli::PipelineResult result;
        parse::LoadOptions load;
        load.preload = vocabulary;
        auto t = Clock::now();
        result.workspace = parse::load_workspace({dir / "rules"}, load, result.input);
        samples["parse"].push_back(seconds_since(t));
        if (r == 0) row["peak_parse"] = static_cast<double>(peak_rss_bytes());
        std::uintmax_t bytes = 0;
        for (std::size_t f = result.workspace.preloaded; f < result.workspace.files.size(); ++f)
            bytes += result.workspace.sources.file(result.workspace.files[f].source).content().size();
        row["bytes"] = static_cast<double>(bytes);

        t = Clock::now();
        result.corpus = corpus::load_corpus(dir / "corpus", result.workspace.sources, result.input);
        samples["index"].push_back(seconds_since(t));

        t = Clock::now();
        result.model = model::resolve_releasing(result.workspace, result.input);  // as driver::run does
        samples["resolve"].push_back(seconds_since(t));
        if (r == 0) row["peak_resolve"] = static_cast<double>(peak_rss_bytes());
        // The laws the rules cite are read as driver::run reads them, after
        // resolve; it is the index's time (a lookup would otherwise read a
        // law in the middle of the checks, and count there).
        t = Clock::now();
        std::vector<std::string> cited;
        for (const auto& [name, law] : result.model.laws) cited.push_back(law.lovdata_id);
        corpus::read_laws(result.corpus, cited, result.workspace.sources, result.input);
        samples["index"].back() += seconds_since(t);
        row["norms"] = static_cast<double>(result.model.norms.size());
        row["input_errors"] = static_cast<double>(
            std::count_if(result.input.all().begin(), result.input.all().end(),
                          [](const Diagnostic& d) { return d.severity == Severity::error; }));

        model::Evaluation when;
        when.at = Date::from_ymd(2026, 11, 22);
        t = Clock::now();
        const check::Context context = check::make_context(result.model, when, &result.corpus);
        double checks = seconds_since(t);
        std::vector<Diagnostic> findings;
        for (const check::Family& f : check::families()) {
            t = Clock::now();
            f.run(context, findings);
            const double s = seconds_since(t);
            samples[std::string(f.kind)].push_back(s);
            checks += s;
        }
        // The whole-system analyses (coverage …) count in the checks' time, without a column of their own;
        // the all-pairs baseline is compared with the families' findings only.
        const auto family_conflicts = ids_of(findings, "conflict");
        const auto family_divergences = ids_of(findings, "divergence");
        t = Clock::now();
        for (const check::Analysis& a : check::analyses()) a.run(context, findings);
        checks += seconds_since(t);
        // check::run_all, one family at a time.
        t = Clock::now();
        check::sort_findings(findings);
        checks += seconds_since(t);
        samples["check"].push_back(checks);
        row["findings"] = static_cast<double>(findings.size());
        row["reference_errors"] = static_cast<double>(std::count_if(findings.begin(), findings.end(), [](const Diagnostic& d) {
            return d.kind == "reference" && d.severity == Severity::error;
        }));
        result.findings = std::move(findings);
        if (r == 0) row["peak_check"] = static_cast<double>(peak_rss_bytes());

        t = Clock::now();
        CountingBuffer sink;
        std::ostream out(&sink);
        const std::vector<Diagnostic> ordered = std::move(result).report_order();
        // Worded as written, as `lovsjekk report --format json` does: the words are the report's work.
        report::ReportInput input{ordered, result.workspace.sources, result.model, when.at};
        input.word_with = &text::bundled_catalogue(text::default_language);
        report::write_json(out, input);
        samples["report"].push_back(seconds_since(t));
        row["report_bytes"] = static_cast<double>(sink.bytes);
        if (r == 0) row["peak"] = static_cast<double>(peak_rss_bytes());

        if (r == 0 && norms <= options.baseline_max) {
            std::vector<Diagnostic> naive_conflicts, naive_divergences;
            t = Clock::now();
            bench::all_pairs_conflicts(context, naive_conflicts);
            row["naive_conflict"] = seconds_since(t);
            t = Clock::now();
            bench::all_pairs_divergences(context, naive_divergences);
            row["naive_divergence"] = seconds_since(t);
            const bool same = ids_of(naive_conflicts, "conflict") == family_conflicts &&
                              ids_of(naive_divergences, "divergence") == family_divergences;
            row["naive_same"] = same ? 1 : 0;
        }
    }
    for (const auto& [name, values] : samples) row[name] = median(values);
    return row;
}

/// Measures one size in a child process and reads its row back through a pipe.
Row measure_in_child(const Options& options, std::size_t norms) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::cout.flush();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        std::ostringstream text;
        try {
            for (const auto& [k, v] : measure(options, norms)) text << k << ' ' << v << '\n';
        } catch (const std::exception& e) {
            std::cerr << "lovsjekk_bench: " << e.what() << "\n";
            _exit(1);
        }
        const std::string s = text.str();
        if (write(fds[1], s.data(), s.size()) != static_cast<ssize_t>(s.size())) _exit(1);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t got; (got = read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("measuring " + std::to_string(norms) + " norms failed");
    Row row;
    std::istringstream in(text);
    std::string key;
    double value;
    while (in >> key >> value) row[key] = value;
    return row;
}

std::string fixed(double v, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

std::string ms(double seconds) { return fixed(seconds * 1000, seconds < 0.01 ? 2 : 1); }

std::string size_name(std::size_t n) {
    if (n >= 1000 && n % 1000 == 0) return std::to_string(n / 1000) + "k";
    return std::to_string(n);
}

int run_sizes(const Options& options) {
    std::vector<std::string> header = {"norms", "MB", "parse MB/s", "parse ms", "index ms", "resolve ms"};
    for (const char* f : family_columns) header.push_back(std::string(f) + " ms");
    header.insert(header.end(), {"checks ms", "report ms", "total ms", "peak B/norm to checks", "peak B/norm with report", "×prev total",
                                 "×prev checks", "all-pairs ms", "speed-up"});
    auto print_row = [&](const std::vector<std::string>& cells) {
        if (options.markdown) {
            std::cout << "|";
            for (const auto& c : cells) std::cout << ' ' << c << " |";
        } else {
            for (std::size_t i = 0; i < cells.size(); ++i) std::cout << (i ? "\t" : "") << cells[i];
        }
        std::cout << "\n";
    };
    print_row(header);
    if (options.markdown) print_row(std::vector<std::string>(header.size(), "---:"));
    std::optional<Row> previous;
    int exit_code = 0;
    for (std::size_t n : options.sizes) {
        Row r = measure_in_child(options, n);
        const double total = r["parse"] + r["index"] + r["resolve"] + r["check"] + r["report"];
        r["total"] = total;
        std::vector<std::string> cells = {size_name(n), fixed(r["bytes"] / 1e6, 1),
                                          fixed(r["bytes"] / 1e6 / r["parse"], 1), ms(r["parse"]), ms(r["index"]),
                                          ms(r["resolve"])};
        for (const char* f : family_columns) cells.push_back(ms(r[f]));
        cells.push_back(ms(r["check"]));
        cells.push_back(ms(r["report"]));
        cells.push_back(ms(total));
        cells.push_back(fixed(r["peak_check"] / r["norms"], 0));
        cells.push_back(fixed(r["peak"] / r["norms"], 0));
        cells.push_back(previous ? fixed(total / (*previous)["total"], 2) : "–");
        cells.push_back(previous ? fixed(r["check"] / (*previous)["check"], 2) : "–");
        if (r.count("naive_conflict")) {
            const double naive = r["naive_conflict"] + r["naive_divergence"];
            const double real = r["conflict"] + r["divergence"];
            cells.push_back(ms(naive));
            cells.push_back(fixed(naive / real, 0) + "×" + (r["naive_same"] == 1 ? "" : " (DIFFERENT FINDINGS)"));
            if (r["naive_same"] != 1) exit_code = 1;
        } else {
            cells.insert(cells.end(), {"–", "–"});
        }
        print_row(cells);
        if (r["input_errors"] > 0 || r["reference_errors"] > 0) {
            std::cerr << "lovsjekk_bench: " << size_name(n) << ": " << r["input_errors"] << " input errors, "
                      << r["reference_errors"] << " reference errors in the generated corpus\n";
            exit_code = 1;
        }
        std::cerr << "  " << size_name(n) << ": " << static_cast<long>(r["norms"]) << " norms, "
                  << static_cast<long>(r["findings"]) << " findings, JSON report "
                  << static_cast<long>(r["report_bytes"]) << " bytes; peak after parse "
                  << static_cast<long>(r["peak_parse"] / 1e6) << " MB, resolve "
                  << static_cast<long>(r["peak_resolve"] / 1e6) << " MB, checks "
                  << static_cast<long>(r["peak_check"] / 1e6) << " MB, report " << static_cast<long>(r["peak"] / 1e6)
                  << " MB\n";
        previous = r;
    }
    return exit_code;
}

/// Wall time of `lovsjekk check` over the bundled rules, start-up included.
int run_startup(const Options& options) {
    std::vector<double> times, cpu_times;
    use_wall_clock = true;  // start-up is about waiting: wall time, as a user sees it
    for (int i = 0; i < 21; ++i) {
        const auto t = Clock::now();
        const pid_t pid = fork();
        if (pid == 0) {
            if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
            execl(options.lovsjekk.c_str(), "lovsjekk", "check", static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
            std::cerr << "lovsjekk_bench: " << options.lovsjekk << " check failed\n";
            return 1;
        }
        if (i == 0) continue;  // the first run warms the file cache
        times.push_back(seconds_since(t));
        auto seconds = [](timeval v) { return static_cast<double>(v.tv_sec) + static_cast<double>(v.tv_usec) * 1e-6; };
        cpu_times.push_back(seconds(usage.ru_utime) + seconds(usage.ru_stime));
    }
    std::sort(times.begin(), times.end());
    // CPU time (user + system) beside the wall time: on a shared machine the
    // wall time includes waiting for a core.
    std::cout << "lovsjekk check (bundled rules), " << times.size() << " runs: wall median " << ms(median(times))
              << " ms (min " << ms(times.front()) << ", max " << ms(times.back()) << "), CPU median "
              << ms(median(cpu_times)) << " ms\n";
    return 0;
}

std::vector<std::size_t> parse_sizes(const std::string& list) {
    std::vector<std::size_t> sizes;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) sizes.push_back(std::stoull(item));
    return sizes;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    const char* usage =
        "usage: lovsjekk_bench [--sizes N,N,… | --max N] [--repeat R] [--baseline-max N] [--seed S]\n"
        "                      [--work DIR] [--markdown] [--wall] [--startup [--lovsjekk PATH]]\n";
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            const bool has_value = i + 1 < argc;
            if (arg == "--sizes" && has_value) options.sizes = parse_sizes(argv[++i]);
            else if (arg == "--max" && has_value) {
                options.sizes.clear();
                for (std::size_t n = 1000, max = std::stoull(argv[++i]); n <= max; n *= 2) options.sizes.push_back(n);
            } else if (arg == "--repeat" && has_value) options.repeat = std::max(1, std::stoi(argv[++i]));
            else if (arg == "--baseline-max" && has_value) options.baseline_max = std::stoull(argv[++i]);
            else if (arg == "--seed" && has_value) options.seed = std::stoull(argv[++i]);
            else if (arg == "--work" && has_value) options.work = argv[++i];
            else if (arg == "--lovsjekk" && has_value) options.lovsjekk = argv[++i];
            else if (arg == "--markdown") options.markdown = true;
            else if (arg == "--wall") use_wall_clock = true;
            else if (arg == "--startup") options.startup = true;
            else {
                std::cerr << usage;
                return 2;
            }
        }
        if (options.startup) return run_startup(options);
        return run_sizes(options);
    } catch (const std::exception& e) {
        std::cerr << "lovsjekk_bench: " << e.what() << "\n";
        return 2;
    }
}
