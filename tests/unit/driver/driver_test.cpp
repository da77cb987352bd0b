// The driver: one pipeline for the command line and the language server,
// the same options from both, and the fixes that came with it.
#include "base/kinds.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "driver/driver.hpp"
#include "lsp/analysis.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "text/render.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace lovsjekk;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

/// A fresh folder under the system's temporary folder, removed at the end.
struct TempTree {
    fs::path root;
    explicit TempTree(const std::string& name) : root(fs::temp_directory_path() / ("lovsjekk-driver-" + name)) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempTree() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    fs::path write(const std::string& relative, const std::string& text) const {
        const fs::path p = root / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
};

const std::string health =
    "sektor helse \"Helse\"\n"
    "lov pbrl \"pasient- og brukerrettighetsloven\" LOV-1999-07-02-63\n"
    "\n"
    "regel høres {\n"
    "  kilde    pbrl § 4-4 femte ledd\n"
    "  tema     bli-hørt\n"
    "  barnet   har rett til å bli hørt\n"
    "  alder    fra 7 år, og yngre når barnet kan danne seg egne synspunkter\n"
    "}\n";

const std::string family =
    "sektor familie \"Familie\"\n"
    "lov bl \"barnelova\" LOV-1981-04-08-7\n"
    "\n"
    "regel høres {\n"
    "  kilde    bl § 31 andre ledd\n"
    "  tema     bli-hørt\n"
    "  barnet   har rett til å si sin mening\n"
    "  alder    fylt 12 år\n"
    "}\n";

driver::Options check_options(const std::vector<std::string>& args) {
    const cli::ParsedOptions parsed = cli::parse_options(args, cli::pipeline_option_specs());
    REQUIRE_FALSE(parsed.error);
    driver::Options options;
    REQUIRE_FALSE(cli::read_pipeline_options(parsed, options));
    return options;
}

std::string frame(const json::value& message) {
    const std::string body = json::serialize(message);
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("driver: `check` and the language server report the same findings with the same options") {
    TempTree tree("same");
    // The project file both read: a stricter divergence, and a date.
    tree.write("lovsjekk.conf", "# options for check and the editor\nat 2026-11-22\nseverity divergence=error\nno-corpus\n");
    tree.write("helse.regel", health);
    const fs::path family_file = tree.write("familie.regel", family);

    // `lovsjekk check ROOT --severity grey-zone=warning`
    const driver::Result checked = driver::run(check_options({tree.root.string(), "--severity", "grey-zone=warning"}));
    REQUIRE_FALSE(checked.unusable);
    CHECK(checked.options.when.at.iso() == "2026-11-22");
    std::set<std::string> divergences;
    for (const Diagnostic& d : checked.findings)
        if (d.kind == "divergence") {
            CHECK(d.severity == Severity::error);  // from the project file
            divergences.insert(d.id);
        }
    REQUIRE_FALSE(divergences.empty());
    bool grey_zone = false;
    for (const Diagnostic& d : checked.findings)
        if (d.kind == "grey-zone") {
            CHECK(d.severity == Severity::warning);  // from the command line
            grey_zone = true;
        }
    CHECK(grey_zone);

    // The server, with the same command-line setting as initialization options.
    lsp::ServerOptions server_options;
    lsp::Analyzer analyzer(server_options);
    REQUIRE_FALSE(driver::set_option(analyzer.options().run, "severity", "grey-zone=warning"));
    std::ifstream in(family_file);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto analysis = analyzer.analyse(family_file, text);
    REQUIRE(analysis->document);
    const std::vector<Diagnostic> expected = checked.all_sorted();
    REQUIRE(analysis->diagnostics.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Diagnostic& a = analysis->diagnostics[i];
        const Diagnostic& b = expected[i];
        CHECK(a.id == b.id);
        CHECK(a.kind == b.kind);
        CHECK(a.severity == b.severity);
        CHECK(a.message == b.message);
        CHECK(analysis->workspace.sources.file(a.span.file).path() == checked.workspace.sources.file(b.span.file).path());
        CHECK(a.span.begin == b.span.begin);
    }

    // And over the protocol: what is published for the document is what
    // `check` reports there.
    std::string script;
    const std::string uri = "file://" + fs::absolute(family_file).generic_string();
    script += frame({{"jsonrpc", "2.0"},
                     {"id", 1},
                     {"method", "initialize"},
                     {"params",
                      {{"capabilities", json::object{}},
                       {"initializationOptions", {{"severity", json::array{"grey-zone=warning"}}}}}}});
    script += frame({{"jsonrpc", "2.0"},
                     {"method", "textDocument/didOpen"},
                     {"params", {{"textDocument", {{"uri", uri}, {"languageId", "regel"}, {"version", 1}, {"text", text}}}}}});
    script += frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
    script += frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
    std::istringstream input(script);
    std::ostringstream output, log;
    CHECK(lsp::serve(input, output, log, lsp::ServerOptions{}) == 0);
    std::istringstream replies(output.str());
    std::multiset<std::string> published;
    for (;;) {
        lsp::ReadResult r = lsp::read_message(replies);
        if (r.status != lsp::ReadResult::Status::message) break;
        const json::value m = json::parse(r.body);
        if (!m.as_object().contains("method") || m.at("method") != "textDocument/publishDiagnostics") continue;
        if (m.at("params").at("uri") != json::value(uri)) continue;
        for (const json::value& d : m.at("params").at("diagnostics").as_array())
            published.insert(std::string(d.at("code").as_string()) + " " + std::to_string(d.at("severity").as_int64()) +
                             " " + std::string(d.at("message").as_string()));
    }
    std::multiset<std::string> reported;
    for (const Diagnostic& d : expected) {
        bool here = checked.workspace.sources.file(d.span.file).path().ends_with("familie.regel");
        std::string note_words;
        if (!here)
            for (const Note& n : d.notes)
                if (n.span.valid && checked.workspace.sources.file(n.span.file).path().ends_with("familie.regel")) {
                    here = true;
                    note_words = " (" + n.message + ")";
                    break;
                }
        if (!here) continue;
        const int level = d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3;
        reported.insert(d.kind + " " + std::to_string(level) + " " + d.message + note_words + " [" + d.id + "]");
    }
    CHECK_FALSE(reported.empty());
    CHECK(published == reported);
}

TEST_CASE("driver: an unknown kind in --severity, a policy file or the project file is an error with a suggestion") {
    driver::Options options;
    const auto error = driver::set_option(options, "severity", "divergnce=error");
    REQUIRE(error);
    CHECK(error->key == "policy.unknown_kind");
    CHECK(error->args.size() == 3);
    CHECK(std::get<std::string>(error->args[2].second) == "divergence");
    CHECK_FALSE(driver::set_option(options, "severity", "grey-zone/bli-hørt=error"));
    CHECK(driver::set_option(options, "severty", "gap=note")->key == "driver.unknown_setting");

    TempTree tree("project-error");
    tree.write("lovsjekk.conf", "severity gapp=note\n");
    tree.write("helse.regel", health);
    const driver::Result result = driver::run(check_options({tree.root.string(), "--no-corpus"}));
    CHECK(result.unusable);
    REQUIRE(result.input.size() >= 1);
    const Diagnostic& d = result.input.all().front();
    CHECK(d.kind == "config");
    CHECK(d.span.valid);
    CHECK(result.workspace.sources.file(d.span.file).path().ends_with("lovsjekk.conf"));
    CHECK(d.message.find("«gap»") != std::string::npos);
}

TEST_CASE("driver: each path's includes stay below its own folder, not the first path's") {
    TempTree tree("includes");
    const fs::path x = tree.write("a/x.regel", "sektor a \"A\"\n");
    const fs::path y = tree.write("b/y.regel", "inkluder \"z.regel\"\n");
    tree.write("b/z.regel", "sektor z \"Z\"\n");
    const driver::Result result = driver::run(check_options({x.string(), y.string(), "--no-corpus"}));
    for (const Diagnostic& d : result.input.all()) CHECK_MESSAGE(d.message_key != "parse.include_outside", d.message);
    CHECK(result.workspace.files.size() - result.workspace.preloaded == 3);

    // Still refused: an include that climbs out of its own path's folder.
    tree.write("b/up.regel", "inkluder \"../a/x.regel\"\n");
    const driver::Result climbing = driver::run(check_options({(tree.root / "b" / "up.regel").string(), "--no-corpus"}));
    bool refused = false;
    for (const Diagnostic& d : climbing.input.all()) refused = refused || d.message_key == "parse.include_outside";
    CHECK(refused);
}

TEST_CASE("driver: report order does not depend on the language") {
    TempTree tree("order");
    tree.write("helse.regel", health);
    tree.write("familie.regel", family);
    std::vector<std::string> orders;
    for (const char* lang : {"nb", "nn", "en"}) {
        const driver::Result result =
            driver::run(check_options({tree.root.string(), "--no-corpus", "--at", "2026-11-22", "--lang", lang}));
        std::string ids;
        for (const Diagnostic& d : result.report_order()) ids += d.kind + ":" + d.id + " ";
        for (const Diagnostic& d : result.all_sorted()) ids += "|" + d.id;
        orders.push_back(ids);
    }
    CHECK(orders[0] == orders[1]);
    CHECK(orders[0] == orders[2]);
}

TEST_CASE("driver: a rules tree with its own vocabulary is checked with it, not the bundled one") {
    TempTree tree("vocabulary");
    std::ifstream in(driver::bundled_rules_dir() / "vokabular.regel");
    std::string vocabulary((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string bundled_line = "tema bli-hørt \"retten til å bli hørt\"";
    const auto at = vocabulary.find(bundled_line);
    REQUIRE(at != std::string::npos);
    vocabulary.replace(at, bundled_line.size(), "tema bli-hørt \"barnets rett til å bli hørt (kopien)\"");
    tree.write("vokabular.regel", vocabulary);
    const fs::path file = tree.write("helse.regel", health);
    for (const fs::path& path : {tree.root, file}) {
        const driver::Result result = driver::run(check_options({path.string(), "--no-corpus", "--at", "2026-11-22"}));
        CHECK_FALSE(result.unusable);
        const auto topic = result.model.topics.find("bli-hørt");
        REQUIRE(topic != result.model.topics.end());
        CHECK(topic->second.description == "barnets rett til å bli hørt (kopien)");
        CHECK(result.workspace.sources.file(topic->second.span.file).path().find("lovsjekk-driver-vocabulary") !=
              std::string::npos);
    }
}

TEST_CASE("driver: a session reads the cited laws from the lazy index, and reports a broken one on every run") {
    TempTree tree("session-corpus");
    const fs::path rules = tree.write("rules/helse.regel", health);
    const fs::path index = tree.root / "corpus";
    fs::create_directories(index);
    fs::copy_file(driver::bundled_corpus_dir() / "LOV-1999-07-02-63.json", index / "LOV-1999-07-02-63.json");
    // A law the rules do not cite: never read, though broken.
    tree.write("corpus/LOV-2000-01-01-1.json", "{ never read");
    const auto options = check_options({rules.string(), "--corpus", index.string(), "--at", "2026-11-22"});
    auto corpus_errors = [](const driver::Result& r) {
        return std::count_if(r.input.all().begin(), r.input.all().end(),
                             [](const Diagnostic& d) { return d.severity == Severity::error; });
    };

    // Broken: every run of the session says so, not only the first.
    const std::string good = [&] {
        std::ifstream in(index / "LOV-1999-07-02-63.json", std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    tree.write("corpus/LOV-1999-07-02-63.json", "{ \"schema\": ");
    driver::Session session;
    for (int run = 0; run < 2; ++run) {
        CAPTURE(run);
        const driver::Result broken = driver::run(options, nullptr, &session);
        CHECK(broken.unusable);
        CHECK(corpus_errors(broken) >= 1);
        CHECK_FALSE(session.corpus);
    }

    // Mended: the session keeps the index, the cited law read and the other not.
    tree.write("corpus/LOV-1999-07-02-63.json", good);
    for (int run = 0; run < 2; ++run) {
        CAPTURE(run);
        const driver::Result result = driver::run(options, nullptr, &session);
        CHECK_FALSE(result.unusable);
        CHECK(corpus_errors(result) == 0);
        REQUIRE(session.corpus);
        CHECK(result.shared_corpus == session.corpus);
        // The broken file of the law nobody cites stays unread (reading it
        // would have been an error above); so do the bundled laws not cited.
        CHECK(session.corpus->unread_count() >= 1);
        const corpus::Law* pbrl = result.statute_index().find("LOV-1999-07-02-63");
        REQUIRE(pbrl);
        CHECK(pbrl->abbreviation == "pbrl");
    }
}

TEST_CASE("kinds: every diagnostic the bundled rules and the golden cases give has a row in the table of kinds") {
    std::vector<fs::path> inputs = {driver::bundled_rules_dir()};
    for (const auto& entry : fs::directory_iterator("tests/cases"))
        if (entry.path().extension() == ".regel") inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    std::set<std::string> seen;
    for (const fs::path& input : inputs) {
        driver::Options options;
        options.paths = {input};
        options.when.at = *Date::parse("2026-11-22");
        const driver::Result result = driver::run(options);
        for (const Diagnostic& d : result.all_sorted()) {
            CHECK_MESSAGE(find_kind(d.kind) != nullptr, input.generic_string() << ": " << d.kind);
            seen.insert(d.kind);
        }
    }
    // The files reach the findings and the input errors alike (io and limit
    // need the cases' arguments: a missing path, a lowered limit).
    for (const char* kind : {"reference", "conflict", "divergence", "grey-zone", "gap", "syntax", "encoding"})
        CHECK_MESSAGE(seen.contains(kind), std::string(kind));
}

TEST_CASE("main: an exception that escapes a command ends in a message and exit 2, never an abort") {
    std::ostringstream err;
    CHECK(cli::guarded([]() -> int { throw std::runtime_error("no catalogue for nb"); }, err) == cli::exit_unusable);
    CHECK(err.str() == "lovsjekk: error: no catalogue for nb\n");
    std::ostringstream other;
    CHECK(cli::guarded([]() -> int { throw 42; }, other) == cli::exit_unusable);
    CHECK(other.str().rfind("lovsjekk: error: ", 0) == 0);
    std::ostringstream none;
    CHECK(cli::guarded([] { return 1; }, none) == 1);
    CHECK(none.str().empty());
}

TEST_CASE("driver: the syntax trees are freed after resolving unless the caller keeps them") {
    TempTree tree("syntax-trees");
    tree.write("helse.regel", health);
    tree.write("familie.regel", family);
    driver::Options options = check_options({tree.root.string(), "--no-corpus", "--at", "2026-11-22"});
    const driver::Result freed = driver::run(options);
    options.keep_syntax_trees = true;
    const driver::Result kept = driver::run(options);

    REQUIRE(freed.workspace.files.size() == kept.workspace.files.size());
    REQUIRE(freed.workspace.files.size() > freed.workspace.preloaded);
    for (const ast::File& file : freed.workspace.files) CHECK(file.declarations.empty());
    for (std::size_t i = kept.workspace.preloaded; i < kept.workspace.files.size(); ++i)
        CHECK_FALSE(kept.workspace.files[i].declarations.empty());
    // The files and their texts stay: positions and counts do not change.
    CHECK(freed.workspace.sources.size() == kept.workspace.sources.size());
    CHECK(freed.model.norms.size() == kept.model.norms.size());
    std::string freed_ids, kept_ids;
    for (const Diagnostic& d : freed.all_sorted()) freed_ids += d.id + "@" + std::to_string(d.span.begin) + " ";
    for (const Diagnostic& d : kept.all_sorted()) kept_ids += d.id + "@" + std::to_string(d.span.begin) + " ";
    CHECK_FALSE(freed_ids.empty());
    CHECK(freed_ids == kept_ids);
}
