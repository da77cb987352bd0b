#include "corpus/statute_text.hpp"

#include "text/source.hpp"

#include <array>

namespace lovsjekk::corpus {

namespace {

// Byte length of a white-space character starting at `i`, or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;  // NBSP
    if (c == 0xE2 && i + 2 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
        if (d == 0x80 && (e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;  // U+2000–200A, 2028/9, 202F
        if (d == 0x81 && e == 0x9F) return 3;                                            // U+205F
    }
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80)
        return 3;  // U+3000
    return 0;
}

bool upper_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c == 0xC3 && i + 1 < s.size()) {  // À–Þ except ×: Æ Ø Å and accented capitals
        const auto d = static_cast<unsigned char>(s[i + 1]);
        return d >= 0x80 && d <= 0x9E && d != 0x97;
    }
    return false;
}

constexpr std::array<std::string_view, 15> abbreviations = {
    "jf.", "jfr.", "nr.", "bl.a.", "f.eks.", "pkt.", "kap.", "dvs.", "iflg.", "res.", "ikr.", "ca.",
    "t.o.m.", "f.o.m.", "o.a."};

bool is_abbreviation(std::string_view word) {
    for (std::string_view a : abbreviations) {
        if (word.size() != a.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < a.size() && same; ++i) {
            char c = word[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            same = c == a[i];
        }
        if (same) return true;
    }
    return false;
}

bool is_short_number(std::string_view word) {  // "13." without the dot
    if (word.empty() || word.size() > 3) return false;
    for (char c : word)
        if (c < '0' || c > '9') return false;
    return true;
}

/// Whether the word at `w` is the number of a section reference ("§ 18",
/// "§§ 18 til 19", "§§ 18 og 19"): its dot then ends a sentence.
bool after_section_reference(std::string_view s, std::size_t w) {
    std::string_view before = s.substr(0, w);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view marker : {"\xC2\xA7", " til", " og"})
        if (before.size() >= marker.size() && before.substr(before.size() - marker.size()) == marker) {
            if (marker[0] != ' ') return true;
            // "til"/"og" only inside "§§ N til M": a "§" within the last few words.
            const std::string_view window = before.substr(before.size() > 24 ? before.size() - 24 : 0);
            return window.find("\xC2\xA7") != std::string_view::npos;
        }
    return false;
}

}  // namespace

namespace {

/// Calls `word(run)` for each run of non-space bytes of `text` and `space()`
/// between two runs: the one reading of "collapsed" that both the collapsed
/// text and its hash follow. Runs are handed over whole, not byte by byte:
/// the importer collapses every ledd's text several times.
template <class Word, class Space>
void for_each_collapsed(std::string_view text, Word word, Space space) {
    bool any = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = i;
        while (end < text.size()) {
            const auto c = static_cast<unsigned char>(text[end]);
            // Only these bytes can begin white space (see space_at).
            if (c <= ' ' || c == 0xC2 || c == 0xE2 || c == 0xE3) {
                if (space_at(text, end)) break;
            }
            ++end;
        }
        if (end > i) {
            if (any) space();
            word(text.substr(i, end - i));
            any = true;
        }
        i = end;
        while (i < text.size()) {
            const std::size_t n = space_at(text, i);
            if (n == 0) break;
            i += n;
        }
    }
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_collapsed(text, [&out](std::string_view run) { out += run; }, [&out] { out += ' '; });
    return out;
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h;
}

namespace {

/// Whether `text` is certainly NFC with nothing text::normalise would change
/// besides line ends (which collapsing turns into spaces anyway): every code
/// point is below U+0300 (no combining mark, nothing NFC_QC=No/Maybe) or in
/// U+2010–U+203F (dashes, quotes, bullets, "…", all NFC_QC=Yes). Most of a
/// law's text is; the rest goes through ICU.
bool surely_nfc(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0xCC) continue;  // ASCII, continuation bytes, leads of U+0080–U+02FF
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) >= 0x90) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

}  // namespace

std::string text_hash(std::string_view text) {
    // FNV-1a of the collapsed text, hashed as it is collapsed (no copy).
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto add = [&h](char c) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    };
    const bool nfc = surely_nfc(text);
    const std::string normalised = nfc ? std::string() : text::normalise(text);
    for_each_collapsed(
        nfc ? text : std::string_view(normalised),
        [&add](std::string_view run) {
            for (char c : run) add(c);
        },
        [&add] { add(' '); });
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) out[static_cast<std::size_t>(15 - i)] = digits[(h >> (4 * i)) & 0xF];
    return out;
}

int count_sentences(std::string_view s) {
    std::size_t first = 0;
    while (first < s.size() && s[first] == ' ') ++first;
    if (first == s.size()) return 0;
    int count = 1;
    for (std::size_t i = first; i + 2 < s.size(); ++i) {
        const char c = s[i];
        if (c != '.' && c != '?' && c != '!') continue;
        if (s[i + 1] != ' ') continue;
        std::size_t next = i + 2;
        if (s.substr(next, 2) == "\xC2\xAB") next += 2;  // «
        else if (s[next] == '(') next += 1;
        if (!upper_at(s, next)) continue;
        if (c == '.') {
            std::size_t w = i;
            while (w > 0 && s[w - 1] != ' ') --w;
            std::string_view word = s.substr(w, i + 1 - w);
            while (!word.empty() && word[0] == '(') word.remove_prefix(1);
            if (word.substr(0, 2) == "\xC2\xAB") word.remove_prefix(2);
            if (is_abbreviation(word)) continue;
            // "13. mai" or "1. ledd" is an ordinal; "§§ 18 til 19. Dersom" ends a sentence.
            if (is_short_number(word.substr(0, word.size() - 1)) && !after_section_reference(s, w)) continue;
        }
        ++count;
    }
    return count;
}

}  // namespace lovsjekk::corpus

namespace lovsjekk::corpus {

std::string printable(std::string_view untrusted) {
    std::string out;
    std::size_t i = 0;
    while (i < untrusted.size() && out.size() < 200) {
        const auto c = static_cast<unsigned char>(untrusted[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > untrusted.size() ||
            text::first_invalid_utf8(untrusted.substr(i, length)).has_value()) {
            out += '?';
            ++i;
            continue;
        }
        if (length == 1 && (c < 0x20 || c == 0x7F)) out += '?';
        else out.append(untrusted.substr(i, length));
        i += length;
    }
    if (i < untrusted.size()) out += "…";
    return out;
}

}  // namespace lovsjekk::corpus
