// A small command-line option parser shared by the commands: `--name value`,
// `--name=value`, boolean flags and positional arguments, with "did you mean"
// for unknown options.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::cli {

struct OptionSpec {
    std::string name;         ///< without dashes: "fail-on"
    bool takes_value = false;
    std::string value_name;   ///< for help: "LEVEL"
    std::string help;
    bool repeatable = false;
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

/// Help text: usage line, description, then one line per option.
std::string format_help(const std::string& usage, const std::string& description,
                        const std::vector<OptionSpec>& specs);

}  // namespace lovsjekk::cli
