#include "base/message.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace lovsjekk;

TEST_CASE("a key is its text, from a literal or interned") {
    const Key empty;
    CHECK(empty.empty());
    CHECK(empty.view() == "");
    const Key literal = "finding.conflict.message";
    CHECK(!literal.empty());
    CHECK(literal == "finding.conflict.message");
    CHECK(literal.size() == 24);
    CHECK_FALSE(literal == "finding.conflict");
    CHECK(std::string("finding.conflict.message") == literal.view());
}

TEST_CASE("an interned key outlives the text it was made from, and each text is kept once") {
    Key first, second;
    {
        std::string built = "topic.";
        built += "bli-hørt";
        first = Key::intern(built);
        built[0] = 'X';  // the key holds its own copy
        second = Key::intern("topic.bli-hørt");
    }
    CHECK(first == "topic.bli-hørt");
    CHECK(first.c_str() == second.c_str());
    CHECK(Key::intern("topic.samtykke").c_str() != first.c_str());
    CHECK(Key::intern("").empty());
}

TEST_CASE("keys interned from several threads at once are the same") {
    std::vector<const char*> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&seen, t] {
            for (int i = 0; i < 1000; ++i) Key::intern("k." + std::to_string(i));
            seen[t] = Key::intern("k.500").c_str();
        });
    for (auto& thread : threads) thread.join();
    for (const char* s : seen) CHECK(s == seen[0]);
    CHECK(Key::intern("k.500") == "k.500");
}

TEST_CASE("an argument list holds names as keys") {
    const MessageArgs args = {{"sector", std::string("helse")}, {"age", std::int64_t{16}}};
    REQUIRE(args.size() == 2);
    CHECK(args[0].first == "sector");
    CHECK(args[1].first == "age");
    CHECK(std::get<std::int64_t>(args[1].second) == 16);
}
