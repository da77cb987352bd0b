#include "cli/options.hpp"

#include "text/suggest.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace lovsjekk::cli {

std::optional<int> whole_number(std::string_view value, int low, int high) {
    int n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || ptr != value.data() + value.size() || n < low || n > high) return std::nullopt;
    return n;
}

std::optional<std::string> ParsedOptions::get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedOptions::all(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

ParsedOptions parse_options(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
    const text::Catalogue& messages = catalogue_in(args);
    ParsedOptions parsed;
    bool only_positional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (only_positional || arg.size() < 2 || arg[0] != '-' || arg == "-") {
            parsed.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positional = true;
            continue;
        }
        std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
        std::optional<std::string> inline_value;
        if (auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (name == "h") name = "help";
        if (name == "o") name = "output";
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            std::vector<std::string_view> names;
            for (const auto& s : specs) names.push_back(s.name);
            const auto close = text::closest(name, names);
            parsed.error = messages.format("cli.error.unknown_option",
                                           {{"option", arg},
                                            {"has_suggestion", close ? "yes" : "no"},
                                            {"suggestion", close ? "--" + std::string(*close) : std::string()}});
            return parsed;
        }
        if (!spec->takes_value) {
            if (inline_value) {
                parsed.error = messages.format("cli.error.takes_no_value", {{"option", "--" + name}});
                return parsed;
            }
            parsed.values[name].push_back("true");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size()) {
                parsed.error =
                    messages.format("cli.error.needs_value", {{"option", "--" + name}, {"value", spec->value_name}});
                return parsed;
            }
            inline_value = args[++i];
        }
        auto& slot = parsed.values[name];
        if (!spec->repeatable && !slot.empty()) {
            parsed.error = messages.format("cli.error.repeated", {{"option", "--" + name}});
            return parsed;
        }
        slot.push_back(*inline_value);
    }
    return parsed;
}

std::string format_help(const text::Catalogue& messages, const std::string& usage,
                        const std::vector<std::string>& paragraphs, const std::vector<OptionSpec>& specs) {
    std::ostringstream out;
    out << messages.format("cli.help.usage", {{"usage", usage}}) << "\n\n";
    for (const std::string& key : paragraphs) out << messages.format(key) << '\n';
    out << '\n' << messages.format("cli.help.options") << '\n';
    for (const auto& s : specs) {
        std::string left = "  --" + s.name + (s.takes_value ? " " + s.value_name : "");
        if (left.size() < 28) left.resize(28, ' ');
        else left += "\n" + std::string(28, ' ');
        out << left << messages.format(s.help, s.help_args) << '\n';
    }
    return out.str();
}

OptionSpec lang_option_spec() { return {"lang", true, "LANG", "cli.option.lang"}; }

std::optional<std::string> read_lang(const ParsedOptions& parsed, std::string& lang) {
    lang = parsed.get("lang").value_or(text::default_language);
    const auto& languages = text::catalogue_languages();
    if (std::find(languages.begin(), languages.end(), lang) != languages.end()) return std::nullopt;
    std::string known;
    for (const std::string& l : languages) known += (known.empty() ? "" : "|") + l;
    return "unknown language '" + lang + "' (" + known + ")";
}

const text::Catalogue& catalogue_in(const std::vector<std::string>& args) {
    const std::string lang = lang_in(args);
    const auto& languages = text::catalogue_languages();
    const bool known = std::find(languages.begin(), languages.end(), lang) != languages.end();
    return text::bundled_catalogue(known ? lang : text::default_language);
}

std::string lang_in(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return args[i + 1];
        if (args[i].rfind("--lang=", 0) == 0) return args[i].substr(7);
    }
    return text::default_language;
}

bool write_help(std::ostream& out, std::ostream& err, const std::string& command, const ParsedOptions& parsed,
                const std::string& usage, const std::vector<std::string>& paragraphs,
                const std::vector<OptionSpec>& specs) {
    std::string lang;
    if (auto error = read_lang(parsed, lang)) {
        err << "lovsjekk " << command << ": error: " << *error << '\n';
        return false;
    }
    out << format_help(text::bundled_catalogue(lang), usage, paragraphs, specs);
    return true;
}

}  // namespace lovsjekk::cli
