#include "corpus/corpus.hpp"

#include "text/suggest.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

namespace lovsjekk::corpus {

namespace {

constexpr std::string_view section_sign = "\xC2\xA7";  // §

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Lower-cases ASCII and the Norwegian capitals Æ Ø Å (enough for law names).
std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            out += s[i];
            out += (d == 0x86 || d == 0x98 || d == 0x85) ? static_cast<char>(d + 0x20) : s[i + 1];
            ++i;
        } else {
            out += ascii_lower(s[i]);
        }
    }
    return out;
}

// The comparison key of a section number: no "§", no spaces, no trailing
// dot, lower case. "§ 2-1 C." → "2-1c".
std::string section_key(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 2) == section_sign) { ++i; continue; }
        const char c = s[i];
        if (c == ' ' || c == '\t') continue;
        out += ascii_lower(c);
    }
    while (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

// A key read as (chapter, chapter letter, section, section letter), so that
// "2-1d" is closer to "2-1c" than to "2-1b". Keys without a dash have only
// the section part ("31", "120a").
struct Numeric {
    long chapter = 0, chapter_letter = 0, section = 0, section_letter = 0;
};

Numeric numeric(std::string_view key) {
    auto read = [&key](long& number, long& letter) {
        number = 0;
        letter = 0;
        std::size_t i = 0;
        while (i < key.size() && is_digit(key[i]) && number < 100000) number = number * 10 + (key[i++] - '0');
        if (i < key.size() && is_alpha(key[i])) letter = ascii_lower(key[i++]) - 'a' + 1;
        key.remove_prefix(std::min(i, key.size()));
    };
    Numeric n;
    const bool has_dash = key.find('-') != std::string_view::npos;
    if (has_dash) {
        read(n.chapter, n.chapter_letter);
        if (!key.empty() && key[0] == '-') key.remove_prefix(1);
    }
    read(n.section, n.section_letter);
    return n;
}

long numeric_distance(const Numeric& a, const Numeric& b) {
    return std::labs(a.chapter - b.chapter) * 1000000 + std::labs(a.chapter_letter - b.chapter_letter) * 100000 +
           std::labs(a.section - b.section) * 100 + std::labs(a.section_letter - b.section_letter);
}

template <class T>
const T* find_label(const std::vector<T>& points, std::string_view label) {
    // "nr. 1", "a.", "A" all name the same point as "1" / "a".
    std::string key = section_key(label);
    if (key.rfind("nr.", 0) == 0) key.erase(0, 3);
    else if (key.rfind("nr", 0) == 0 && key.size() > 2 && is_digit(key[2])) key.erase(0, 2);
    while (!key.empty() && key.back() == ')') key.pop_back();
    for (const T& p : points)
        if (section_key(p.label) == key) return &p;
    return nullptr;
}

void collect_ages(const std::vector<Point>& points, std::vector<AgeMention>& out) {
    for (const Point& p : points) {
        out.insert(out.end(), p.age_mentions.begin(), p.age_mentions.end());
        collect_ages(p.points, out);
    }
}

}  // namespace

const char* wording_name(AgeWording w) {
    switch (w) {
        case AgeWording::fylt: return "fylt";
        case AgeWording::over: return "over";
        case AgeWording::under: return "under";
        case AgeWording::mellom: return "mellom";
        case AgeWording::calendar_year: return "calendar_year";
        case AgeWording::school_year: return "school_year";
        case AgeWording::other: return "other";
    }
    return "other";
}

std::optional<AgeWording> parse_wording(std::string_view name) {
    for (auto w : {AgeWording::fylt, AgeWording::over, AgeWording::under, AgeWording::mellom,
                   AgeWording::calendar_year, AgeWording::school_year, AgeWording::other})
        if (name == wording_name(w)) return w;
    return std::nullopt;
}

const char* amendment_kind_name(Amendment::Kind k) {
    switch (k) {
        case Amendment::Kind::added: return "added";
        case Amendment::Kind::changed: return "changed";
        case Amendment::Kind::repealed: return "repealed";
    }
    return "changed";
}

std::optional<Amendment::Kind> parse_amendment_kind(std::string_view name) {
    if (name == "added") return Amendment::Kind::added;
    if (name == "changed") return Amendment::Kind::changed;
    if (name == "repealed") return Amendment::Kind::repealed;
    return std::nullopt;
}

const char* division_kind_name(Division::Kind k) {
    switch (k) {
        case Division::Kind::part: return "part";
        case Division::Kind::chapter: return "chapter";
        case Division::Kind::other: return "other";
    }
    return "other";
}

std::optional<Division::Kind> parse_division_kind(std::string_view name) {
    if (name == "part") return Division::Kind::part;
    if (name == "chapter") return Division::Kind::chapter;
    if (name == "other") return Division::Kind::other;
    return std::nullopt;
}

const Point* Point::find_point(std::string_view label) const { return find_label(points, label); }
const Point* Ledd::find_point(std::string_view label) const { return find_label(points, label); }

std::vector<AgeMention> Ledd::all_age_mentions() const {
    std::vector<AgeMention> out = age_mentions;
    collect_ages(points, out);
    return out;
}

const Ledd* Section::find_ledd(int n) const {
    for (const Ledd& l : ledd)
        if (l.number == n) return &l;
    return nullptr;
}

bool Section::in_force_on(Date on) const {
    if (future && !in_force_from) return false;
    if (in_force_from && on < *in_force_from) return false;
    if (repealed) return repealed_on && on < *repealed_on;
    return true;
}

const Section* Law::find_section(std::string_view number) const { return section_index_.find(sections, number); }

namespace {

// FNV-1a of section_number_key(number), without building the key.
std::uint32_t section_number_hash(std::string_view number) {
    std::uint64_t h = 14695981039346656037ULL;
    for (std::size_t k = 0; k < number.size();) {
        if (number[k] == ' ' || number[k] == '\t') ++k;
        else if (number.substr(k, 2) == section_sign) k += 2;
        else if (number[k] == '.' && k + 1 == number.size()) ++k;  // "§ 31."
        else {
            h ^= static_cast<unsigned char>(ascii_lower(number[k++]));
            h *= 1099511628211ULL;
        }
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

using Slots = std::vector<std::uint64_t>;

// One table of the sections' numbers or url_names (`name`); an equal name
// later in the law keeps the earlier one's slot, as a scan would find it first.
Slots build_slots(const std::vector<Section>& sections, std::string Section::*name) {
    std::size_t size = 8;
    while (size < sections.size() * 2) size *= 2;
    Slots slots(size, 0);
    const std::size_t mask = size - 1;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string& text = sections[i].*name;
        if (text.empty() && name != &Section::number) continue;  // no url_name
        const std::uint64_t h = section_number_hash(text);
        for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
            const std::uint64_t slot = slots[pos];
            if (slot == 0) {
                slots[pos] = (h << 32) | (i + 1);
                break;
            }
            if ((slot >> 32) == h && same_section_number(sections[(slot & 0xFFFFFFFFU) - 1].*name, text)) break;
        }
    }
    return slots;
}

const Section* find_in_slots(const Slots& slots, const std::vector<Section>& sections, std::string Section::*name,
                             std::string_view number, std::uint64_t h) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
        const std::uint64_t slot = slots[pos];
        if (slot == 0) return nullptr;
        const Section& s = sections[(slot & 0xFFFFFFFFU) - 1];
        if ((slot >> 32) == h && same_section_number(s.*name, number)) return &s;
    }
}

}  // namespace

const Section* SectionIndex::find(const std::vector<Section>& sections, std::string_view number) const {
    if (!built_ || built_for_ != sections.data() || built_size_ != sections.size()) {
        numbers_ = build_slots(sections, &Section::number);
        url_names_.clear();
        url_names_built_ = false;
        built_for_ = sections.data();
        built_size_ = sections.size();
        built_ = true;
    }
    const std::uint64_t h = section_number_hash(number);
    if (const Section* s = find_in_slots(numbers_, sections, &Section::number, number, h)) return s;
    // Lovdata's own spelling ("§2-1c") or a treaty article named by URL.
    if (!url_names_built_) {
        url_names_ = build_slots(sections, &Section::url_name);
        url_names_built_ = true;
    }
    return find_in_slots(url_names_, sections, &Section::url_name, number, h);
}

std::vector<std::string> Law::nearest_sections(std::string_view number, std::size_t k) const {
    const std::string key = section_key(number);
    const Numeric nums = numeric(key);
    std::vector<std::tuple<std::size_t, long, std::size_t>> scored;  // distance, numeric, order
    scored.reserve(sections.size());
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string other = section_key(sections[i].number);
        scored.emplace_back(text::edit_distance(key, other), numeric_distance(nums, numeric(other)), i);
    }
    const std::size_t n = std::min(k, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(sections[std::get<2>(scored[i])].number);
    return out;
}

std::optional<Date> Law::in_force_from() const {
    if (in_force.empty()) return std::nullopt;
    return *std::min_element(in_force.begin(), in_force.end());
}

bool Law::in_force_on(Date on) const {
    const auto from = in_force_from();
    if (!from || on < *from) return false;
    return !repealed || on < *repealed;
}

namespace {

std::string id_key(std::string_view id) {
    std::string s(id);
    // A refid ("lov/…", "forskrift/…") names the same work as the legacy id.
    if (s.rfind("lov/", 0) == 0) s = "LOV-" + s.substr(4);
    else if (s.rfind("forskrift/", 0) == 0) s = "FOR-" + s.substr(10);
    for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return s;
}

}  // namespace

std::string index_key(const Law& law) {
    std::string key = id_key(law.id);
    if (!law.variant.empty()) key += "-" + id_key(law.variant);
    return key;
}

std::string index_key(std::string_view id) { return id_key(id); }

void Corpus::add(Law law) {
    std::string key = index_key(law);
    unread_.erase(key);
    laws_.insert_or_assign(std::move(key), std::move(law));
}

void Corpus::add_unread(std::string_view key, std::filesystem::path file) {
    std::string k = id_key(key);
    laws_.erase(k);
    unread_.insert_or_assign(std::move(k), std::move(file));
}

std::optional<std::filesystem::path> Corpus::take_unread(std::string_view id) {
    auto it = unread_.find(id_key(id));
    if (it == unread_.end()) return std::nullopt;
    auto file = std::move(it->second);
    unread_.erase(it);
    return file;
}

const Law* Corpus::read_unread(const std::string& key) const {
    auto it = unread_.find(key);
    if (it == unread_.end()) return nullptr;
    const std::filesystem::path file = std::move(it->second);
    unread_.erase(it);
    if (!reader_) return nullptr;
    auto law = reader_(file);
    if (!law) return nullptr;
    auto [pos, inserted] = laws_.insert_or_assign(key, std::move(*law));
    return &pos->second;
}

void Corpus::read_all() const {
    while (!unread_.empty()) {
        const std::string key = unread_.begin()->first;  // a copy: reading erases the entry
        read_unread(key);
    }
}

void Corpus::add_all(const Corpus& other) {
    for (const auto& [key, law] : other.laws_) {
        unread_.erase(key);
        laws_.insert_or_assign(key, law);
    }
    for (const auto& [key, file] : other.unread_) {
        laws_.erase(key);
        unread_.insert_or_assign(key, file);
    }
    if (!reader_) reader_ = other.reader_;
    replacements_.insert(replacements_.end(), other.replacements_.begin(), other.replacements_.end());
}

void Corpus::add_replacement(Replacement r) { replacements_.push_back(std::move(r)); }

const Law* Corpus::find(std::string_view id) const {
    const std::string key = id_key(id);
    auto it = laws_.find(key);
    return it == laws_.end() ? read_unread(key) : &it->second;
}

const Law* Corpus::find_by_name(std::string_view name) const {
    const std::string wanted = fold(name);
    read_all();
    const Law* best = nullptr;
    for (const auto& [key, law] : laws_) {
        if (fold(law.abbreviation) != wanted && fold(law.short_title) != wanted) continue;
        // Several versions share a name (opplæringslova 1998 and 2023, barnelova
        // 1981 and 2025): prefer a law in force, then one awaiting its
        // in-force date, then a repealed one; among equals the later act.
        auto rank = [](const Law& l) { return l.repealed ? 2 : l.awaiting_in_force() ? 1 : 0; };
        if (!best || rank(law) <= rank(*best)) best = &law;
    }
    return best;
}

std::vector<const Law*> Corpus::laws() const {
    read_all();
    std::vector<const Law*> out;
    out.reserve(laws_.size());
    for (const auto& [key, law] : laws_) out.push_back(&law);
    return out;
}

std::vector<const Replacement*> Corpus::replacements_for(std::string_view law_id, std::string_view section) const {
    const std::string key = id_key(law_id);
    std::vector<const Replacement*> out;
    for (const Replacement& r : replacements_)
        if (id_key(r.from_law) == key && same_section_number(r.from_section, section)) out.push_back(&r);
    return out;
}

bool Corpus::assume_in_force(std::string_view id, Date from) {
    if (!find(id)) return false;
    auto it = laws_.find(id_key(id));
    if (it == laws_.end()) return false;
    it->second.in_force = {from};
    return true;
}

std::string normalise_section_number(std::string_view written) {
    std::string s;
    s.reserve(written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        if (written.substr(i, 2) == section_sign) { ++i; continue; }
        if (written[i] == ' ' || written[i] == '\t') continue;
        s += written[i];
    }
    while (!s.empty() && s.back() == '.') s.pop_back();
    // Treaty articles ("oas/a2") and other non-numeric names stay as written.
    if (s.empty() || !is_digit(s[0]) || s.find('/') != std::string::npos) return s;
    // A letter after the last number is a section suffix ("2-1c" → "2-1 c");
    // a letter before the dash belongs to the chapter ("4A-1", "13a-4").
    const std::size_t dash = s.rfind('-');
    const std::size_t tail = dash == std::string::npos ? 0 : dash + 1;
    if (s.size() >= 2 && s.size() > tail + 1 && is_alpha(s.back()) && is_digit(s[s.size() - 2])) {
        const char letter = ascii_lower(s.back());
        s.pop_back();
        s += ' ';
        s += letter;
    }
    return s;
}

std::string section_number_key(std::string_view number) {
    std::string key;
    key.reserve(number.size());
    for (std::size_t k = 0; k < number.size();) {
        if (number[k] == ' ' || number[k] == '\t') ++k;
        else if (number.substr(k, 2) == section_sign) k += 2;
        else if (number[k] == '.' && k + 1 == number.size()) ++k;  // "§ 31."
        else key += ascii_lower(number[k++]);
    }
    return key;
}

bool same_section_number(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto skip = [](std::string_view s, std::size_t& k) {
        while (k < s.size()) {
            if (s[k] == ' ' || s[k] == '\t') ++k;
            else if (s.substr(k, 2) == section_sign) k += 2;
            else if (s[k] == '.' && k + 1 == s.size()) ++k;  // "§ 31."
            else break;
        }
    };
    for (;;) {
        skip(a, i);
        skip(b, j);
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (ascii_lower(a[i]) != ascii_lower(b[j])) return false;
        ++i;
        ++j;
    }
}

}  // namespace lovsjekk::corpus
