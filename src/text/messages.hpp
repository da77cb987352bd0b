// Message catalogues: every user-facing sentence in one language, written as
// ICU MessageFormat patterns with named arguments, plural and select, so
// that "1 år"/"16 år" and "eleven"/"pasienten" come out right in each
// language and no sentence is glued together from pieces in C++.
//
// A catalogue is a folder per language (`messages/nb/`, `messages/nn/`,
// `messages/en/`) of UTF-8 `*.txt` files, each a list of
//
//     # comment
//     summary.age.from = fra {age, plural, one {# år} other {# år}}
//     summary.long = a pattern may go on over lines
//         that start with white space; they are joined by one space
//
// Keys are unique across a language's files. A missing key, a pattern that
// names an argument the caller did not give, or a bad pattern is an error,
// never a silent fallback: tests load every language and format every key.
#pragma once

#include "base/date.hpp"
#include "base/message.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace lovsjekk::text {

using lovsjekk::MessageArgs;
using lovsjekk::MessageValue;
using lovsjekk::Phrase;

/// A key the catalogue lacks, an argument the pattern needs but was not
/// given, or a pattern ICU cannot format.
/// The text a deferred rule text stands for (model::expand_rule_texts gives
/// the same): for wording a finding without first copying its arguments.
using RuleTextWords = std::function<std::string(const RuleText&)>;

class MessageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Catalogue {
public:
    /// An empty catalogue for language `lang` ("nb", "nn", "en").
    explicit Catalogue(std::string lang = "nb");
    Catalogue(Catalogue&&) noexcept;
    Catalogue& operator=(Catalogue&&) noexcept;
    ~Catalogue();

    /// Every `*.txt` in `dir/lang/`, in name order. Problems are appended to
    /// `errors` as "file:line: message"; a folder that is missing is one.
    static Catalogue load(const std::filesystem::path& dir, const std::string& lang, std::vector<std::string>& errors);

    /// Adds the entries of one file's text; `origin` names it in errors.
    void add(std::string_view text, const std::string& origin, std::vector<std::string>& errors);

    const std::string& lang() const { return lang_; }
    bool has(std::string_view key) const;
    /// All keys, sorted.
    std::vector<std::string> keys() const;
    /// The pattern as written in the file (continuation lines joined).
    const std::string& pattern(std::string_view key) const;
    /// The names of the arguments the key's pattern uses, sorted.
    std::vector<std::string> argument_names(std::string_view key) const;

    /// Formats `key` with named arguments; throws MessageError (see above).
    /// A rule's text still deferred (RuleText) is worded by `rule_texts`
    /// when given (only where the pattern uses it), else refused.
    std::string format(std::string_view key, const MessageArgs& args = {},
                       const RuleTextWords* rule_texts = nullptr) const;

private:
    struct Entry;
    struct Formatter;  // formats in UTF-16, so that a phrase nests without a round trip through UTF-8
    const Entry& entry(std::string_view key) const;

    std::string lang_;
    std::map<std::string, std::unique_ptr<Entry>, std::less<>> entries_;
};

/// The bundled catalogues (`messages/` in the data folder, base/data_dir.hpp).
std::filesystem::path bundled_messages_dir();

/// The bundled catalogue of one language, loaded once per process. Throws
/// MessageError for a language without one or a catalogue with errors.
const Catalogue& bundled_catalogue(const std::string& lang);

/// The language of every message unless --lang says otherwise: bokmål.
inline constexpr const char* default_language = "nb";

/// The languages lovsjekk has catalogues for.
const std::vector<std::string>& catalogue_languages();

}  // namespace lovsjekk::text
