// Hostile input that cannot live in tests/cases: files generated at run time
// (100 MB, a 1 MB line, 100 000 rules, 50 MB of XML), file-system tricks
// (symlinks, directories named *.regel, unreadable files) and output files
// that must not appear. Each drives the command line in process and checks
// the exact diagnostic and exit code. Everything is written below a fresh
// temporary folder that the test removes again.
#include "base/diagnostic.hpp"
#include "cli/commands.hpp"

#include "support.hpp"

#include <doctest/doctest.h>
#include <pthread.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

using namespace lovsjekk;
namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

struct Run {
    int code = -1;
    std::string out, err;
};

/// Runs the command line in English (`--lang en`), the language the
/// expected messages below are written in.
Run lovsjekk_run(const cli::Args& args) {
    std::ostringstream out, err;
    Run r;
    cli::Args english = {"--lang", "en"};
    english.insert(english.end(), args.begin(), args.end());
    r.code = cli::run(english, cli::Io{out, err, false});
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// A fresh folder below the system's temporary folder, removed on destruction.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("lovsjekk-hostile-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    fs::path operator/(const std::string& name) const { return path / name; }
};

void write(const fs::path& p, const std::string& content) {
    std::ofstream(p, std::ios::binary) << content;
}

/// `lovsjekk: error: message` for an input error with no file.
std::string no_file_error(const std::string& message) { return "lovsjekk: error: " + message + "\n"; }

const std::string header =
    "sektor helse \"Helse- og omsorgstjenester\" direktorat \"Helsedirektoratet\"\n"
    "lov pbrl \"pasient- og brukerrettighetsloven\" LOV-1999-07-02-63 gjelder fra 2001-01-01\n";

std::string rule(const std::string& id, const std::string& kilde = "pbrl § 4-3", int age = 16) {
    return "regel " + id + " {\n  kilde    " + kilde +
           "\n  tema     samtykke.helsehjelp\n  barnet   har rett til å samtykke til helsehjelp\n  alder    over " +
           std::to_string(age) + " år\n}\n";
}

/// Runs `body` on a thread with a small stack (1 MiB): a parser that recursed
/// once per nesting level would overflow it on the inputs below, so passing
/// proves the recursion is bounded.
void on_small_stack(const std::function<void()>& body) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    // Sanitizers enlarge every frame; the bound stays far below what 100 000
    // levels of recursion would need either way.
    pthread_attr_setstacksize(&attr, sanitized ? 8u << 20 : 1u << 20);
    pthread_t thread;
    auto call = [](void* p) -> void* {
        (*static_cast<const std::function<void()>*>(p))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attr, call, const_cast<std::function<void()>*>(&body)) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile: a 100 MB rule file is refused with the size limit and the option to raise it") {
    TempDir dir("100mb");
    const fs::path big = dir / "big.regel";
    {
        std::ofstream out(big, std::ios::binary);
        const std::string line = "# " + std::string(97, 'x') + "\n";  // 100 bytes
        std::string block;
        for (int i = 0; i < 10000; ++i) block += line;                // 1 MB
        for (int i = 0; i < 100; ++i) out << block;
    }
    REQUIRE(fs::file_size(big) == 100'000'000u);
    const std::string shown = big.generic_string();
    const std::string message = "'" + shown + "' is 100000000 bytes, over the limit of 67108864 bytes"
                                " (raise it with --max-file-size)";
    auto r = lovsjekk_run({"check", shown});
    CHECK(r.code == 2);
    CHECK(r.err == no_file_error(message) + "1 error, 0 warnings, 0 notes in 0 files (0 rules)\n");

    // report -o: the input is unusable, so no file appears, not even an empty one.
    const fs::path report = dir / "report.json";
    auto rep = lovsjekk_run({"report", "--format", "json", "-o", report.generic_string(), shown});
    CHECK(rep.code == 2);
    CHECK(rep.err.find(message) != std::string::npos);
    CHECK_FALSE(fs::exists(report));
    fs::remove(big);
}

TEST_CASE("hostile: --max-file-size is enforced and checked") {
    TempDir dir("max-size");
    const fs::path file = dir / "r.regel";
    write(file, header + rule("r"));
    const std::string shown = file.generic_string();
    const auto size = std::to_string(fs::file_size(file));
    auto r = lovsjekk_run({"check", "--max-file-size", "100", shown});
    CHECK(r.code == 2);
    CHECK(r.err == no_file_error("'" + shown + "' is " + size +
                                 " bytes, over the limit of 100 bytes (raise it with --max-file-size)") +
                       "1 error, 0 warnings, 0 notes in 0 files (0 rules)\n");
    auto bad = lovsjekk_run({"check", "--max-file-size", "-5", shown});
    CHECK(bad.code == 2);
    CHECK(bad.err == "lovsjekk check: error: --max-file-size needs a positive number of bytes, not “-5”\n");
}

TEST_CASE("hostile: a 1 MB single line gives one error and a bounded excerpt of the line") {
    TempDir dir("long-line");
    const fs::path file = dir / "line.regel";
    write(file, std::string(1 << 20, 'x') + "\n");
    const std::string shown = file.generic_string();
    const auto start = std::chrono::steady_clock::now();
    auto r = lovsjekk_run({"check", shown});
    const double took = seconds_since(start);
    CHECK(r.code == 2);
    const std::string message =
        "expected a declaration (sektor, lov, aktør, tema, regel, …), found ‘" + std::string(40, 'x') + "…’";
    CHECK(r.err.rfind(shown + ":1:1: error: " + message + " [", 0) == 0);
    CHECK(r.err.find("1 error, 0 warnings, 0 notes in 1 file (0 rules)\n") != std::string::npos);
    // The source line is shown as an excerpt, not echoed whole (2 MB of output).
    CHECK(r.err.size() < 2000);
    MESSAGE("1 MB line: " << took << " s");
}

TEST_CASE("hostile: deep nesting and long chains run in bounded stack") {
    TempDir dir("nesting");
    SUBCASE("100 000 opening braces") {
        const fs::path file = dir / "braces.regel";
        write(file, header + "regel r " + std::string(100000, '{') + "\n");
        const std::string shown = file.generic_string();
        Run r;
        on_small_stack([&] { r = lovsjekk_run({"check", shown}); });
        CHECK(r.code == 2);
        const std::string message = "expected a field (kilde, tema, alder, vekt, vilkår, unntak, gjelder, overfor, …) or ‘}’, found ‘{’";
        CHECK(r.err.rfind(shown + ":3:10: error: " + message + " [", 0) == 0);
    }
    SUBCASE("100 000 closing braces") {
        const fs::path file = dir / "closing.regel";
        write(file, header + std::string(100000, '}') + "\n");
        Run r;
        on_small_stack([&] { r = lovsjekk_run({"check", file.generic_string()}); });
        CHECK(r.code == 2);
        CHECK(r.err.find(":3:1: error: expected a declaration") != std::string::npos);
    }
    SUBCASE("a citation list of 100 000 citations") {
        const fs::path file = dir / "chain.regel";
        std::string kilde = "pbrl § 4-3";
        for (int i = 1; i < 100000; ++i) kilde += ", pbrl § 4-3";
        write(file, header + rule("r", kilde));
        Run r;
        const auto start = std::chrono::steady_clock::now();
        on_small_stack([&] { r = lovsjekk_run({"check", "--no-corpus", file.generic_string()}); });
        MESSAGE("100 000 citations: " << seconds_since(start) << " s");
        CHECK(r.code == 0);
        CHECK(r.out == "0 errors, 0 warnings, 0 notes in 1 file (1 rule)\n");
    }
    SUBCASE("a citation with 100 000 subdivisions") {
        const fs::path file = dir / "subdivisions.regel";
        std::string kilde = "pbrl § 4-3";
        for (int i = 0; i < 100000; ++i) kilde += " (1)";
        write(file, header + rule("r", kilde));
        Run r;
        on_small_stack([&] { r = lovsjekk_run({"check", "--no-corpus", file.generic_string()}); });
        CHECK(r.code != 3);  // no crash; the verdict on repeated ledd is the resolver's
        CHECK(r.out.find("in 1 file") != std::string::npos);
    }
    SUBCASE("100 000 nested comments and strings on one line") {
        const fs::path file = dir / "quotes.regel";
        write(file, header + "regel r \"" + std::string(100000, '\\') + "\n");
        Run r;
        on_small_stack([&] { r = lovsjekk_run({"check", file.generic_string()}); });
        CHECK(r.code == 2);
        CHECK(r.err.find("unterminated string") != std::string::npos);
    }
}

TEST_CASE("hostile: a chain of 1 000 includes stops at the include depth limit") {
    TempDir dir("include-chain");
    const int files = 1000;
    for (int i = 0; i < files; ++i) {
        std::string text = i == 0 ? header : "";
        if (i + 1 < files) text += "inkluder \"f" + std::to_string(i + 1) + ".regel\"\n";
        else text += "tema kjede.slutt \"the end of the chain\"\n";
        write(dir / ("f" + std::to_string(i) + ".regel"), text);
    }
    const std::string first = (dir / "f0.regel").generic_string();
    Run r;
    on_small_stack([&] { r = lovsjekk_run({"check", "--no-corpus", first}); });
    CHECK(r.code == 2);
    const std::string deepest = (dir / "f63.regel").generic_string();
    const std::string message = "this include goes past the include depth limit of 64 (raise it with --max-include-depth)";
    CHECK(r.err.find(deepest + ":1:10: error: " + message + " [") !=
          std::string::npos);
    CHECK(r.err.find("in 64 files") != std::string::npos);

    SUBCASE("raised, the whole chain is read") {
        Run raised;
        on_small_stack([&] { raised = lovsjekk_run({"check", "--no-corpus", "--max-include-depth", "1000", first}); });
        CHECK(raised.code == 0);
        CHECK(raised.out.find("in 1,000 files") != std::string::npos);
    }
    SUBCASE("the option is checked") {
        auto bad = lovsjekk_run({"check", "--max-include-depth", "0", first});
        CHECK(bad.code == 2);
        CHECK(bad.err == "lovsjekk check: error: --max-include-depth needs a positive number, not “0”\n");
    }
}

TEST_CASE("hostile: 100 000 rules in one file are accepted, fast") {
    TempDir dir("100k");
    const fs::path file = dir / "many.regel";
    {
        std::ofstream out(file, std::ios::binary);
        out << header;
        for (int i = 0; i < 100000; ++i) out << rule("r-" + std::to_string(i), "pbrl § 4-3", i % 20);
    }
    const auto start = std::chrono::steady_clock::now();
    auto r = lovsjekk_run({"check", "--no-corpus", file.generic_string()});
    const double took = seconds_since(start);
    MESSAGE("100 000 rules (" << fs::file_size(file) << " bytes): check took " << took << " s");
    CHECK(r.code == 0);
    CHECK(r.out == "0 errors, 0 warnings, 0 notes in 1 file (100,000 rules)\n");
    // Generous: a release build takes a few seconds; quadratic checks take many minutes.
    if (!sanitized) CHECK(took < 60.0);
}

TEST_CASE("hostile: unreadable files") {
    TempDir dir("unreadable");
    const fs::path file = dir / "secret.regel";
    write(file, header + rule("r"));
    fs::permissions(file, fs::perms::none);
    if (::geteuid() == 0 || std::ifstream(file).good()) {
        MESSAGE("skipped: running as root (or on a file system without permissions), so chmod 000 does not stop reads");
        return;
    }
    const std::string shown = file.generic_string();
    auto r = lovsjekk_run({"check", shown});
    CHECK(r.code == 2);
    CHECK(r.err == no_file_error("cannot read '" + shown + "': permission denied or file vanished") +
                       "1 error, 0 warnings, 0 notes in 0 files (0 rules)\n");
}

TEST_CASE("hostile: a directory named *.regel") {
    TempDir dir("dir-regel");
    fs::create_directories(dir / "rules" / "trap.regel");
    write(dir / "rules" / "ok.regel", header + rule("r"));
    SUBCASE("given directly") {
        const std::string shown = (dir / "rules" / "trap.regel").generic_string();
        auto r = lovsjekk_run({"check", shown});
        CHECK(r.code == 2);
        CHECK(r.err.find("“" + shown + "” is a directory") != std::string::npos);
    }
    SUBCASE("met while walking a folder") {
        const std::string shown = (dir / "rules" / "trap.regel").generic_string();
        auto r = lovsjekk_run({"check", "--no-corpus", (dir / "rules").generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err == no_file_error("“" + shown + "” is a directory, not a rule file") +
                           "1 error, 0 warnings, 0 notes in 1 file (1 rule)\n");
    }
    SUBCASE("included") {
        write(dir / "rules" / "inc.regel", header + "inkluder \"trap.regel\"\n");
        const std::string shown = (dir / "rules" / "inc.regel").generic_string();
        auto r = lovsjekk_run({"check", shown});
        CHECK(r.code == 2);
        CHECK(r.err.find("is a directory") != std::string::npos);
    }
}

TEST_CASE("hostile: symbolic links never lead outside the rules root") {
    TempDir dir("symlink");
    fs::create_directories(dir / "outside");
    fs::create_directories(dir / "rules");
    write(dir / "outside" / "secret.regel", "SECRET LINE THAT MUST NOT BE SHOWN\n");
    fs::create_symlink(dir / "outside" / "secret.regel", dir / "rules" / "link.regel");
    fs::create_directory_symlink(dir / "outside", dir / "rules" / "linkdir");
    SUBCASE("an include through a linked file") {
        write(dir / "rules" / "main.regel", header + "inkluder \"link.regel\"\n");
        const std::string shown = (dir / "rules" / "main.regel").generic_string();
        auto r = lovsjekk_run({"check", "--no-corpus", shown});
        CHECK(r.code != 0);
        CHECK(r.out.find("include “link.regel” resolves to “" + (dir / "outside" / "secret.regel").generic_string() +
                         "”, outside the rules root “" + (dir / "rules").generic_string() + "”") !=
              std::string::npos);
        CHECK(r.err.find("SECRET") == std::string::npos);
    }
    SUBCASE("an include through a linked folder") {
        write(dir / "rules" / "main.regel", header + "inkluder \"linkdir/secret.regel\"\n");
        auto r = lovsjekk_run({"check", "--no-corpus", (dir / "rules" / "main.regel").generic_string()});
        CHECK(r.code != 0);
        CHECK(r.out.find("outside the rules root") != std::string::npos);
        CHECK(r.err.find("SECRET") == std::string::npos);
    }
    SUBCASE("a linked file met while walking the rules folder") {
        write(dir / "rules" / "ok.regel", header + rule("r"));
        auto r = lovsjekk_run({"check", "--no-corpus", (dir / "rules").generic_string()});
        CHECK(r.code == 2);
        const std::string link = (dir / "rules" / "link.regel").generic_string();
        const std::string target = (dir / "outside" / "secret.regel").generic_string();
        CHECK(r.err == no_file_error("“" + link + "” is a symbolic link to “" + target +
                                     "”, outside the rules root “" + (dir / "rules").generic_string() + "”") +
                           "1 error, 0 warnings, 0 notes in 1 file (1 rule)\n");
        CHECK(r.err.find("SECRET") == std::string::npos);
    }
}

TEST_CASE("hostile: report -o writes nothing when the input is unusable") {
    TempDir dir("report-o");
    const fs::path bad = dir / "bad.regel";
    write(bad, header + "regel r {\n  kilde pbrl § 4-3\n");
    const fs::path target = dir / "out.json";
    auto r = lovsjekk_run({"report", "--format", "json", "-o", target.generic_string(), bad.generic_string()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("no report written") != std::string::npos);
    CHECK_FALSE(fs::exists(target));
    // An existing report stays as it was, and no temporary file is left behind.
    write(target, "previous");
    r = lovsjekk_run({"report", "--format", "json", "-o", target.generic_string(), bad.generic_string()});
    CHECK(r.code == 2);
    std::ifstream in(target);
    std::string kept((std::istreambuf_iterator<char>(in)), {});
    CHECK(kept == "previous");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
    CHECK(entries == 2);
}

// ---------------------------------------------------------------------------
// Lovdata XML through `lovsjekk import lovdata FILE -o DIR`.

namespace {

std::string lovdata_header() {
    return "<!DOCTYPE html><html lang=\"no\"><head><title>T</title></head><body>"
           "<header class=\"documentHeader\"><dl class=\"data-document-key-info\">"
           "<dt class=\"legacyID\">Datokode</dt><dd class=\"legacyID\">LOV-2000-01-01-1</dd>"
           "<dt class=\"dateInForce\">I kraft</dt><dd class=\"dateInForce\">2001-01-01</dd>"
           "<dt class=\"titleShort\">K</dt><dd class=\"titleShort\">Testloven \xE2\x80\x93 tl</dd>"
           "</dl></header>";
}

std::size_t files_in(const fs::path& dir) {
    if (!fs::exists(dir)) return 0;
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("hostile XML: malformed, unexpected structure, entities, 50 MB") {
    TempDir dir("xml");
    const fs::path out = dir / "out";
    SUBCASE("malformed") {
        const fs::path file = dir / "bad.xml";
        write(file, lovdata_header() + "\n<main class=\"documentBody\"><article></main>");
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err.find(file.generic_string() + ":2:") != std::string::npos);
        CHECK(r.err.find("error: malformed XML") != std::string::npos);
        CHECK(files_in(out) == 0);
    }
    SUBCASE("unexpected structure") {
        const fs::path file = dir / "other.xml";
        write(file, "<root><child>not a law</child></root>");
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err.find(file.generic_string()) != std::string::npos);
        CHECK(files_in(out) == 0);
    }
    SUBCASE("invalid UTF-8 and NUL bytes") {
        const fs::path file = dir / "latin1.xml";
        write(file, lovdata_header() + "<main class=\"documentBody\">\xA7 1</main></body></html>");
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("invalid UTF-8: byte 0xA7") != std::string::npos);
        write(file, std::string("<\0h\0t\0m\0l\0>\0", 12));
        r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("NUL byte") != std::string::npos);
        CHECK(files_in(out) == 0);
    }
    SUBCASE("a DOCTYPE with entities: nothing expanded, nothing fetched") {
        const fs::path file = dir / "entities.xml";
        // External entities (a local file and a URL) and a "billion laughs" bomb.
        std::string doctype = "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                              "<!ENTITY net SYSTEM \"http://192.0.2.1/x\"><!ENTITY lol0 \"lol\">";
        for (int i = 1; i < 10; ++i)
            doctype += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
                std::string s;
                for (int k = 0; k < 10; ++k) s += "&lol" + std::to_string(i - 1) + ";";
                return s;
            }() + "\">";
        doctype += "]>";
        std::string xml = lovdata_header();
        xml.replace(0, std::string("<!DOCTYPE html>").size(), doctype);
        xml += "<main class=\"documentBody\"><article class=\"legalArticle\" data-name=\"§1\">"
               "<article class=\"legalP\">&xxe; &net; &lol9; har fylt 15 år.</article></article></main></body></html>";
        write(file, xml);
        const auto start = std::chrono::steady_clock::now();
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(seconds_since(start) < 10.0);
        CHECK(r.code == 0);
        REQUIRE(fs::exists(out / "LOV-2000-01-01-1.json"));
        std::ifstream in(out / "LOV-2000-01-01-1.json");
        const std::string index((std::istreambuf_iterator<char>(in)), {});
        CHECK(index.find("root:") == std::string::npos);
        CHECK(index.find("lollol") == std::string::npos);
        CHECK(fs::file_size(out / "LOV-2000-01-01-1.json") < 10000);
    }
    SUBCASE("a 50 MB file") {
        const fs::path file = dir / "big.xml";
        {
            std::ofstream o(file, std::ios::binary);
            o << lovdata_header() << "<main class=\"documentBody\">";
            const std::string filler(400, 'x');
            for (int i = 1; i <= 100000; ++i)
                o << "<article class=\"legalArticle\" data-name=\"§" << i << "\"><article class=\"legalP\">Barn som har fylt "
                  << (i % 18) << " år. " << filler << "</article></article>";
            o << "</main></body></html>";
        }
        const auto size = fs::file_size(file);
        REQUIRE(size > 50'000'000u);
        REQUIRE(size < 64ull * 1024 * 1024);
        const auto start = std::chrono::steady_clock::now();
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        MESSAGE("50 MB Lovdata file (" << size << " bytes): import took " << seconds_since(start) << " s");
        CHECK(r.code == 0);
        CHECK(r.out == "imported LOV-2000-01-01-1 (100000 sections) -> " + (out / "LOV-2000-01-01-1.json").generic_string() +
                           "\n");
        fs::remove(file);
    }
    SUBCASE("over the size limit") {
        const fs::path file = dir / "huge.xml";
        {
            std::ofstream o(file, std::ios::binary);
            o << lovdata_header() << "<main class=\"documentBody\">";
            const std::string block(1 << 20, ' ');
            for (int i = 0; i < 65; ++i) o << block;
            o << "</main></body></html>";
        }
        auto r = lovsjekk_run({"import", "lovdata", file.generic_string(), "-o", out.generic_string()});
        CHECK(r.code == 2);
        CHECK(r.err.find("over the limit of 67108864 bytes") != std::string::npos);
        CHECK(files_in(out) == 0);
        fs::remove(file);
    }
}
