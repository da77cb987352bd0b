// A plain pattern ({name} arguments only) with text arguments is put together
// by the catalogue itself, not by ICU: its output must be ICU's, byte for
// byte, apostrophes, quoted braces and repeated arguments included; any other
// pattern, or a number or date argument, still goes through ICU.
#include "text/messages.hpp"

#include <doctest/doctest.h>

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

using namespace lovsjekk;

namespace {

/// What ICU itself writes for `pattern` with text arguments `a`, `b`.
std::string icu_format(const std::string& pattern, const std::string& a, const std::string& b, const char* lang) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    const icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern), icu::Locale(lang), parse_error, status);
    REQUIRE(U_SUCCESS(status));
    const icu::UnicodeString names[] = {u"a", u"b"};
    const icu::Formattable values[] = {icu::Formattable(icu::UnicodeString::fromUTF8(a)),
                                       icu::Formattable(icu::UnicodeString::fromUTF8(b))};
    icu::UnicodeString out;
    format.format(names, values, 2, out, status);
    REQUIRE(U_SUCCESS(status));
    std::string utf8;
    return out.toUTF8String(utf8);
}

}  // namespace

TEST_CASE("plain patterns come out as ICU writes them") {
    const std::vector<std::string> patterns = {
        "{a}: {b}",
        "regelen {a} ({b}) står her",
        "{a}{b}{a}",
        "l'ami {a}, l''ami {b}",
        "'{'a'}' er ikke {a}",
        "'{a}' og {b}",
        "it''s {a}'s {b}",
        "ingen argumenter",
        "«{a}» – § {b} …",
        "{b}",
    };
    const std::vector<std::pair<std::string, std::string>> values = {
        {"x", "y"}, {"", ""}, {"{b}", "'"}, {"æøå §", "a'b''c"}, {"\u00A0", "🙂"}};
    for (const char* lang : {"nb", "en"}) {
        for (std::size_t i = 0; i < patterns.size(); ++i) {
            text::Catalogue c(lang);
            std::vector<std::string> errors;
            c.add("k = " + patterns[i] + "\n", "test.txt", errors);
            REQUIRE(errors.empty());
            for (const auto& value : values) {  // no structured binding: clang < 16 cannot capture one
                const std::string& a = value.first;
                const std::string& b = value.second;
                CAPTURE(patterns[i]);
                CAPTURE(a);
                // The second time, too: the pieces are worked out on the first.
                for (int twice = 0; twice < 2; ++twice)
                    CHECK(c.format("k", {{"a", a}, {"b", b}}) == icu_format(patterns[i], a, b, lang));
            }
        }
    }
}

TEST_CASE("a plain pattern given a number goes through ICU, which writes the number in the language's way") {
    text::Catalogue c("nb");
    std::vector<std::string> errors;
    c.add("k = {a} barn\nsel = {a, select, yes {ja} other {{a}}}\n", "test.txt", errors);
    REQUIRE(errors.empty());
    CHECK(c.format("k", {{"a", std::int64_t{12345}}}) == "12\u00A0345 barn");
    CHECK(c.format("k", {{"a", "12345"}}) == "12345 barn");
    CHECK(c.format("sel", {{"a", "yes"}}) == "ja");
    CHECK(c.format("sel", {{"a", "nei"}}) == "nei");
}
