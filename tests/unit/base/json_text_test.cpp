// JSON text written by hand is byte for byte what boost::json::serialize writes.
#include "base/json_text.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <limits>

using namespace lovsjekk;

TEST_CASE("append_json_string escapes as json::serialize does, for every ASCII byte and for UTF-8") {
    std::string all;
    for (int c = 1; c < 0x80; ++c) all += static_cast<char>(c);
    for (const std::string& s : {std::string(), all, std::string("a\0b", 3), std::string("«barnet» § 4-3 – æøå 😀"),
                                std::string("\"quoted\" \\ back\\slash\n\ttab")}) {
        std::string out;
        append_json_string(out, s);
        CHECK(out == boost::json::serialize(boost::json::string(s)));
    }
}

TEST_CASE("append_json_number writes whole numbers as json::serialize does") {
    for (const std::int64_t n : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{17}, std::numeric_limits<std::int64_t>::min(),
                                 std::numeric_limits<std::int64_t>::max()}) {
        std::string out;
        append_json_number(out, n);
        CHECK(out == boost::json::serialize(boost::json::value(n)));
    }
}
