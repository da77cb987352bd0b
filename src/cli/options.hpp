// A small command-line option parser shared by the commands: `--name value`,
// `--name=value`, boolean flags and positional arguments, with "did you mean"
// for unknown options.
#pragma once

#include "base/message.hpp"
#include "text/messages.hpp"

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lovsjekk::cli {

struct OptionSpec {
    std::string name;         ///< without dashes: "fail-on"
    bool takes_value = false;
    std::string value_name;   ///< for help: "LEVEL"
    std::string help;         ///< what it does: a key of messages/*/cli.txt
    bool repeatable = false;
    MessageArgs help_args = {};  ///< the arguments of `help`, if its pattern has any
};

struct ParsedOptions {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> values;
    std::optional<std::string> error;

    bool has(const std::string& name) const { return values.contains(name); }
    std::optional<std::string> get(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
};

ParsedOptions parse_options(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

/// Help text in the catalogue's language: the usage line, one paragraph per
/// key of `paragraphs`, then one line per option.
std::string format_help(const text::Catalogue& messages, const std::string& usage,
                        const std::vector<std::string>& paragraphs, const std::vector<OptionSpec>& specs);

/// `--lang`: the language of messages and help, on every command.
/// A whole number from `low` to `high` as an option's value ("16"), else nullopt.
std::optional<int> whole_number(std::string_view value, int low, int high);

OptionSpec lang_option_spec();
/// Sets `lang` from --lang (default nb); an error message for a language without a catalogue.
std::optional<std::string> read_lang(const ParsedOptions& parsed, std::string& lang);
/// The value of a `--lang X` or `--lang=X` among raw arguments (for help
/// printed before the options are parsed); nb when there is none.
std::string lang_in(const std::vector<std::string>& args);

/// The catalogue of the --lang among raw arguments, bokmål when there is
/// none or it names a language without one (read_lang reports that), for
/// errors worded before the options are read.
const text::Catalogue& catalogue_in(const std::vector<std::string>& args);

/// Writes a command's help in the language of --lang to `out`. False, with
/// "lovsjekk COMMAND: error: …" on `err`, for an unknown language.
bool write_help(std::ostream& out, std::ostream& err, const std::string& command, const ParsedOptions& parsed,
                const std::string& usage, const std::vector<std::string>& paragraphs,
                const std::vector<OptionSpec>& specs);

}  // namespace lovsjekk::cli
