// The draft-04 validator behind the SARIF schema test. Keywords the SARIF
// schema does not use (patternProperties, dependencies) are rejected loudly
// rather than ignored, so a schema that needs them cannot pass by accident.
#include "json_schema.hpp"

#include <boost/json.hpp>

#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace lovsjekk::testing {

namespace json = boost::json;

namespace {

bool is_integer(const json::value& v) {
    if (v.is_int64() || v.is_uint64()) return true;
    if (v.is_double()) {
        const double d = v.get_double();
        return std::isfinite(d) && std::floor(d) == d;
    }
    return false;
}

double number_of(const json::value& v) {
    if (v.is_int64()) return static_cast<double>(v.get_int64());
    if (v.is_uint64()) return static_cast<double>(v.get_uint64());
    return v.get_double();
}

bool has_type(const json::value& v, std::string_view type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "boolean") return v.is_bool();
    if (type == "null") return v.is_null();
    if (type == "integer") return is_integer(v);
    if (type == "number") return v.is_number();
    throw std::runtime_error("unknown JSON Schema type '" + std::string(type) + "'");
}

/// Numbers compare by value (1 and 1.0 are equal), everything else structurally.
bool equal(const json::value& a, const json::value& b) {
    if (a.is_number() && b.is_number()) return number_of(a) == number_of(b);
    if (a.kind() != b.kind()) return false;
    if (a.is_array()) {
        const auto& x = a.get_array();
        const auto& y = b.get_array();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equal(x[i], y[i])) return false;
        return true;
    }
    if (a.is_object()) {
        const auto& x = a.get_object();
        const auto& y = b.get_object();
        if (x.size() != y.size()) return false;
        for (const auto& m : x) {
            auto it = y.find(m.key());
            if (it == y.end() || !equal(m.value(), it->value())) return false;
        }
        return true;
    }
    return a == b;
}

/// Counts code points, as JSON Schema's string lengths do.
std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

/// RFC 3986 characters, '%' only as part of an escape; no spaces, no
/// non-ASCII (an IRI is not a URI).
bool uri_characters(std::string_view s) {
    static const std::string allowed = "-._~:/?#[]@!$&'()*+,;=";
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) continue;
        if (allowed.find(c) != std::string::npos) continue;
        if (c == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

bool valid_format(std::string_view format, const std::string& s) {
    if (format == "uri-reference") return uri_characters(s);
    if (format == "uri") {
        static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:.*");
        return uri_characters(s) && std::regex_match(s, scheme);
    }
    if (format == "date-time") {
        static const std::regex rfc3339(
            R"(^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)");
        return std::regex_match(s, rfc3339);
    }
    return true;  // other formats are annotations here
}

std::string pointer_escape(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_unescape(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

}  // namespace

const json::value& JsonSchema::resolve(const std::string& ref) const {
    if (ref.empty() || ref[0] != '#') throw std::runtime_error("only local $ref is supported, not '" + ref + "'");
    const json::value* at = &document_;
    std::size_t pos = 1;
    while (pos < ref.size()) {
        if (ref[pos] != '/') throw std::runtime_error("bad $ref '" + ref + "'");
        const std::size_t next = ref.find('/', pos + 1);
        const std::string token = pointer_unescape(ref.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
        if (at->is_object()) {
            const json::value* child = at->get_object().if_contains(token);
            if (!child) throw std::runtime_error("$ref '" + ref + "' does not resolve");
            at = child;
        } else if (at->is_array()) {
            at = &at->get_array().at(std::stoul(token));
        } else {
            throw std::runtime_error("$ref '" + ref + "' does not resolve");
        }
        pos = next == std::string::npos ? ref.size() : next;
    }
    return *at;
}

void JsonSchema::check(const json::value& schema_value, const json::value& v, const std::string& where,
                       std::vector<std::string>& errors, int depth) const {
    if (depth > 200) throw std::runtime_error("schema recursion too deep at " + where);
    if (schema_value.is_bool()) {
        if (!schema_value.get_bool()) errors.push_back(where + ": no value is allowed here");
        return;
    }
    const json::object& schema = schema_value.as_object();
    auto fail = [&](const std::string& what) { errors.push_back((where.empty() ? "/" : where) + ": " + what); };

    for (const char* unsupported : {"patternProperties", "dependencies"})
        if (schema.contains(unsupported)) throw std::runtime_error(std::string("unsupported keyword ") + unsupported);

    if (const json::value* ref = schema.if_contains("$ref")) {
        // Draft-04: $ref replaces the whole schema object it stands in.
        check(resolve(std::string(ref->as_string())), v, where, errors, depth + 1);
        return;
    }

    if (const json::value* type = schema.if_contains("type")) {
        bool ok = false;
        if (type->is_string()) ok = has_type(v, type->get_string());
        else
            for (const json::value& t : type->as_array()) ok = ok || has_type(v, t.as_string());
        if (!ok) {
            fail("expected type " + json::serialize(*type) + ", found " + json::serialize(v).substr(0, 60));
            return;  // the other keywords would only repeat the point
        }
    }
    if (const json::value* e = schema.if_contains("enum")) {
        bool found = false;
        for (const json::value& option : e->as_array()) found = found || equal(option, v);
        if (!found) fail(json::serialize(v) + " is not one of " + json::serialize(*e));
    }

    if (v.is_object()) {
        const json::object& o = v.get_object();
        if (const json::value* required = schema.if_contains("required"))
            for (const json::value& name : required->as_array())
                if (!o.contains(name.as_string())) fail("missing required property '" + std::string(name.as_string()) + "'");
        const json::object* properties = schema.if_contains("properties") ? &schema.at("properties").as_object() : nullptr;
        const json::value* additional = schema.if_contains("additionalProperties");
        for (const auto& member : o) {
            const std::string child = where + "/" + pointer_escape(member.key());
            if (properties) {
                if (const json::value* p = properties->if_contains(member.key())) {
                    check(*p, member.value(), child, errors, depth + 1);
                    continue;
                }
            }
            if (additional) {
                if (additional->is_bool()) {
                    if (!additional->get_bool()) fail("property '" + std::string(member.key()) + "' is not allowed");
                } else {
                    check(*additional, member.value(), child, errors, depth + 1);
                }
            }
        }
        if (const json::value* n = schema.if_contains("minProperties"))
            if (o.size() < n->to_number<std::size_t>()) fail("too few properties");
        if (const json::value* n = schema.if_contains("maxProperties"))
            if (o.size() > n->to_number<std::size_t>()) fail("too many properties");
    }

    if (v.is_array()) {
        const json::array& a = v.get_array();
        if (const json::value* items = schema.if_contains("items")) {
            if (items->is_array()) {
                const json::array& tuple = items->get_array();
                for (std::size_t i = 0; i < a.size() && i < tuple.size(); ++i)
                    check(tuple[i], a[i], where + "/" + std::to_string(i), errors, depth + 1);
                const json::value* extra = schema.if_contains("additionalItems");
                if (extra && extra->is_bool() && !extra->get_bool() && a.size() > tuple.size())
                    fail("too many items");
            } else {
                for (std::size_t i = 0; i < a.size(); ++i)
                    check(*items, a[i], where + "/" + std::to_string(i), errors, depth + 1);
            }
        }
        if (const json::value* n = schema.if_contains("minItems"))
            if (a.size() < n->to_number<std::size_t>()) fail("fewer than " + json::serialize(*n) + " items");
        if (const json::value* n = schema.if_contains("maxItems"))
            if (a.size() > n->to_number<std::size_t>()) fail("more than " + json::serialize(*n) + " items");
        if (const json::value* u = schema.if_contains("uniqueItems"); u && u->as_bool()) {
            for (std::size_t i = 0; i < a.size(); ++i)
                for (std::size_t j = i + 1; j < a.size(); ++j)
                    if (equal(a[i], a[j])) fail("items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
        }
    }

    if (v.is_string()) {
        const std::string s(v.get_string());
        if (const json::value* n = schema.if_contains("minLength"))
            if (code_points(s) < n->to_number<std::size_t>()) fail("string shorter than " + json::serialize(*n));
        if (const json::value* n = schema.if_contains("maxLength"))
            if (code_points(s) > n->to_number<std::size_t>()) fail("string longer than " + json::serialize(*n));
        if (const json::value* p = schema.if_contains("pattern")) {
            const std::regex re(std::string(p->as_string()), std::regex::ECMAScript);
            if (!std::regex_search(s, re)) fail("'" + s + "' does not match " + json::serialize(*p));
        }
        if (const json::value* f = schema.if_contains("format"))
            if (!valid_format(f->as_string(), s)) fail("'" + s + "' is not a valid " + std::string(f->as_string()));
    }

    if (v.is_number()) {
        const double x = number_of(v);
        if (const json::value* m = schema.if_contains("minimum")) {
            const bool exclusive = schema.if_contains("exclusiveMinimum") && schema.at("exclusiveMinimum").as_bool();
            if (exclusive ? x <= number_of(*m) : x < number_of(*m)) fail(json::serialize(v) + " is below the minimum " + json::serialize(*m));
        }
        if (const json::value* m = schema.if_contains("maximum")) {
            const bool exclusive = schema.if_contains("exclusiveMaximum") && schema.at("exclusiveMaximum").as_bool();
            if (exclusive ? x >= number_of(*m) : x > number_of(*m)) fail(json::serialize(v) + " is above the maximum " + json::serialize(*m));
        }
        if (const json::value* m = schema.if_contains("multipleOf")) {
            const double q = x / number_of(*m);
            if (std::floor(q) != q) fail(json::serialize(v) + " is not a multiple of " + json::serialize(*m));
        }
    }

    if (const json::value* all = schema.if_contains("allOf"))
        for (const json::value& s : all->as_array()) check(s, v, where, errors, depth + 1);
    auto passes = [&](const json::value& s) {
        std::vector<std::string> sub;
        check(s, v, where, sub, depth + 1);
        return sub.empty();
    };
    if (const json::value* any = schema.if_contains("anyOf")) {
        bool ok = false;
        for (const json::value& s : any->as_array()) ok = ok || passes(s);
        if (!ok) fail("matches none of anyOf " + json::serialize(*any));
    }
    if (const json::value* one = schema.if_contains("oneOf")) {
        int n = 0;
        for (const json::value& s : one->as_array()) n += passes(s) ? 1 : 0;
        if (n != 1) fail("matches " + std::to_string(n) + " of oneOf, not exactly one");
    }
    if (const json::value* no = schema.if_contains("not"))
        if (passes(*no)) fail("matches the schema under 'not'");
}

std::vector<std::string> JsonSchema::validate(const json::value& instance) const {
    std::vector<std::string> errors;
    check(document_, instance, "", errors, 0);
    return errors;
}

json::value read_json_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
}

}  // namespace lovsjekk::testing
