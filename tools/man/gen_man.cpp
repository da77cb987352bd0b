// Writes the manual page lovsjekk.1 from the help the commands print
// (`lovsjekk --help`, `lovsjekk COMMAND --help`), so that the page and the
// help never drift apart and the page is in every catalogue language.
//
//   lovsjekk_gen_man LANG OUT.1
#include "cli/commands.hpp"
#include "text/messages.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/unistr.h>

namespace {

using lovsjekk::text::Catalogue;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

/// Roff-escaped text: backslashes, minus signs (so that options copy as
/// typed), a leading dot or apostrophe that would be read as a request, and
/// every non-ASCII character as \[uXXXX], which any troff reads without preconv.
std::string roff(const std::string& text) {
    std::string out;
    const icu::UnicodeString chars = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < chars.length(); i = chars.moveIndex32(i, 1)) {
        const UChar32 c = chars.char32At(i);
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else if (c < 0x80) out += static_cast<char>(c);
        else {
            char escaped[16];
            std::snprintf(escaped, sizeof escaped, "\\[u%04X]", static_cast<unsigned>(c));
            out += escaped;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

/// What `lovsjekk ARGS…` prints on standard output; the help exits 0.
std::string help_of(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int status = lovsjekk::cli::run(args, {out, err, false});
    if (status != 0) {
        std::string shown;
        for (const auto& a : args) shown += " " + a;
        throw std::runtime_error("lovsjekk" + shown + " exited " + std::to_string(status) + ": " + err.str());
    }
    return out.str();
}

/// The usage line's words before and after the usage pattern ("usage: " and "").
std::pair<std::string, std::string> usage_frame(const Catalogue& messages) {
    const std::string marker = "\x01";
    const std::string framed = messages.format("cli.help.usage", {{"usage", marker}});
    const auto at = framed.find(marker);
    return {framed.substr(0, at), framed.substr(at + marker.size())};
}

/// One command's help as roff: the usage in bold, its paragraphs, its options as a tagged list.
void write_command(std::ostream& out, const Catalogue& messages, const std::string& help) {
    const auto [before, after] = usage_frame(messages);
    const std::string options_heading = messages.format("cli.help.options");
    const std::vector<std::string> lines = lines_of(help);
    bool in_options = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (i == 0 && line.rfind(before, 0) == 0) {
            std::string usage = line.substr(before.size());
            if (!after.empty() && usage.size() >= after.size()) usage.resize(usage.size() - after.size());
            out << ".PP\n.B " << roff(usage) << "\n";
        } else if (line.empty()) {
            if (!in_options) out << ".PP\n";
        } else if (line == options_heading) {
            in_options = true;
        } else if (in_options && line.rfind("  -", 0) == 0) {
            // "  --at DATE                 text", or a long option alone on its line and the text below.
            constexpr std::size_t column = 28;
            std::string option = trim(line.substr(0, std::min(line.size(), column)));
            std::string text = line.size() > column ? trim(line.substr(column)) : "";
            if (line.size() > column && line[column - 1] != ' ') {
                option = trim(line);
                text.clear();
            }
            if (text.empty() && i + 1 < lines.size()) text = trim(lines[++i]);
            out << ".TP\n.B " << roff(option) << "\n" << roff(text) << "\n";
        } else {
            out << roff(trim(line)) << "\n";
        }
    }
}

void write_page(std::ostream& out, const std::string& lang) {
    const Catalogue& messages = lovsjekk::text::bundled_catalogue(lang);
    const std::string overview = help_of({"--lang", lang, "--help"});
    // The commands in the order `lovsjekk --help` lists them: "  NAME  what it does".
    std::vector<std::string> commands;
    const std::regex command_line("^  ([a-z]+) +\\S.*$");
    for (const std::string& line : lines_of(overview)) {
        std::smatch m;
        if (std::regex_match(line, m, command_line)) commands.push_back(m[1]);
    }
    if (commands.empty()) throw std::runtime_error("no commands found in `lovsjekk --help`");

    out << ".\\\" Generated from messages/" << lang << "/cli.txt by tools/man/gen_man.cpp; do not edit.\n"
        << ".TH LOVSJEKK 1 \"\" \"lovsjekk " << LOVSJEKK_VERSION << "\" \"" << roff(messages.format("cli.man.manual"))
        << "\"\n"
        << ".SH " << roff(messages.format("cli.man.name")) << "\n"
        << "lovsjekk \\- " << roff(messages.format("cli.man.summary")) << "\n"
        << ".SH " << roff(messages.format("cli.man.synopsis")) << "\n";
    for (const std::string& c : commands) {
        const std::string first = lines_of(help_of({c, "--help", "--lang", lang})).front();
        const auto [before, after] = usage_frame(messages);
        std::string usage = first.substr(first.rfind(before, 0) == 0 ? before.size() : 0);
        if (!after.empty() && usage.size() >= after.size()) usage.resize(usage.size() - after.size());
        out << ".B " << roff(usage) << "\n.br\n";
    }
    out << ".B lovsjekk \\-\\-help\n.br\n.B lovsjekk \\-\\-version\n"
        << ".SH " << roff(messages.format("cli.man.description")) << "\n"
        << roff(messages.format("cli.intro")) << "\n.PP\n"
        << roff(messages.format("cli.more")) << "\n"
        << ".SH " << roff(messages.format("cli.man.commands")) << "\n";
    for (const std::string& c : commands) {
        out << ".SS " << roff(c) << "\n" << roff(messages.format("cli.command." + c)) << "\n";
        write_command(out, messages, help_of({c, "--help", "--lang", lang}));
    }
    out << ".SH " << roff(messages.format("cli.man.environment")) << "\n"
        << ".TP\n.B LOVSJEKK_DATA_DIR\n" << roff(messages.format("cli.man.env.data_dir")) << "\n"
        << ".TP\n.B NO_COLOR\n" << roff(messages.format("cli.man.env.no_color")) << "\n"
        << ".SH " << roff(messages.format("cli.man.files")) << "\n"
        << ".TP\n.I share/lovsjekk\n" << roff(messages.format("cli.man.files.data")) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: lovsjekk_gen_man LANG OUT.1\n";
        return 2;
    }
    try {
        std::ostringstream page;
        write_page(page, argv[1]);
        std::ofstream out(argv[2], std::ios::binary);
        out << page.str();
        if (!out.flush()) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "lovsjekk_gen_man: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
