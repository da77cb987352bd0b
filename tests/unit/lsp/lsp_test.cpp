// The language server driven by a scripted client: framed messages in,
// framed messages out, as an editor would see them.
#include "format/format.hpp"
#include "lsp/positions.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace lovsjekk;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

lsp::ServerOptions test_options() {
    lsp::ServerOptions options;
    options.run.corpus_dir = "corpus";
    options.run.when.at = *Date::parse("2026-11-22");
    return options;
}

std::string frame(const json::value& message) {
    const std::string body = json::serialize(message);
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::vector<json::value> unframe(const std::string& stream) {
    std::istringstream in(stream);
    std::vector<json::value> messages;
    for (;;) {
        lsp::ReadResult r = lsp::read_message(in);
        if (r.status != lsp::ReadResult::Status::message) break;
        messages.push_back(json::parse(r.body));
    }
    return messages;
}

json::value request(int id, const std::string& method, json::value params) {
    return json::object{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json::value notification(const std::string& method, json::value params) {
    return json::object{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

const json::value* response(const std::vector<json::value>& messages, int id) {
    for (const json::value& m : messages)
        if (const auto* o = m.if_object(); o && o->contains("id") && o->at("id") == id) return &m;
    return nullptr;
}

std::vector<const json::value*> published(const std::vector<json::value>& messages) {
    std::vector<const json::value*> out;
    for (const json::value& m : messages)
        if (const auto* o = m.if_object(); o && o->contains("method") && o->at("method") == "textDocument/publishDiagnostics")
            out.push_back(&o->at("params"));
    return out;
}

json::value position(int line, int character) { return json::object{{"line", line}, {"character", character}}; }

const std::string document_text =
    "sektor prøve \"Prøvesektor\"\n"
    "\n"
    "lov pbrl \"pasient- og brukerrettighetsloven\" LOV-1999-07-02-63 gjelder fra 2001-01-01\n"
    "\n"
    "regel samtykke {\n"
    "  kilde    pbrl § 4-3 første ledd bokstav b\n"
    "  tema     samtykke.helsehjelp\n"
    "  barnet   har rett til å samtykke til helsehjelp\n"
    "  alder    over 16 år\n"
    "}\n"
    "\n"
    "regel unntaket {\n"
    "  kilde    pbrl § 4-4\n"
    "  tema     ukjent-tema\n"
    "  barnet   kan ikke samtykke til helsehjelp\n"
    "  alder    under 16 år\n"
    "  unntak   fra samtykke\n"
    "}\n";

// 'feil' (where a string is expected) stands after ø, an emoji and æ.
const std::string emoji_line = "sektor prøve \"Prøve 😀 æ\" direktorat feil\n";

const std::string unformatted_text =
    "sektor prøve \"Prøvesektor\"\n"
    "regel   samtykke {\n"
    "kilde pbrl § 4-3\n"
    "    tema samtykke.helsehjelp\n"
    "barnet har rett til å samtykke\n"
    "}\n";

// A document outside any rule tree: checked with the bundled vocabulary, as
// `lovsjekk check FILE` would; the name needs percent-encoding in its URI.
const std::string uri = "file://" + (fs::temp_directory_path() / "lovsjekk-lsp").generic_string() + "/pr%C3%B8ve.regel";

}  // namespace

TEST_CASE("lsp: a scripted session (initialize, open, hover, definition, symbols, change, formatting, shutdown)") {
    const json::object doc{{"uri", uri}};
    std::string script;
    script += frame(request(1, "initialize", json::object{{"processId", nullptr}, {"capabilities", json::object{}}}));
    script += frame(notification("initialized", json::object{}));
    script += frame(notification("textDocument/didOpen",
                                 {{"textDocument", {{"uri", uri}, {"languageId", "regel"}, {"version", 1}, {"text", document_text}}}}));
    script += frame(request(2, "textDocument/hover", {{"textDocument", doc}, {"position", position(5, 16)}}));
    script += frame(request(3, "textDocument/hover", {{"textDocument", doc}, {"position", position(6, 14)}}));
    script += frame(request(4, "textDocument/definition", {{"textDocument", doc}, {"position", position(16, 17)}}));
    script += frame(request(5, "textDocument/documentSymbol", {{"textDocument", doc}}));
    script += frame(notification("textDocument/didChange",
                                 {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                  {"contentChanges", json::array{{{"text", emoji_line}}}}}));
    script += frame(notification("textDocument/didChange",
                                 {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                  {"contentChanges", json::array{{{"text", unformatted_text}}}}}));
    script += frame(request(6, "textDocument/formatting",
                            {{"textDocument", doc}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}}));
    script += frame(request(7, "shutdown", nullptr));
    script += frame(notification("exit", nullptr));

    std::istringstream in(script);
    std::ostringstream out, log;
    const int code = lsp::serve(in, out, log, test_options());
    CHECK(code == 0);
    const std::vector<json::value> messages = unframe(out.str());

    SUBCASE("initialize negotiates UTF-16 when the client offers nothing, and announces the features") {
        const json::value* init = response(messages, 1);
        REQUIRE(init);
        const json::value& caps = init->at("result").at("capabilities");
        CHECK(caps.at("positionEncoding") == "utf-16");
        CHECK(caps.at("textDocumentSync").at("change") == 1);
        CHECK(caps.at("hoverProvider") == true);
        CHECK(caps.at("definitionProvider") == true);
        CHECK(caps.at("documentSymbolProvider") == true);
        CHECK(caps.at("documentFormattingProvider") == true);
    }

    const auto publications = published(messages);
    REQUIRE(publications.size() == 3);

    SUBCASE("diagnostics on open come from the whole pipeline, not only the parser") {
        const json::value& first = *publications[0];
        CHECK(first.at("uri") == json::value(uri));
        CHECK(first.at("version") == 1);
        bool unknown_topic = false;
        for (const json::value& d : first.at("diagnostics").as_array()) {
            if (d.at("code") == "reference" && std::string(d.at("message").as_string()).find("ukjent-tema") != std::string::npos) {
                unknown_topic = true;
                CHECK(d.at("range").at("start") == position(13, 11));
                CHECK(d.at("range").at("end") == position(13, 22));
                CHECK(d.at("severity") == 1);
                CHECK(d.at("source") == "lovsjekk");
            }
        }
        CHECK(unknown_topic);
    }

    SUBCASE("hover on a citation: the law, the section's heading and the dates in force from the corpus") {
        const json::value* hover = response(messages, 2);
        REQUIRE(hover);
        const std::string text(hover->at("result").at("contents").at("value").as_string());
        CHECK(text.find("pasient- og brukerrettighetsloven") != std::string::npos);
        CHECK(text.find("LOV-1999-07-02-63") != std::string::npos);
        CHECK(text.find("§ 4-3** Hvem som har samtykkekompetanse") != std::string::npos);
        CHECK(text.find("In force: 2001-01-01") != std::string::npos);
        CHECK(text.find("Ledd 1 of ") != std::string::npos);
        CHECK(hover->at("result").at("range").at("start") == position(5, 11));
    }

    SUBCASE("hover on a topic: its thresholds across sectors, the bundled ones included") {
        const json::value* hover = response(messages, 3);
        REQUIRE(hover);
        const std::string text(hover->at("result").at("contents").at("value").as_string());
        CHECK(text.find("samtykke til helsehjelp") != std::string::npos);
        CHECK(text.find("| prøve | `prøve/samtykke` | over 16 år |") != std::string::npos);
        CHECK(text.find("| helse | `helse/") != std::string::npos);
    }

    SUBCASE("definition from an exception goes to the norm it names") {
        const json::value* definition = response(messages, 4);
        REQUIRE(definition);
        CHECK(definition->at("result").at("uri") == json::value(uri));
        CHECK(definition->at("result").at("range").at("start") == position(4, 6));
        CHECK(definition->at("result").at("range").at("end") == position(4, 14));
    }

    SUBCASE("document symbols: the sector, the law and each rule") {
        const json::value* symbols = response(messages, 5);
        REQUIRE(symbols);
        const json::array& list = symbols->at("result").as_array();
        REQUIRE(list.size() == 4);
        CHECK(list[0].at("name") == "prøve");
        CHECK(list[1].at("name") == "pbrl");
        CHECK(list[2].at("name") == "samtykke");
        CHECK(list[2].at("kind") == 12);
        CHECK(list[3].at("name") == "unntaket");
        CHECK(list[3].at("range").at("start") == position(11, 0));
        CHECK(list[3].at("range").at("end") == position(17, 1));
    }

    SUBCASE("after a change, a syntax error's column counts UTF-16 units: ø and æ one each, the emoji two") {
        const json::value& second = *publications[1];
        CHECK(second.at("version") == 2);
        const json::array& diagnostics = second.at("diagnostics").as_array();
        REQUIRE(!diagnostics.empty());
        CHECK(diagnostics[0].at("code") == "syntax");
        CHECK(diagnostics[0].at("range").at("start") == position(0, 37));
        CHECK(diagnostics[0].at("range").at("end") == position(0, 41));
    }

    SUBCASE("formatting replaces the whole document with the formatter's layout") {
        const json::value* formatting = response(messages, 6);
        REQUIRE(formatting);
        const json::array& edits = formatting->at("result").as_array();
        REQUIRE(edits.size() == 1);
        Diagnostics diags;
        const auto expected = format::format_text("t.regel", unformatted_text, diags);
        REQUIRE(expected);
        CHECK(edits[0].at("newText") == json::value(*expected));
        CHECK(edits[0].at("range").at("start") == position(0, 0));
        CHECK(edits[0].at("range").at("end") == position(6, 0));
    }

    SUBCASE("shutdown answers null") {
        const json::value* shutdown = response(messages, 7);
        REQUIRE(shutdown);
        CHECK(shutdown->at("result").is_null());
    }
}

namespace {

/// The range start of the first diagnostic for `emoji_line` with the encodings the client offers.
json::value syntax_error_start(json::array offered) {
    lsp::Server server(test_options());
    json::object capabilities;
    if (!offered.empty()) capabilities["general"] = {{"positionEncodings", offered}};
    const auto init = server.handle(json::serialize(request(1, "initialize", {{"capabilities", capabilities}})));
    REQUIRE(init.size() == 1);
    const std::string chosen(json::parse(init[0]).at("result").at("capabilities").at("positionEncoding").as_string());
    const auto out = server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", emoji_line}}}})));
    REQUIRE(out.size() == 1);
    const json::value published = json::parse(out[0]);
    return {{"encoding", chosen},
            {"start", published.at("params").at("diagnostics").at(0).at("range").at("start")}};
}

}  // namespace

TEST_CASE("lsp: the position encoding is negotiated: UTF-8 when offered, else UTF-32, else UTF-16") {
    CHECK(syntax_error_start({"utf-16", "utf-8"}) == json::value{{"encoding", "utf-8"}, {"start", position(0, 42)}});
    CHECK(syntax_error_start({"utf-32", "utf-16"}) == json::value{{"encoding", "utf-32"}, {"start", position(0, 36)}});
    CHECK(syntax_error_start({"utf-16"}) == json::value{{"encoding", "utf-16"}, {"start", position(0, 37)}});
    CHECK(syntax_error_start({}) == json::value{{"encoding", "utf-16"}, {"start", position(0, 37)}});
}

TEST_CASE("lsp: bad input gets an error or is ignored, never a crash") {
    lsp::Server server(test_options());
    auto error_code = [](const std::vector<std::string>& out) -> std::int64_t {
        REQUIRE(out.size() == 1);
        return json::parse(out[0]).at("error").at("code").as_int64();
    };
    CHECK(error_code(server.handle(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})")) == -32002);
    CHECK(server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}})").empty());
    CHECK(error_code(server.handle("{not json")) == -32700);
    CHECK(error_code(server.handle("[1,2]")) == -32600);
    CHECK(error_code(server.handle(R"({"jsonrpc":"2.0","id":{},"method":"x"})")) == -32600);
    REQUIRE(server.handle(json::serialize(request(1, "initialize", json::object{}))).size() == 1);
    CHECK(error_code(server.handle(json::serialize(request(9, "initialize", json::object{})))) == -32600);
    CHECK(error_code(server.handle(R"({"jsonrpc":"2.0","id":2,"method":"no/such"})")) == -32601);
    CHECK(error_code(server.handle(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.regel"},"position":{"line":0,"character":0}}})")) == -32602);
    CHECK(error_code(server.handle(R"({"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"position":7}})")) == -32602);
    CHECK(server.handle(R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":3}}})").empty());
    CHECK(server.handle(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}})").empty());
    // A NUL in a document (JSON carries only valid UTF-8, but "\u0000" is
    // allowed): an encoding diagnostic, and requests are still answered.
    const auto opened = server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", "file:///tmp/x.regel"}, {"version", 1}, {"text", std::string("tema \0x\n", 8)}}}})));
    REQUIRE(opened.size() == 1);
    CHECK(json::parse(opened[0]).at("params").at("diagnostics").at(0).at("code") == "encoding");
    const auto hover = server.handle(R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/x.regel"},"position":{"line":0,"character":99}}})");
    REQUIRE(hover.size() == 1);
    CHECK_FALSE(server.exited());
    CHECK(server.handle(R"({"jsonrpc":"2.0","method":"exit"})").empty());
    CHECK(server.exited());
    CHECK(server.exit_code() == 1);  // no shutdown first
}

TEST_CASE("lsp: framing: a header block without a usable Content-Length is skipped and logged") {
    const std::string good = json::serialize(request(1, "initialize", json::object{}));
    std::string script = "Content-Length: abc\r\n\r\n";
    script += "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n";
    script += "content-length: " + std::to_string(good.size()) + "\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n" + good;
    script += "Content-Length: 99999999999\r\n\r\n";
    std::istringstream in(script);
    std::ostringstream out, log;
    CHECK(lsp::serve(in, out, log, test_options()) == 1);  // input ended without shutdown and exit
    const auto messages = unframe(out.str());
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].at("id") == 1);
    CHECK(log.str().find("a Content-Length that is not a number") != std::string::npos);
    CHECK(log.str().find("no Content-Length header") != std::string::npos);
    CHECK(log.str().find("more than the limit") != std::string::npos);
}

TEST_CASE("lsp: positions convert between bytes and UTF-8, UTF-16 and UTF-32 columns") {
    const std::string text = "æ😀x\r\nb\n";
    const lsp::LineIndex index(text);
    using lsp::Encoding;
    const std::size_t x = std::string("æ😀").size();
    CHECK(index.position(x, Encoding::utf16).character == 3);
    CHECK(index.position(x, Encoding::utf8).character == 6);
    CHECK(index.position(x, Encoding::utf32).character == 2);
    CHECK(index.offset({0, 3}, Encoding::utf16) == x);
    CHECK(index.offset({0, 2}, Encoding::utf16) == 2);      // inside the surrogate pair: before the emoji
    CHECK(index.offset({1, 99}, Encoding::utf16) == text.size() - 1);  // past the end of a line: its end
    CHECK(index.offset({9, 0}, Encoding::utf16) == text.size());
    CHECK(index.position(text.size(), Encoding::utf16).line == 2);
}

TEST_CASE("lsp: after shutdown, requests are refused and notifications dropped; exit then ends with 0") {
    lsp::Server server(test_options());
    REQUIRE(server.handle(json::serialize(request(1, "initialize", json::object{}))).size() == 1);
    const auto down = server.handle(json::serialize(request(2, "shutdown", nullptr)));
    REQUIRE(down.size() == 1);
    CHECK(json::parse(down[0]).at("result").is_null());
    const auto refused = server.handle(json::serialize(request(3, "textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}})));
    REQUIRE(refused.size() == 1);
    CHECK(json::parse(refused[0]).at("error").at("code") == -32600);
    CHECK(server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 1}, {"text", document_text}}}}))).empty());
    server.handle(R"({"jsonrpc":"2.0","method":"exit"})");
    CHECK(server.exited());
    CHECK(server.exit_code() == 0);
}

TEST_CASE("lsp: in a rule tree, an edit is checked with the other open files as the editor has them") {
    // A folder with its own vocabulary is a rule tree: its files are checked together.
    const fs::path tree = fs::temp_directory_path() / "lovsjekk-lsp-tree";
    fs::remove_all(tree);
    fs::create_directories(tree);
    std::ofstream(tree / "vokabular.regel") << "tema delt \"et delt tema\"\n";
    const std::string a_text = "sektor a \"A\"\n\nregel r {\n  tema     delt\n  barnet   kan x\n}\n";
    const std::string b_disk = "sektor b \"B\"\n\nregel s {\n  tema     delt\n  barnet   kan y\n}\n";
    std::ofstream(tree / "a.regel") << a_text;
    std::ofstream(tree / "b.regel") << b_disk;
    const std::string a_uri = "file://" + (tree / "a.regel").generic_string();
    const std::string b_uri = "file://" + (tree / "b.regel").generic_string();

    lsp::Server server(test_options());
    server.handle(json::serialize(request(1, "initialize", json::object{})));
    server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", b_uri}, {"version", 1}, {"text", b_disk}}}})));
    // b, edited but not saved, names an exception to a rule of a that does not exist.
    const std::string b_edited = "sektor b \"B\"\n\nregel s {\n  tema     delt\n  barnet   kan y\n  unntak   fra a/mangler\n}\n";
    server.handle(json::serialize(notification(
        "textDocument/didChange", {{"textDocument", {{"uri", b_uri}, {"version", 2}}},
                                   {"contentChanges", json::array{{{"text", b_edited}}}}})));
    // Opening a publishes for a, and for b from the same run: b's unsaved text is what counts.
    const auto out = server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", a_uri}, {"version", 1}, {"text", a_text}}}})));
    REQUIRE(out.size() == 2);
    const json::value for_a = json::parse(out[0]), for_b = json::parse(out[1]);
    CHECK(for_a.at("params").at("uri") == json::value(a_uri));
    CHECK(for_b.at("params").at("uri") == json::value(b_uri));
    CHECK(for_b.at("params").at("version") == 2);
    bool unknown_rule = false;
    for (const json::value& d : for_b.at("params").at("diagnostics").as_array())
        // The rule's name, not the word: "mangler" is also bokmål for "lacks".
        if (std::string(d.at("message").as_string()).find("a/mangler") != std::string::npos) {
            unknown_rule = true;
            CHECK(d.at("range").at("start").at("line") == 5);
        }
    CHECK(unknown_rule);
    for (const json::value& d : for_a.at("params").at("diagnostics").as_array())
        CHECK(std::string(d.at("message").as_string()).find("a/mangler") == std::string::npos);

    // Closing b without saving: its diagnostics are cleared, and a is checked
    // again with b as it is on disk.
    const auto closed = server.handle(json::serialize(notification("textDocument/didClose", {{"textDocument", {{"uri", b_uri}}}})));
    REQUIRE(closed.size() == 2);
    CHECK(json::parse(closed[0]).at("params").at("uri") == json::value(b_uri));
    CHECK(json::parse(closed[0]).at("params").at("diagnostics").as_array().empty());
    CHECK(json::parse(closed[1]).at("params").at("uri") == json::value(a_uri));
    fs::remove_all(tree);
}

TEST_CASE("lsp: definition on an include opens the included file") {
    const fs::path dir = fs::temp_directory_path() / "lovsjekk-lsp-include";
    fs::remove_all(dir);
    fs::create_directories(dir / "felles");
    std::ofstream(dir / "felles" / "temaer.regel") << "tema eget \"et eget tema\"\n";
    const std::string text = "inkluder \"felles/temaer.regel\"\nsektor s \"S\"\n";
    const std::string doc_uri = "file://" + (dir / "s.regel").generic_string();
    lsp::Server server(test_options());
    server.handle(json::serialize(request(1, "initialize", json::object{})));
    server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", doc_uri}, {"version", 1}, {"text", text}}}})));
    const auto out = server.handle(json::serialize(request(
        2, "textDocument/definition", {{"textDocument", {{"uri", doc_uri}}}, {"position", position(0, 14)}})));
    REQUIRE(out.size() == 1);
    const json::value result = json::parse(out[0]).at("result");
    CHECK(result.at("uri") == json::value("file://" + (dir / "felles" / "temaer.regel").generic_string()));
    CHECK(result.at("range").at("start") == position(0, 0));
    fs::remove_all(dir);
}

TEST_CASE("lsp: a bundled sector file gets every kind of finding the checks make, as `lovsjekk check` does") {
    std::ifstream in("rules/helse.regel", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string helse_uri = "file://" + fs::absolute("rules/helse.regel").lexically_normal().generic_string();
    lsp::Server server(test_options());
    server.handle(json::serialize(request(1, "initialize", json::object{})));
    const auto out = server.handle(json::serialize(notification(
        "textDocument/didOpen", {{"textDocument", {{"uri", helse_uri}, {"version", 1}, {"text", text.str()}}}})));
    REQUIRE(out.size() == 1);
    std::set<std::string> kinds;
    bool related_elsewhere = false;
    const json::value published = json::parse(out[0]);
    for (const json::value& d : published.at("params").at("diagnostics").as_array()) {
        kinds.insert(std::string(d.at("code").as_string()));
        if (const auto* related = d.as_object().if_contains("relatedInformation"))
            for (const json::value& r : related->as_array())
                if (r.at("location").at("uri") != json::value(helse_uri)) related_elsewhere = true;
    }
    // Divergences and gaps need the other sectors: the folder's files are checked together.
    CHECK(kinds.contains("conflict"));
    CHECK(kinds.contains("divergence"));
    CHECK(kinds.contains("gap"));
    CHECK(kinds.contains("grey-zone"));
    CHECK(related_elsewhere);
}
