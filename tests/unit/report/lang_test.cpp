// --lang: findings are worded in bokmål, nynorsk or English from the
// catalogues, the ids never depend on the words, and every key the checks
// use over the bundled rules is in every language.
#include "fixture.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <map>

using namespace lovsjekk;
namespace json = boost::json;

namespace {

/// id → message of every finding in a JSON report of the bundled rules.
std::map<std::string, std::string> messages_by_id(const std::string& lang, const std::string& at) {
    const testing::CliRun run = testing::run_cli({"report", "--format", "json", "--lang", lang, "--at", at});
    REQUIRE_MESSAGE(run.code == 0, run.err);
    std::map<std::string, std::string> out;
    const json::value report = json::parse(run.out);
    for (const json::value& f : report.at("findings").as_array())
        out[std::string(f.at("id").as_string())] = std::string(f.at("message").as_string());
    return out;
}

std::vector<std::string> ids_of(const std::map<std::string, std::string>& m) {
    std::vector<std::string> ids;
    for (const auto& [id, message] : m) ids.push_back(id);
    return ids;
}

}  // namespace

TEST_CASE("the bundled rules report the same ids in every language, each message worded in full") {
    for (const char* at : {"2026-11-22", "2022-07-31"}) {
        CAPTURE(at);
        const auto nb = messages_by_id("nb", at);
        const auto nn = messages_by_id("nn", at);
        const auto en = messages_by_id("en", at);
        REQUIRE(!nb.empty());
        CHECK(ids_of(nn) == ids_of(nb));
        CHECK(ids_of(en) == ids_of(nb));
        for (const auto* lang : {&nb, &nn, &en})
            for (const auto& [id, message] : *lang) {
                CAPTURE(id);
                CHECK(!message.empty());
                CHECK(message.find('{') == std::string::npos);
            }
        // The words differ, the finding does not.
        const std::string& some = nb.begin()->first;
        CHECK(nb.at(some) != en.at(some));
    }
}

TEST_CASE("check words its findings and summary line in the language asked for, bokmål by default") {
    const std::vector<std::string> file = {"--at", "2026-11-22", "tests/cases/gap-notify.regel"};
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "check");
        args.insert(args.end(), file.begin(), file.end());
        return testing::run_cli(args);
    };
    const testing::CliRun nb = run({});
    const testing::CliRun nn = run({"--lang", "nn"});
    const testing::CliRun en = run({"--lang", "en"});
    CHECK(nb.out.find("har plikt til å melde fra til barnevern") != std::string::npos);
    CHECK(nb.out.find("0 feil, 1 advarsel, 0 merknader i 1 fil") != std::string::npos);
    CHECK(nn.out.find("har plikt til å melde frå til barnevern") != std::string::npos);
    CHECK(nn.out.find("0 feil, 1 åtvaring, 0 merknader i 1 fil") != std::string::npos);
    CHECK(en.out.find("must notify barnevern") != std::string::npos);
    CHECK(en.out.find("0 errors, 1 warning, 0 notes in 1 file") != std::string::npos);
    CHECK(nb.code == en.code);
    CHECK(nn.code == en.code);
}

TEST_CASE("an unknown language is an error with exit 2, on every command that takes --lang") {
    const std::vector<std::vector<std::string>> commands = {
        {"check", "--lang", "sv", "tests/cases/gap-notify.regel"},
        {"report", "--lang", "sv", "tests/cases/gap-notify.regel"},
        {"diff", "--lang", "sv", "--at", "2026-11-22", "--vs", "2020-01-01"},
        {"explain", "--lang", "sv", "conflict"},
        {"summary", "--lang", "sv", "--age", "7"},
    };
    for (const auto& args : commands) {
        CAPTURE(args.front());
        const testing::CliRun run = testing::run_cli(args);
        CHECK(run.code == 2);
        CHECK(run.err.find("unknown language 'sv'") != std::string::npos);
        CHECK(run.out.empty());
    }
}

TEST_CASE("help comes from the catalogues: bokmål by default, --lang before or after the command") {
    const testing::CliRun nb = testing::run_cli({"--help"});
    const testing::CliRun nn = testing::run_cli({"--help", "--lang", "nn"});
    const testing::CliRun en = testing::run_cli({"--lang", "en", "--help"});
    CHECK(nb.code == 0);
    CHECK(nb.out.find("bruk: lovsjekk COMMAND") != std::string::npos);
    CHECK(nb.out.find("kommandoer:") != std::string::npos);
    CHECK(nn.out.find("kommandoar:") != std::string::npos);
    CHECK(en.out.find("usage: lovsjekk COMMAND") != std::string::npos);
    CHECK(en.out.find("commands:") != std::string::npos);
    // Every command's help, in every language: worded in full, every option listed.
    for (const char* command : {"check", "report", "diff", "ages", "summary", "explain", "fmt", "lsp"}) {
        for (const char* lang : {"nb", "nn", "en"}) {
            CAPTURE(command);
            CAPTURE(lang);
            const testing::CliRun help = testing::run_cli({command, "--help", "--lang", lang});
            CHECK(help.code == 0);
            CHECK(help.out.find("--lang LANG") != std::string::npos);
            CHECK(help.out.find('{') == std::string::npos);
            CHECK(help.out.find(std::string(lang) == "en" ? "show this help" : "vis denne hjelp") != std::string::npos);
        }
    }
    // `lovsjekk --lang en check …` is `lovsjekk check --lang en …`.
    const testing::CliRun moved = testing::run_cli({"--lang", "en", "check", "--at", "2026-11-22", "tests/cases/gap-notify.regel"});
    CHECK(moved.out.find("must notify barnevern") != std::string::npos);
    CHECK(testing::run_cli({"--lang", "xx", "--help"}).code == 2);
    CHECK(testing::run_cli({"check", "--help", "--lang", "xx"}).code == 2);
}

TEST_CASE("the resolver's errors are worded in the language asked for, with the same ids in every language") {
    auto ids_in = [](const std::string& text) {
        std::vector<std::string> ids;
        for (std::size_t at = text.find(" ["); at != std::string::npos; at = text.find(" [", at + 1))
            if (text.size() > at + 14 && text[at + 14] == ']') ids.push_back(text.substr(at + 2, 12));
        return ids;
    };
    for (const char* file : {"tests/cases/syntax-missing-fields.regel", "tests/cases/reference-unknown-actor.regel"}) {
        CAPTURE(file);
        const testing::CliRun nb = testing::run_cli({"check", file});
        const testing::CliRun en = testing::run_cli({"check", "--lang", "en", file});
        CHECK(nb.code != 0);
        CHECK(en.code == nb.code);
        REQUIRE(!ids_in((nb.out + nb.err)).empty());
        CHECK(ids_in((nb.out + nb.err)) == ids_in((en.out + en.err)));
        CHECK((nb.out + nb.err) != (en.out + en.err));
    }
    CHECK(testing::run_cli({"check", "tests/cases/reference-unknown-actor.regel"}).out.find("ukjent aktør «barnett». Mente du «barnet»?") != std::string::npos);
    CHECK(testing::run_cli({"check", "--lang", "en", "tests/cases/reference-unknown-actor.regel"}).out.find("unknown actor “barnett”; did you mean “barnet”?") != std::string::npos);
}
