// The format table: names for --format, and dispatch to one writer per format.
#include "report/report.hpp"

namespace lovsjekk::report {

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = {"text", "json", "sarif", "junit", "markdown", "html"};
    return names;
}

std::string side_label(const ReportInput& side, const std::string& label) {
    return label.empty() ? side.at.iso() : label;
}

bool write(const std::string& format, std::ostream& out, const ReportInput& input, const WriteOptions& options) {
    if (format == "text") write_text(out, input, options.colour);
    else if (format == "json") write_json(out, input);
    else if (format == "sarif") write_sarif(out, input);
    else if (format == "junit") write_junit(out, input, options.fail_on);
    else if (format == "markdown") write_markdown(out, input);
    else if (format == "html") write_html(out, input);
    else return false;
    return true;
}

bool write(const std::string& format, std::ostream& out, const ReportInput& input, bool colour) {
    WriteOptions options;
    options.colour = colour;
    return write(format, out, input, options);
}

bool write_diff(const std::string& format, std::ostream& out, const DiffInput& input, const WriteOptions& options) {
    if (format == "text") write_text_diff(out, input, options.colour);
    else if (format == "json") write_json_diff(out, input);
    else if (format == "sarif") write_sarif_diff(out, input);
    else if (format == "junit") write_junit_diff(out, input, options.fail_on);
    else if (format == "markdown") write_markdown_diff(out, input);
    else if (format == "html") write_html_diff(out, input);
    else return false;
    return true;
}

}  // namespace lovsjekk::report
