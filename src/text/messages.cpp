// Message catalogues over icu::MessageFormat: parsing the `key = pattern`
// files, compiling each pattern once, and formatting with named arguments.
#include "text/messages.hpp"

#include "base/data_dir.hpp"

#include <unicode/gregocal.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

namespace lovsjekk::text {

namespace fs = std::filesystem;

namespace {

/// A piece of a plain pattern (Catalogue::Entry::pieces): literal text, or
/// the index (in the entry's `arguments`) of an argument whose text goes here.
struct PatternPiece {
    icu::UnicodeString text;
    int argument = -1;  ///< -1: `text` is literal
};

}  // namespace

struct Catalogue::Entry {
    std::string pattern;
    std::string origin;  ///< "file:line", for errors
    std::vector<std::string> arguments;
    std::vector<icu::UnicodeString> argument_names;  ///< `arguments` as ICU takes them, converted once
    std::unique_ptr<icu::MessageFormat> format;
    /// A pattern whose arguments are all plain ({name}, no select, plural,
    /// number or date) as ICU would write it with text arguments: literal
    /// text, and an argument's index (in `arguments`) where its text goes.
    /// Empty for other patterns. Read from ICU's own output (see simple_pieces),
    /// so quoting and apostrophes come out as ICU writes them; worked out the
    /// first time the key is formatted, so that start-up pays for none.
    mutable std::vector<PatternPiece> pieces;
    mutable std::once_flag pieces_found;
};

namespace {

std::string utf8(const icu::UnicodeString& s) {
    // Straight into a buffer large enough for any UTF-16 (three bytes a unit at
    // most), unpaired surrogates as U+FFFD the way UnicodeString::toUTF8String does.
    std::string out(static_cast<std::size_t>(s.length()) * 3, '\0');
    int32_t length = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, s.getBuffer(), s.length(), 0xFFFD,
                       nullptr, &status);
    out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0);
    return out;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

/// The named arguments a pattern uses; an error for numbered ones ({0}),
/// which a catalogue shared by three languages must not rely on.
std::optional<std::string> argument_names_of(const icu::UnicodeString& pattern, std::vector<std::string>& names) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    icu::MessagePattern parsed(pattern, &parse_error, status);
    if (U_FAILURE(status))
        return std::string("not an ICU MessageFormat pattern (") + u_errorName(status) + " at offset " +
               std::to_string(parse_error.offset) + ")";
    std::set<std::string> unique;
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER) return std::string("use named arguments, not numbers");
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) unique.insert(utf8(parsed.getSubstring(part)));
    }
    names.assign(unique.begin(), unique.end());
    return std::nullopt;
}

/// The pieces of a pattern whose arguments are all plain (Catalogue::Entry::
/// pieces); none for another. ICU formats the pattern once with a character
/// of the private use area standing for each argument, and its output is cut
/// where they stand: with text arguments ICU writes exactly that, the
/// arguments' texts in their places.
std::vector<PatternPiece> simple_pieces(const icu::UnicodeString& pattern, const icu::MessageFormat& format,
                                        const std::vector<icu::UnicodeString>& names) {
    constexpr UChar first_mark = 0xE000, last_mark = 0xF8FF;
    if (names.size() > static_cast<std::size_t>(last_mark - first_mark)) return {};
    for (int32_t i = 0; i < pattern.length(); ++i)
        if (pattern.charAt(i) >= first_mark && pattern.charAt(i) <= last_mark) return {};
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    const icu::MessagePattern parsed(pattern, &parse_error, status);
    if (U_FAILURE(status)) return {};
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_START && part.getArgType() != UMSGPAT_ARG_TYPE_NONE) return {};
    }
    std::vector<icu::Formattable> marks(names.size());
    for (std::size_t k = 0; k < names.size(); ++k)
        marks[k].setString(icu::UnicodeString(static_cast<UChar>(first_mark + k)));
    icu::UnicodeString out;
    format.format(names.data(), marks.data(), static_cast<int32_t>(marks.size()), out, status);
    if (U_FAILURE(status)) return {};
    std::vector<PatternPiece> pieces;
    for (int32_t i = 0; i < out.length(); ++i) {
        const UChar c = out.charAt(i);
        if (c >= first_mark && c < first_mark + names.size()) {
            pieces.push_back({{}, static_cast<int>(c - first_mark)});
            continue;
        }
        if (pieces.empty() || pieces.back().argument >= 0) pieces.push_back({});
        pieces.back().text.append(c);
    }
    // A pattern of literal text alone keeps one piece, so "no pieces" still means "not simple".
    if (pieces.empty()) pieces.push_back({});
    return pieces;
}

/// A date as ICU's UDate: noon of that day in the default time zone, the
/// zone MessageFormat's date formats use, so every zone shows the same day.
UDate to_udate(Date d) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(status);
    calendar.clear();
    calendar.set(d.year(), static_cast<int32_t>(d.month()) - 1, static_cast<int32_t>(d.day()), 12, 0, 0);
    const UDate when = calendar.getTime(status);
    return U_SUCCESS(status) ? when : 0.0;
}

/// Scalars only: phrases are worded by the catalogue first (Catalogue::format).
/// Set in place: icu::Formattable has no move, and a copy copies its string.
void set_formattable(icu::Formattable& out, const MessageValue& value) {
    if (const auto* s = std::get_if<std::string>(&value))
        out.adoptString(new icu::UnicodeString(icu::UnicodeString::fromUTF8(*s)));
    else if (const auto* n = std::get_if<std::int64_t>(&value)) out.setInt64(static_cast<int64_t>(*n));
    else if (const auto* x = std::get_if<double>(&value)) out.setDouble(*x);
    else out.setDate(to_udate(std::get<Date>(value)));
}

}  // namespace

Catalogue::Catalogue(std::string lang) : lang_(std::move(lang)) {}
Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

Catalogue Catalogue::load(const fs::path& dir, const std::string& lang, std::vector<std::string>& errors) {
    Catalogue catalogue(lang);
    const fs::path folder = dir / lang;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".txt" && entry.is_regular_file()) files.push_back(entry.path());
    if (ec || files.empty()) {
        errors.push_back(folder.generic_string() + ": no message catalogue for language '" + lang + "'");
        return catalogue;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) {
            errors.push_back(file.generic_string() + ": cannot read");
            continue;
        }
        catalogue.add(text.str(), file.generic_string(), errors);
    }
    return catalogue;
}

void Catalogue::add(std::string_view text, const std::string& origin, std::vector<std::string>& errors) {
    struct Pending {
        std::string key;
        std::string pattern;
        int line = 0;
    };
    std::vector<Pending> pending;
    int line_no = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        const std::string where = origin + ":" + std::to_string(line_no);
        if (line.front() == ' ' || line.front() == '\t') {
            if (pending.empty()) errors.push_back(where + ": continuation line with no key before it");
            else pending.back().pattern += (pending.back().pattern.empty() ? "" : " ") + std::string(content);
        } else if (const auto eq = content.find('='); eq == std::string_view::npos) {
            errors.push_back(where + ": expected 'key = pattern'");
        } else {
            const std::string_view key = trim(content.substr(0, eq));
            if (key.empty() || key.find_first_of(" \t") != std::string_view::npos)
                errors.push_back(where + ": a key is one word before '='");
            else pending.push_back({std::string(key), std::string(trim(content.substr(eq + 1))), line_no});
        }
    }
    for (Pending& p : pending) {
        const std::string where = origin + ":" + std::to_string(p.line);
        if (entries_.contains(p.key)) {
            errors.push_back(where + ": key '" + p.key + "' is defined twice (first at " + entries_.at(p.key)->origin + ")");
            continue;
        }
        auto entry = std::make_unique<Entry>();
        entry->pattern = p.pattern;
        entry->origin = where;
        const icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(p.pattern);
        if (auto error = argument_names_of(pattern, entry->arguments)) {
            errors.push_back(where + ": " + p.key + ": " + *error);
            continue;
        }
        for (const std::string& name : entry->arguments)
            entry->argument_names.push_back(icu::UnicodeString::fromUTF8(name));
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        entry->format = std::make_unique<icu::MessageFormat>(pattern, icu::Locale(lang_.c_str()), parse_error, status);
        if (U_FAILURE(status)) {
            errors.push_back(where + ": " + p.key + ": " + u_errorName(status));
            continue;
        }
        entries_.emplace(p.key, std::move(entry));
    }
}

bool Catalogue::has(std::string_view key) const { return entries_.find(key) != entries_.end(); }

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, entry] : entries_) out.push_back(key);
    return out;
}

const Catalogue::Entry& Catalogue::entry(std::string_view key) const {
    auto it = entries_.find(key);
    if (it == entries_.end())
        throw MessageError("message '" + std::string(key) + "' is missing from the '" + lang_ + "' catalogue");
    return *it->second;
}

const std::string& Catalogue::pattern(std::string_view key) const { return entry(key).pattern; }

std::vector<std::string> Catalogue::argument_names(std::string_view key) const { return entry(key).arguments; }

struct Catalogue::Formatter {
    static icu::UnicodeString format(const Catalogue& catalogue, std::string_view key, const MessageArgs& args,
                                     const RuleTextWords* rule_texts) {
        const Entry& e = catalogue.entry(key);
        // ICU prints "{name}" for an argument it was not given; we refuse instead.
        for (const std::string& name : e.arguments) {
            if (std::none_of(args.begin(), args.end(), [&](const auto& a) { return a.first == name; }))
                throw MessageError("message '" + std::string(key) + "' (" + catalogue.lang_ + ", " + e.origin +
                                   ") needs the argument '" + name + "'");
        }
        // Phrases are worded even when the pattern does not use them, so that a
        // phrase with a missing key fails the same way whichever pattern holds it;
        // only the arguments the pattern uses are converted for ICU.
        std::vector<icu::Formattable> values(e.arguments.size());
        for (auto arg = args.begin(); arg != args.end(); ++arg) {
            const std::string_view name = arg->first;
            const MessageValue& value = arg->second;
            const auto used = std::find(e.arguments.begin(), e.arguments.end(), name);
            // ICU takes the first argument of a name.
            const bool to_convert =
                used != e.arguments.end() &&
                std::find_if(args.begin(), arg, [&](const auto& earlier) { return earlier.first == name; }) == arg;
            icu::Formattable* slot = to_convert ? &values[static_cast<std::size_t>(used - e.arguments.begin())] : nullptr;
            if (const auto* deferred = std::get_if<RuleText>(&value)) {
                if (!rule_texts)
                    throw MessageError("message '" + std::string(key) + "': the argument '" + std::string(name) +
                                       "' is a rule's text not yet expanded (model::expand_rule_texts)");
                if (slot)
                    slot->adoptString(new icu::UnicodeString(icu::UnicodeString::fromUTF8((*rule_texts)(*deferred))));
            } else if (const auto* phrases = std::get_if<std::vector<Phrase>>(&value)) {
                icu::UnicodeString worded;
                for (const Phrase& p : *phrases) {
                    if (!worded.isEmpty()) worded.append(u"; ", 2);
                    worded.append(format(catalogue, p.key, p.args, rule_texts));
                }
                if (slot) slot->adoptString(new icu::UnicodeString(std::move(worded)));
            } else if (slot) {
                set_formattable(*slot, value);
            }
        }
        icu::UnicodeString out;
        // A plain pattern with text arguments is put together here, as ICU
        // would: a report's phrases (a ladder's steps, notes) are of this kind.
        std::call_once(e.pieces_found, [&e] {
            e.pieces = simple_pieces(icu::UnicodeString::fromUTF8(e.pattern), *e.format, e.argument_names);
        });
        if (!e.pieces.empty() && std::all_of(values.begin(), values.end(), [](const icu::Formattable& v) {
                return v.getType() == icu::Formattable::kString;
            })) {
            for (const PatternPiece& piece : e.pieces)
                out.append(piece.argument < 0 ? piece.text
                                              : values[static_cast<std::size_t>(piece.argument)].getString());
            return out;
        }
        UErrorCode status = U_ZERO_ERROR;
        e.format->format(e.argument_names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
        if (U_FAILURE(status))
            throw MessageError("message '" + std::string(key) + "' (" + catalogue.lang_ + "): " + u_errorName(status));
        return out;
    }
};

std::string Catalogue::format(std::string_view key, const MessageArgs& args, const RuleTextWords* rule_texts) const {
    return utf8(Formatter::format(*this, key, args, rule_texts));
}

fs::path bundled_messages_dir() { return data_dir() / "messages"; }

const Catalogue& bundled_catalogue(const std::string& lang) {
    static std::mutex guard;
    static std::map<std::string, Catalogue> loaded;
    const std::lock_guard lock(guard);
    if (auto it = loaded.find(lang); it != loaded.end()) return it->second;
    std::vector<std::string> errors;
    Catalogue catalogue = Catalogue::load(bundled_messages_dir(), lang, errors);
    if (!errors.empty()) {
        std::string all;
        for (const std::string& e : errors) all += (all.empty() ? "" : "\n") + e;
        throw MessageError(all);
    }
    return loaded.emplace(lang, std::move(catalogue)).first->second;
}

const std::vector<std::string>& catalogue_languages() {
    static const std::vector<std::string> languages = {"nb", "nn", "en"};
    return languages;
}

}  // namespace lovsjekk::text
