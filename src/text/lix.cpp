// LIX with ICU word and sentence break iteration; the counting rules are in
// lix.hpp.
#include "text/lix.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>
#include <vector>

namespace lovsjekk::text {

namespace {

/// Abbreviations that end in a full stop but never end a sentence. ICU has
/// CLDR suppressions for a few languages only (not nb, nn), so the lists are
/// ours: the ones Norwegian legal and administrative text uses.
constexpr std::array norwegian_abbreviations = {
    "jf.", "jfr.", "nr.", "bl.a.", "f.eks.", "mv.", "m.v.", "pkt.", "ca.", "osv.", "dvs.", "m.m.", "m.fl.",
    "evt.", "kap.", "prop.", "st.meld.", "meld.", "innst.", "ot.prp.", "ref.", "o.l.", "t.o.m.", "f.o.m.",
    "bokst.", "m.a.", "t.d.", "o.a.", "s.", "tlf.", "kl."};
constexpr std::array english_abbreviations = {"e.g.", "i.e.", "cf.", "no.", "nos.", "para.", "paras.", "art.",
                                              "s.", "ss.", "ch.", "sec.", "vs.", "approx.", "mr.", "mrs.",
                                              "ms.", "dr.", "st.", "prop."};

bool is_abbreviation(std::string token, std::string_view lang) {
    for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), token) != list.end(); };
    if (lang == "nb" || lang == "nn" || lang == "no") return in(norwegian_abbreviations);
    if (lang == "en") return in(english_abbreviations);
    return false;
}

struct Token {
    std::int32_t start = 0;
    std::int32_t end = 0;
    int letters = 0;
    bool word = false;     ///< letters or digits
    bool hyphen = false;   ///< a lone hyphen, which may join two words
};

int count_letters(std::string_view text, std::int32_t start, std::int32_t end) {
    int letters = 0;
    for (std::int32_t i = start; i < end;) {
        UChar32 c;
        U8_NEXT(text.data(), i, end, c);
        if (c >= 0 && u_isalpha(c)) ++letters;
    }
    return letters;
}

bool is_hyphen(std::string_view s) { return s == "-" || s == "\u2010" || s == "\u2011"; }

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

/// The words of `text`, hyphen-joined parts merged.
std::vector<Token> words_of(std::string_view text, UText* ut, const icu::Locale& locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status)) return {};
    it->setText(ut, status);
    std::vector<Token> raw;
    std::int32_t start = it->first();
    for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        const int status_tag = it->getRuleStatus();
        Token t{start, end, 0, false, false};
        if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_IDEO_LIMIT) {
            t.word = true;
            // Letters only in letter segments: a number is never a long word.
            if (status_tag >= UBRK_WORD_LETTER) t.letters = count_letters(text, start, end);
        } else {
            t.hyphen = is_hyphen(text.substr(start, end - start));
        }
        raw.push_back(t);
    }
    std::vector<Token> words;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (!raw[i].word) continue;
        Token w = raw[i];
        while (i + 2 < raw.size() && raw[i + 1].hyphen && raw[i + 2].word) {
            w.end = raw[i + 2].end;
            w.letters += raw[i + 2].letters;
            i += 2;
        }
        words.push_back(w);
    }
    return words;
}

/// Sentence ends, dropping those that follow an abbreviation.
std::vector<std::int32_t> sentence_ends(std::string_view text, UText* ut, const icu::Locale& locale,
                                        std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status)) return {static_cast<std::int32_t>(text.size())};
    it->setText(ut, status);
    std::vector<std::int32_t> ends;
    std::int32_t start = it->first();
    for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
        if (end == static_cast<std::int32_t>(text.size())) {
            ends.push_back(end);
            break;
        }
        std::string_view before = text.substr(start, end - start);
        const std::size_t last = before.find_last_not_of(" \t\r\n\f\v");
        // A line break ends a sentence (a heading) whatever stands before it.
        const bool line_break =
            last != std::string_view::npos && before.find_first_of("\r\n", last + 1) != std::string_view::npos;
        before = last == std::string_view::npos ? std::string_view() : before.substr(0, last + 1);
        if (!line_break && !before.empty() && before.back() == '.') {
            const std::size_t from = before.find_last_of(" \t\n(\"");
            const std::string token(before.substr(from == std::string_view::npos ? 0 : from + 1));
            if (is_abbreviation(token, lang)) continue;  // the sentence goes on
        }
        ends.push_back(end);
        start = end;
    }
    return ends;
}

}  // namespace

double LixCounts::lix() const {
    if (words == 0) return 0.0;
    return static_cast<double>(words) / std::max(sentences, 1) + 100.0 * long_words / words;
}

LixCounts count_lix(std::string_view text, std::string_view lang) {
    LixCounts counts;
    if (text.empty()) return counts;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status));
    if (U_FAILURE(status)) return counts;
    const icu::Locale locale(std::string(lang).c_str());
    const std::vector<Token> words = words_of(text, ut.get(), locale);
    const std::vector<std::int32_t> ends = sentence_ends(text, ut.get(), locale, lang);

    counts.words = static_cast<int>(words.size());
    for (const Token& w : words)
        if (w.letters > 6) ++counts.long_words;
    // A sentence counts when at least one word starts in it.
    std::size_t w = 0;
    for (std::int32_t end : ends) {
        bool any = false;
        while (w < words.size() && words[w].start < end) {
            any = true;
            ++w;
        }
        if (any) ++counts.sentences;
    }
    return counts;
}

double lix(std::string_view text, std::string_view lang) { return count_lix(text, lang).lix(); }

}  // namespace lovsjekk::text
