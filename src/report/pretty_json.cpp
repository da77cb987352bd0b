// Indented JSON. Boost.JSON 1.81 serialises only compactly; SARIF and the
// diff contract are read by people in code review too, so they are indented.
#include "report/pretty_json.hpp"

#include <boost/json.hpp>

#include <ostream>
#include <string>

namespace lovsjekk::report {

namespace json = boost::json;

namespace {

void write_value(std::ostream& out, const json::value& v, int depth) {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    if (const json::object* o = v.if_object()) {
        if (o->empty()) {
            out << "{}";
            return;
        }
        out << "{\n";
        bool first = true;
        for (const auto& member : *o) {
            if (!first) out << ",\n";
            first = false;
            out << indent << json::serialize(json::string_view(member.key())) << ": ";
            write_value(out, member.value(), depth + 1);
        }
        out << '\n' << closing << '}';
    } else if (const json::array* a = v.if_array()) {
        if (a->empty()) {
            out << "[]";
            return;
        }
        out << "[\n";
        bool first = true;
        for (const json::value& item : *a) {
            if (!first) out << ",\n";
            first = false;
            out << indent;
            write_value(out, item, depth + 1);
        }
        out << '\n' << closing << ']';
    } else {
        out << json::serialize(v);
    }
}

}  // namespace

void write_pretty_json(std::ostream& out, const json::value& value) {
    write_value(out, value, 0);
    out << '\n';
}

}  // namespace lovsjekk::report
