#include "corpus/age_mentions.hpp"

#include "corpus/statute_text.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace lovsjekk::corpus {

namespace {

struct Token {
    std::size_t begin = 0, end = 0;
    std::string_view text;  // as written; compared lower-cased (folded_equals)
    int number = -1;        // value when the token is a number (digits or a number word)
};

/// Whether `raw` lower-cased (ASCII and Æ Ø Å, À–Þ) is `lower`. Folding keeps
/// the byte length, so no lower-cased copy is made of every word of a law.
bool folded_equals(std::string_view raw, std::string_view lower) {
    if (raw.size() != lower.size()) return false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        auto c = static_cast<unsigned char>(raw[i]);
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        else if (i > 0 && static_cast<unsigned char>(raw[i - 1]) == 0xC3 && c >= 0x80 && c <= 0x9E)
            c = static_cast<unsigned char>(c + 0x20);
        if (c != static_cast<unsigned char>(lower[i])) return false;
    }
    return true;
}

constexpr std::array<std::pair<std::string_view, int>, 30> number_words = {{
    {"ett", 1},      {"eitt", 1},      {"to", 2},        {"tre", 3},      {"fire", 4},      {"fem", 5},       {"seks", 6},      {"sju", 7},
    {"syv", 7},      {"åtte", 8},      {"ni", 9},        {"ti", 10},       {"elleve", 11},
    {"tolv", 12},    {"tretten", 13},  {"fjorten", 14},  {"femten", 15},   {"seksten", 16},
    {"sytten", 17},  {"søtten", 17},   {"atten", 18},    {"nitten", 19},   {"tjue", 20},
    {"tyve", 20},    {"tjueein", 21},  {"tjueen", 21},   {"tjueto", 22},   {"tjuetre", 23},
    {"tjuefire", 24}, {"tjuefem", 25},
}};

bool word_byte(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    len = 1;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    // Latin-1 letters (æ ø å é ü …) are C3 xx in UTF-8; × and ÷ are not letters.
    if (c == 0xC3 && i + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        len = 2;
        return d != 0x97 && d != 0xB7;
    }
    return false;
}

std::vector<Token> tokenise(std::string_view s) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        if (!word_byte(s, i, len)) { ++i; continue; }
        Token t;
        t.begin = i;
        while (i < s.size() && word_byte(s, i, len)) i += len;
        t.end = i;
        t.text = s.substr(t.begin, t.end - t.begin);
        if (std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            if (t.text.size() <= 3) t.number = std::stoi(std::string(t.text));
        } else {
            for (const auto& [word, value] : number_words)
                if (folded_equals(t.text, word)) t.number = value;
        }
        out.push_back(t);
    }
    return out;
}

bool starts_folded(std::string_view raw, std::string_view lower_prefix) {
    return raw.size() >= lower_prefix.size() && folded_equals(raw.substr(0, lower_prefix.size()), lower_prefix);
}

bool is_one_of(const Token& t, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&t](std::string_view w) { return folded_equals(t.text, w); });
}

// True when the text between two tokens ends a clause (so a look-back must stop).
bool clause_break(std::string_view s, const Token& a, const Token& b) {
    for (std::size_t i = a.end; i < b.begin; ++i)
        if (s[i] == '.' || s[i] == ';' || s[i] == ':' || s[i] == '(' || s[i] == ')') return true;
    return false;
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : s_(text), t_(tokenise(text)) {}

    std::vector<AgeMention> run() {
        for (std::size_t i = 0; i < t_.size(); ++i) {
            // Every pattern has a number at its first, second or third
            // token; most tokens have none near them.
            if (number(i) < 0 && number(i + 1) < 0 && number(i + 2) < 0) continue;
            if (verb(i)) continue;
            if (over_under(i)) continue;
            if (between(i)) continue;
            if (or_older(i)) continue;
            if (is_age(i)) continue;
            if (than(i)) continue;
            birthday_word(i);
        }
        return std::move(out_);
    }

private:
    bool is(std::size_t i, std::initializer_list<std::string_view> words) const {
        return i < t_.size() && is_one_of(t_[i], words);
    }
    int number(std::size_t i) const { return i < t_.size() ? t_[i].number : -1; }

    void emit(std::size_t first, std::size_t last, AgeWording w, int age, std::optional<int> age2 = {},
              bool negated = false) {
        AgeMention m;
        m.age = age;
        m.age2 = age2;
        m.wording = w;
        m.negated = negated;
        m.phrase = std::string(s_.substr(t_[first].begin, t_[last].end - t_[first].begin));
        // The sentences begun by the phrase's end: the punktum holding it.
        m.sentence = std::max(1, count_sentences(s_.substr(0, t_[last].end)));
        out_.push_back(std::move(m));
    }

    // fylt/fylte/fyller/fylle N [år], with the calendar- and school-year
    // readings decided by what precedes the verb.
    bool verb(std::size_t i) {
        if (!is(i, {"fylt", "fylte", "fyller", "fylle", "fyllar"}) || number(i + 1) < 0) return false;
        // "fyller seks måneder" is an age in months, not six years: an age
        // rule in years must not find it (the rules have no months yet).
        if (is(i + 2, {"måned", "måneder", "måneders", "månad", "månader", "månaders", "uke", "uker", "veke", "veker",
                       "dag", "dager", "dagar", "døgn"}))
            return false;
        const int age = number(i + 1);
        const std::size_t last = is(i + 2, {"år"}) ? i + 2 : i + 1;
        // Look back (nearest first) for "året" / "skoleåret" within the clause.
        std::optional<std::size_t> year, school;
        for (std::size_t k = i, steps = 0; k > 0 && steps < 10; --k, ++steps) {
            if (clause_break(s_, t_[k - 1], t_[k]) || t_[k - 1].number >= 0) break;
            if (!year && is(k - 1, {"året", "kalenderåret"})) year = k - 1;
            if (is(k - 1, {"skoleåret", "skuleåret", "opplæringsåret"})) { school = k - 1; break; }
        }
        // A phrase longer than 80 characters starts at the verb instead.
        auto start = [&](std::size_t first) {
            const std::string_view phrase = s_.substr(t_[first].begin, t_[last].end - t_[first].begin);
            return code_points(phrase) <= 80 ? first : i;
        };
        if (school) {
            const std::size_t first = (*school > 0 && is(*school - 1, {"ut"})) ? *school - 1 : *school;
            emit(start(first), last, AgeWording::school_year, age);
        } else if (year) {
            const std::size_t first = (*year > 0 && is(*year - 1, {"det"})) ? *year - 1 : *year;
            emit(start(first), last, AgeWording::calendar_year, age);
        } else {
            std::size_t first = i;
            bool negated = false;
            for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
                if (clause_break(s_, t_[i - back], t_[i - back + 1])) break;
                if (is(i - back, {"har", "er", "hadde", "var", "ha"})) first = i - back;
                else if (is(i - back, {"ikke", "ikkje"})) { negated = true; first = i - back; }
                else break;
            }
            emit(first, last, AgeWording::fylt, age, {}, negated);
        }
        return true;
    }

    bool over_under(std::size_t i) {
        if (!is(i, {"over", "under"}) || number(i + 1) < 0 || !is(i + 2, {"år"})) return false;
        // Durations, not ages: "ut over 2 år", "ikke over 5 år", "i over 6 år".
        if (i > 0 && folded_equals(t_[i].text, "over") && is(i - 1, {"ut", "ikke", "ikkje", "i", "på", "enn", "mer", "meir"}))
            return false;
        // "18 år eller eldre" after "over" would be read twice; the over wins.
        emit(i, i + 2, folded_equals(t_[i].text, "over") ? AgeWording::over : AgeWording::under, number(i + 1));
        return true;
    }

    bool between(std::size_t i) {
        if (!is(i, {"mellom"}) || number(i + 1) < 0 || !is(i + 2, {"og"}) || number(i + 3) < 0 || !is(i + 4, {"år"}))
            return false;
        emit(i, i + 4, AgeWording::mellom, number(i + 1), number(i + 3));
        return true;
    }

    bool or_older(std::size_t i) {
        if (number(i) < 0 || !is(i + 1, {"år"}) || !is(i + 2, {"eller", "og"}) ||
            !is(i + 3, {"eldre", "yngre", "meir", "mer", "over"}))
            return false;
        if (i > 0 && is(i - 1, {"over", "under", "fylt", "fyller", "og"})) return false;
        // "6 år eller mer" is mostly a duration (strafferammer); as an age it
        // follows a verb: "er 12 år eller meir".
        if (!is(i + 3, {"eldre", "yngre"}) && !(i > 0 && is(i - 1, {"er", "var", "blitt", "vere", "være", "vore"})))
            return false;
        emit(i, i + 3, AgeWording::other, number(i));
        return true;
    }

    // "til barnet er 18 år": an age reached, like "fylt", unless a duration
    // or an "or older" follows (handled by or_older, tried first).
    bool is_age(std::size_t i) {
        if (!is(i, {"er", "blir", "vert"}) || number(i + 1) < 0 || !is(i + 2, {"år"})) return false;
        if (is(i + 3, {"gammel", "gamle"}) || is(i + 3, {"eller"})) return false;
        emit(i, i + 2, AgeWording::fylt, number(i + 1));
        return true;
    }

    bool than(std::size_t i) {
        if (!is(i, {"eldre", "yngre"}) || !is(i + 1, {"enn"}) || number(i + 2) < 0 || !is(i + 3, {"år"}))
            return false;
        emit(i, i + 3, AgeWording::other, number(i + 2));
        return true;
    }

    void birthday_word(std::size_t i) {
        if (number(i) < 0 || i + 1 >= t_.size() || !starts_folded(t_[i + 1].text, "årsdag")) return;
        if (s_.substr(t_[i].end, t_[i + 1].begin - t_[i].end) != "-") return;
        emit(i, i + 1, AgeWording::other, number(i));
    }

    std::string_view s_;
    std::vector<Token> t_;
    std::vector<AgeMention> out_;
};

}  // namespace

std::vector<AgeMention> find_age_mentions(std::string_view text, int sentences_before) {
    if (text.empty()) return {};
    auto mentions = Scanner(text).run();
    for (AgeMention& m : mentions)
        if (m.sentence) *m.sentence += sentences_before;
    return mentions;
}

}  // namespace lovsjekk::corpus
