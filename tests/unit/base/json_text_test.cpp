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

TEST_CASE("append_json_string reads plain text eight bytes at a time: every byte to escape is found wherever it stands") {
    // Each ASCII byte and a byte of UTF-8, at every place in texts of 1 to 24
    // bytes, among plain letters, after a multi-byte character, or twice.
    for (std::size_t length = 1; length <= 24; ++length)
        for (std::size_t at = 0; at < length; ++at)
            for (int c = 0; c < 0x80; ++c) {
                std::string plain(length, 'a');
                plain[at] = static_cast<char>(c);
                std::string with_utf8 = "ø" + plain;
                std::string twice = plain + plain;
                for (const std::string* s : {&plain, &with_utf8, &twice}) {
                    std::string out;
                    append_json_string(out, *s);
                    REQUIRE(out == boost::json::serialize(boost::json::string(*s)));
                }
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
