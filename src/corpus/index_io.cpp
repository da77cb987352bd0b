#include "corpus/index_io.hpp"

#include "base/kinds.hpp"
#include "base/atomic_write.hpp"
#include "corpus/lovtidend.hpp"
#include "corpus/statute_text.hpp"
#include "text/render.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>

namespace lovsjekk::corpus {

namespace json = boost::json;

namespace {

// ------------------------------------------------------------------------
// Writing

/// Writes a law's index JSON straight into one string, in the layout that
/// `pretty` gives a tree (see there): the caller says whether a container is
/// flat (holds only scalars and empty containers), since that must be known
/// before its first member is written. No json::value is built.
class IndexWriter {
public:
    explicit IndexWriter(std::string& out) : out_(out) {}

    void open_object(bool flat) { open('{', flat); }
    void open_array(bool flat) { open('[', flat); }
    void close() {
        const Level level = stack_.back();
        stack_.pop_back();
        if (!level.first && !level.flat) {
            out_ += '\n';
            indent();
        }
        out_ += level.close;
    }
    /// A member's key; its value follows.
    void key(std::string_view k) {
        next();
        out_ += '"';
        out_ += k;  // the index's keys are plain words
        out_ += "\": ";
    }

    void string(std::string_view s) {
        item();
        out_ += '"';
        // As json::serialize escapes: '"', '\\' and control characters; UTF-8 as it is.
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out_.append(s.data() + run, i - run);
            run = i + 1;
            out_ += '\\';
            switch (c) {
                case '"': out_ += '"'; break;
                case '\\': out_ += '\\'; break;
                case '\b': out_ += 'b'; break;
                case '\t': out_ += 't'; break;
                case '\n': out_ += 'n'; break;
                case '\f': out_ += 'f'; break;
                case '\r': out_ += 'r'; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 15];
                }
            }
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }
    void number(std::int64_t n) {
        item();
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
        out_.append(buf, end);
    }
    void boolean(bool b) {
        item();
        out_ += b ? "true" : "false";
    }
    void null() {
        item();
        out_ += "null";
    }
    void date(const std::optional<Date>& d) {
        if (d) string(d->iso());
        else null();
    }
    void opt_string(const std::optional<std::string>& s) {
        if (s) string(*s);
        else null();
    }
    void opt_number(const std::optional<int>& n) {
        if (n) number(*n);
        else null();
    }
    /// An array of strings: flat, "[]" when empty.
    void strings(const std::vector<std::string>& items) {
        open_array(true);
        for (const auto& s : items) string(s);
        close();
    }

private:
    struct Level {
        char close;
        bool flat;
        bool array;
        bool first = true;
    };

    void open(char bracket, bool flat) {
        item();
        out_ += bracket;
        stack_.push_back({bracket == '{' ? '}' : ']', flat, bracket == '['});
    }
    // Before an array's element (an object's member value follows its key).
    void item() {
        if (!stack_.empty() && stack_.back().array) next();
    }
    void next() {
        Level& level = stack_.back();
        if (level.flat) {
            if (!level.first) out_ += ", ";
        } else {
            out_ += level.first ? "\n" : ",\n";
            indent();
        }
        level.first = false;
    }
    // The members of the innermost open container sit 2 spaces deeper than it.
    void indent() { out_.append(2 * stack_.size(), ' '); }

    std::string& out_;
    std::vector<Level> stack_;
};

void write_ages(IndexWriter& w, const std::vector<AgeMention>& ages) {
    w.open_array(false);
    for (const AgeMention& m : ages) {
        w.open_object(true);
        w.key("age");
        w.number(m.age);
        w.key("age2");
        w.opt_number(m.age2);
        w.key("wording");
        w.string(wording_name(m.wording));
        w.key("negated");
        w.boolean(m.negated);
        w.key("phrase");
        w.string(m.phrase);
        if (m.sentence) {  // absent in older files and hand-written entries
            w.key("sentence");
            w.number(*m.sentence);
        }
        w.close();
    }
    w.close();
}

void write_points(IndexWriter& w, const std::vector<Point>& points) {
    w.open_array(false);
    for (const Point& p : points) {
        w.open_object(p.age_mentions.empty() && p.points.empty());
        w.key("label");
        w.string(p.label);
        w.key("sentences");
        w.opt_number(p.sentences);
        w.key("hash");
        w.opt_string(p.hash);
        w.key("ages");
        write_ages(w, p.age_mentions);
        w.key("points");
        write_points(w, p.points);
        w.close();
    }
    w.close();
}

void write_section(IndexWriter& w, const Section& s) {
    w.open_object(s.amendments.empty() && s.ledd.empty());
    w.key("number");
    w.string(s.number);
    w.key("url_name");
    w.string(s.url_name);
    w.key("heading");
    w.string(s.heading);
    w.key("chapter");
    w.string(s.chapter);
    w.key("division");
    if (s.division < 0) w.null();
    else w.number(s.division);
    w.key("in_force_from");
    w.date(s.in_force_from);
    w.key("repealed");
    w.boolean(s.repealed);
    w.key("repealed_on");
    w.date(s.repealed_on);
    w.key("future");
    w.boolean(s.future);
    w.key("pending_change");
    w.boolean(s.pending_change);
    w.key("ledd_complete");
    w.boolean(s.ledd_complete);
    w.key("hash");
    w.opt_string(s.hash);
    if (!s.amendments.empty()) {  // absent when there are none, as in older files
        w.key("amendments");
        w.open_array(false);
        for (const Amendment& a : s.amendments) {
            w.open_object(true);
            w.key("kind");
            w.string(amendment_kind_name(a.kind));
            w.key("act");
            w.string(a.act);
            w.key("in_force");
            w.date(a.in_force);
            w.key("pending");
            w.boolean(a.pending);
            w.close();
        }
        w.close();
    }
    w.key("ledd");
    w.open_array(false);
    for (const Ledd& l : s.ledd) {
        w.open_object(l.age_mentions.empty() && l.points.empty());
        w.key("number");
        w.number(l.number);
        w.key("sentences");
        w.opt_number(l.sentences);
        w.key("hash");
        w.opt_string(l.hash);
        w.key("ages");
        write_ages(w, l.age_mentions);
        w.key("points");
        write_points(w, l.points);
        w.close();
    }
    w.close();
    w.close();
}

void write_law(std::string& out, const Law& law) {
    IndexWriter w(out);
    w.open_object(law.in_force.empty() && law.based_on.empty() && law.amends.empty() && law.divisions.empty() &&
                  law.sections.empty());
    w.key("schema");
    w.string(index_schema);
    w.key("id");
    w.string(law.id);
    w.key("refid");
    w.string(law.refid);
    w.key("source");
    w.string(law.source);
    w.key("variant");
    w.string(law.variant);
    w.key("title");
    w.string(law.title);
    w.key("short_title");
    w.string(law.short_title);
    w.key("abbreviation");
    w.string(law.abbreviation);
    w.key("ministry");
    w.string(law.ministry);
    w.key("in_force_text");
    w.string(law.in_force_text);
    w.key("in_force");
    w.open_array(true);
    for (Date d : law.in_force) w.string(d.iso());
    w.close();
    w.key("repealed");
    w.date(law.repealed);
    w.key("last_change_in_force");
    w.date(law.last_change_in_force);
    w.key("last_changed_by");
    w.string(law.last_changed_by);
    w.key("based_on");
    w.strings(law.based_on);
    w.key("amends");
    w.strings(law.amends);
    w.key("note");
    w.string(law.note);
    w.key("sections_complete");
    w.boolean(law.sections_complete);
    w.key("divisions");
    w.open_array(false);
    for (const Division& d : law.divisions) {
        w.open_object(true);
        w.key("kind");
        w.string(division_kind_name(d.kind));
        w.key("name");
        w.string(d.name);
        w.key("number");
        w.string(d.number);
        w.key("heading");
        w.string(d.heading);
        w.key("parent");
        if (d.parent < 0) w.null();
        else w.number(d.parent);
        w.close();
    }
    w.close();
    w.key("sections");
    w.open_array(false);
    for (const Section& s : law.sections) write_section(w, s);
    w.close();
    w.close();
    out += '\n';
}

bool is_scalar_like(const json::value& v) {
    if (v.is_object()) return v.get_object().empty();
    if (v.is_array()) return v.get_array().empty();
    return true;
}

// An object or array of scalars fits on one line; that keeps a ledd or an
// age phrase on one line and the files readable in a diff.
bool is_flat(const json::value& v) {
    if (v.is_object()) {
        for (const auto& kv : v.get_object())
            if (!is_scalar_like(kv.value())) return false;
        return true;
    }
    if (v.is_array()) return std::all_of(v.get_array().begin(), v.get_array().end(), is_scalar_like);
    return true;
}

/// A key as JSON: the index's keys are plain words, quoted as they are; any
/// other is escaped by the serialiser (no json::string made per key).
void append_key(std::string& out, std::string_view key) {
    const bool plain = std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    if (!plain) {
        out += json::serialize(json::string(key));
        return;
    }
    out += '"';
    out += key;
    out += '"';
}

void print(std::string& out, const json::value& v, int indent) {
    if (v.is_object()) {
        const json::object& o = v.get_object();
        if (o.empty()) { out += "{}"; return; }
        const bool flat = is_flat(v);
        out += flat ? "{" : "{\n";
        bool first = true;
        for (const auto& kv : o) {
            if (!first) out += flat ? ", " : ",\n";
            first = false;
            if (!flat) out.append(static_cast<std::size_t>(indent + 2), ' ');
            append_key(out, kv.key());
            out += ": ";
            print(out, kv.value(), indent + 2);
        }
        if (!flat) {
            out += '\n';
            out.append(static_cast<std::size_t>(indent), ' ');
        }
        out += '}';
        return;
    }
    if (v.is_array()) {
        const json::array& a = v.get_array();
        if (a.empty()) { out += "[]"; return; }
        const bool flat = is_flat(v);
        out += flat ? "[" : "[\n";
        bool first = true;
        for (const auto& item : a) {
            if (!first) out += flat ? ", " : ",\n";
            first = false;
            if (!flat) out.append(static_cast<std::size_t>(indent + 2), ' ');
            print(out, item, indent + 2);
        }
        if (!flat) {
            out += '\n';
            out.append(static_cast<std::size_t>(indent), ' ');
        }
        out += ']';
        return;
    }
    out += json::serialize(v);
}

std::string pretty(const json::value& v) {
    std::string out;
    print(out, v, 0);
    out += '\n';
    return out;
}

// ------------------------------------------------------------------------
// Reading

/// Parses into `storage`: an index file's tree is read once and dropped
/// whole, so a monotonic arena saves a free per node (a large share of the
/// cost of loading the index).
std::optional<json::value> parse_json(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags,
                                      json::storage_ptr storage = {}) {
    const std::string_view content = sources.file(file).content();
    json::stream_parser parser;
    parser.reset(std::move(storage));
    boost::system::error_code ec;
    std::size_t consumed = parser.write(content.data(), content.size(), ec);
    if (!ec) {
        parser.finish(ec);
        if (ec) consumed = content.size();
    }
    if (ec) {
        const auto at = static_cast<std::uint32_t>(std::min(consumed, content.size()));
        diags.error(kinds::corpus, Span::at(file, at, at + 1), "invalid JSON: " + ec.message());
        return std::nullopt;
    }
    return parser.release();
}

// Typed access with messages that name the JSON path ("sections[3].number").
class Reader {
public:
    Reader(std::uint32_t file, Diagnostics& diags) : file_(file), diags_(diags) {}

    bool ok() const { return ok_; }

    void fail(const std::string& path, const std::string& message) {
        diags_.error(kinds::corpus, Span::whole(file_), path + ": " + message);
        ok_ = false;
    }

    const json::object* object(const json::value& v, const std::string& path) {
        if (v.is_object()) return &v.get_object();
        fail(path, "expected an object");
        return nullptr;
    }

    /// Warns about keys the schema does not have (typos in hand-written files).
    void known_keys(const json::object& o, const std::string& path, std::initializer_list<std::string_view> keys) {
        for (const auto& kv : o)
            if (std::find(keys.begin(), keys.end(), std::string_view(kv.key())) == keys.end())
                diags_.add(kinds::corpus, Severity::warning, Span::whole(file_),
                           path + ": unknown key '" + std::string(kv.key()) + "' ignored");
    }

    std::string str(const json::object& o, std::string_view key, const std::string& path, bool required = false) {
        const json::value* v = o.if_contains(key);
        if (!v || v->is_null()) {
            if (required) fail(join(path, key), "missing (a string is required)");
            return {};
        }
        if (!v->is_string()) {
            fail(join(path, key), "expected a string");
            return {};
        }
        return std::string(v->get_string());
    }

    std::optional<std::string> opt_str(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = o.if_contains(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string()) {
            fail(join(path, key), "expected a string or null");
            return std::nullopt;
        }
        return std::string(v->get_string());
    }

    std::optional<int> opt_int(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = o.if_contains(key);
        if (!v || v->is_null()) return std::nullopt;
        if (v->is_int64() && v->get_int64() >= std::numeric_limits<int>::min() &&
            v->get_int64() <= std::numeric_limits<int>::max())
            return static_cast<int>(v->get_int64());
        if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
            return static_cast<int>(v->get_uint64());
        fail(join(path, key), "expected an integer or null");
        return std::nullopt;
    }

    int integer(const json::object& o, std::string_view key, const std::string& path) {
        if (!o.if_contains(key) || o.at(key).is_null()) {
            fail(join(path, key), "missing (an integer is required)");
            return 0;
        }
        return opt_int(o, key, path).value_or(0);
    }

    bool boolean(const json::object& o, std::string_view key, const std::string& path, bool fallback) {
        const json::value* v = o.if_contains(key);
        if (!v || v->is_null()) return fallback;
        if (!v->is_bool()) {
            fail(join(path, key), "expected true or false");
            return fallback;
        }
        return v->get_bool();
    }

    std::optional<Date> date(const json::object& o, std::string_view key, const std::string& path) {
        auto s = opt_str(o, key, path);
        if (!s) return std::nullopt;
        auto d = Date::parse(*s);
        if (!d) fail(join(path, key), "'" + *s + "' is not a date (YYYY-MM-DD)");
        return d;
    }

    const json::array* array(const json::object& o, std::string_view key, const std::string& path) {
        static const json::array empty;
        const json::value* v = o.if_contains(key);
        if (!v || v->is_null()) return &empty;
        if (!v->is_array()) {
            fail(join(path, key), "expected an array");
            return &empty;
        }
        return &v->get_array();
    }

    std::vector<std::string> strings(const json::object& o, std::string_view key, const std::string& path) {
        std::vector<std::string> out;
        std::size_t i = 0;
        for (const auto& v : *array(o, key, path)) {
            if (v.is_string()) out.emplace_back(v.get_string());
            else fail(join(path, key) + "[" + std::to_string(i) + "]", "expected a string");
            ++i;
        }
        return out;
    }

    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::string_view key, std::size_t i) {
        return join(path, key) + "[" + std::to_string(i) + "]";
    }

private:
    std::uint32_t file_;
    Diagnostics& diags_;
    bool ok_ = true;
};

std::vector<AgeMention> read_ages(Reader& r, const json::object& o, const std::string& path) {
    std::vector<AgeMention> out;
    std::size_t i = 0;
    for (const auto& v : *r.array(o, "ages", path)) {
        const std::string p = Reader::index(path, "ages", i++);
        const json::object* a = r.object(v, p);
        if (!a) continue;
        r.known_keys(*a, p, {"age", "age2", "wording", "negated", "phrase", "sentence"});
        AgeMention m;
        m.age = r.integer(*a, "age", p);
        m.age2 = r.opt_int(*a, "age2", p);
        const std::string w = r.str(*a, "wording", p, true);
        if (auto parsed = parse_wording(w)) m.wording = *parsed;
        else if (!w.empty()) r.fail(Reader::join(p, "wording"), "unknown wording '" + w + "'");
        m.negated = r.boolean(*a, "negated", p, false);
        m.phrase = r.str(*a, "phrase", p);
        m.sentence = r.opt_int(*a, "sentence", p);
        out.push_back(std::move(m));
    }
    return out;
}

std::vector<Point> read_points(Reader& r, const json::object& o, const std::string& path) {
    std::vector<Point> out;
    std::size_t i = 0;
    for (const auto& v : *r.array(o, "points", path)) {
        const std::string p = Reader::index(path, "points", i++);
        const json::object* po = r.object(v, p);
        if (!po) continue;
        r.known_keys(*po, p, {"label", "sentences", "hash", "ages", "points"});
        Point pt;
        pt.label = r.str(*po, "label", p, true);
        pt.sentences = r.opt_int(*po, "sentences", p);
        pt.hash = r.opt_str(*po, "hash", p);
        pt.age_mentions = read_ages(r, *po, p);
        pt.points = read_points(r, *po, p);
        out.push_back(std::move(pt));
    }
    return out;
}

std::optional<Law> read_law(Reader& r, const json::value& root) {
    const json::object* o = r.object(root, "(top level)");
    if (!o) return std::nullopt;
    const std::string schema = r.str(*o, "schema", "", true);
    if (schema != index_schema) {
        if (!schema.empty()) r.fail("schema", "'" + schema + "' is not " + std::string(index_schema));
        return std::nullopt;
    }
    r.known_keys(*o, "(top level)",
                 {"schema", "id", "refid", "source", "variant", "title", "short_title", "abbreviation", "ministry",
                  "in_force_text", "in_force", "repealed", "last_change_in_force", "last_changed_by", "based_on",
                  "amends", "note", "sections_complete", "divisions", "sections"});
    Law law;
    law.id = r.str(*o, "id", "", true);
    law.refid = r.str(*o, "refid", "");
    law.source = r.str(*o, "source", "");
    law.variant = r.str(*o, "variant", "");
    law.title = r.str(*o, "title", "");
    law.short_title = r.str(*o, "short_title", "");
    law.abbreviation = r.str(*o, "abbreviation", "");
    law.ministry = r.str(*o, "ministry", "");
    law.in_force_text = r.str(*o, "in_force_text", "");
    for (const std::string& s : r.strings(*o, "in_force", "")) {
        if (auto d = Date::parse(s)) law.in_force.push_back(*d);
        else r.fail("in_force", "'" + s + "' is not a date (YYYY-MM-DD)");
    }
    law.repealed = r.date(*o, "repealed", "");
    law.last_change_in_force = r.date(*o, "last_change_in_force", "");
    law.last_changed_by = r.str(*o, "last_changed_by", "");
    law.based_on = r.strings(*o, "based_on", "");
    law.amends = r.strings(*o, "amends", "");
    law.note = r.str(*o, "note", "");
    law.sections_complete = r.boolean(*o, "sections_complete", "", true);

    std::size_t i = 0;
    for (const auto& v : *r.array(*o, "divisions", "")) {
        const std::string p = Reader::index("", "divisions", i++);
        const json::object* d = r.object(v, p);
        if (!d) continue;
        r.known_keys(*d, p, {"kind", "name", "number", "heading", "parent"});
        Division dv;
        const std::string kind = r.str(*d, "kind", p, true);
        if (auto k = parse_division_kind(kind)) dv.kind = *k;
        else if (!kind.empty()) r.fail(Reader::join(p, "kind"), "unknown kind '" + kind + "' (part, chapter, other)");
        dv.name = r.str(*d, "name", p);
        dv.number = r.str(*d, "number", p);
        dv.heading = r.str(*d, "heading", p);
        dv.parent = r.opt_int(*d, "parent", p).value_or(-1);
        if (dv.parent >= static_cast<int>(law.divisions.size()))
            r.fail(Reader::join(p, "parent"), "must refer to an earlier division");
        law.divisions.push_back(std::move(dv));
    }

    i = 0;
    for (const auto& v : *r.array(*o, "sections", "")) {
        const std::string p = Reader::index("", "sections", i++);
        const json::object* so = r.object(v, p);
        if (!so) continue;
        r.known_keys(*so, p,
                     {"number", "url_name", "heading", "chapter", "division", "in_force_from", "repealed",
                      "repealed_on", "future", "pending_change", "ledd_complete", "hash", "amendments", "ledd"});
        Section s;
        s.number = r.str(*so, "number", p, true);
        s.url_name = r.str(*so, "url_name", p);
        s.heading = r.str(*so, "heading", p);
        s.chapter = r.str(*so, "chapter", p);
        s.division = r.opt_int(*so, "division", p).value_or(-1);
        if (s.division >= static_cast<int>(law.divisions.size()))
            r.fail(Reader::join(p, "division"), "no such division");
        s.in_force_from = r.date(*so, "in_force_from", p);
        s.repealed = r.boolean(*so, "repealed", p, false);
        s.repealed_on = r.date(*so, "repealed_on", p);
        s.future = r.boolean(*so, "future", p, false);
        s.pending_change = r.boolean(*so, "pending_change", p, false);
        s.ledd_complete = r.boolean(*so, "ledd_complete", p, true);
        s.hash = r.opt_str(*so, "hash", p);
        std::size_t k = 0;
        for (const auto& av : *r.array(*so, "amendments", p)) {
            const std::string ap = Reader::index(p, "amendments", k++);
            const json::object* ao = r.object(av, ap);
            if (!ao) continue;
            r.known_keys(*ao, ap, {"kind", "act", "in_force", "pending"});
            Amendment a;
            const std::string kind = r.str(*ao, "kind", ap, true);
            if (auto parsed = parse_amendment_kind(kind)) a.kind = *parsed;
            else if (!kind.empty())
                r.fail(Reader::join(ap, "kind"), "unknown kind '" + kind + "' (added, changed, repealed)");
            a.act = r.str(*ao, "act", ap, true);
            a.in_force = r.date(*ao, "in_force", ap);
            a.pending = r.boolean(*ao, "pending", ap, false);
            s.amendments.push_back(std::move(a));
        }
        std::size_t j = 0;
        for (const auto& lv : *r.array(*so, "ledd", p)) {
            const std::string lp = Reader::index(p, "ledd", j++);
            const json::object* lo = r.object(lv, lp);
            if (!lo) continue;
            r.known_keys(*lo, lp, {"number", "sentences", "hash", "ages", "points"});
            Ledd l;
            l.number = r.integer(*lo, "number", lp);
            l.sentences = r.opt_int(*lo, "sentences", lp);
            l.hash = r.opt_str(*lo, "hash", lp);
            l.age_mentions = read_ages(r, *lo, lp);
            l.points = read_points(r, *lo, lp);
            s.ledd.push_back(std::move(l));
        }
        law.sections.push_back(std::move(s));
    }
    if (!r.ok()) return std::nullopt;
    return law;
}

std::optional<std::vector<Replacement>> read_replacements(Reader& r, const json::value& root) {
    const json::object* o = r.object(root, "(top level)");
    if (!o) return std::nullopt;
    const std::string schema = r.str(*o, "schema", "", true);
    if (schema != replacements_schema) {
        if (!schema.empty()) r.fail("schema", "'" + schema + "' is not " + std::string(replacements_schema));
        return std::nullopt;
    }
    r.known_keys(*o, "(top level)", {"schema", "replacements"});
    std::vector<Replacement> out;
    std::size_t i = 0;
    for (const auto& v : *r.array(*o, "replacements", "")) {
        const std::string p = Reader::index("", "replacements", i++);
        const json::object* ro = r.object(v, p);
        if (!ro) continue;
        r.known_keys(*ro, p, {"from_law", "from_section", "to_law", "to_section", "note"});
        Replacement rep;
        rep.from_law = r.str(*ro, "from_law", p, true);
        rep.from_section = r.str(*ro, "from_section", p, true);
        rep.to_law = r.str(*ro, "to_law", p, true);
        rep.to_section = r.str(*ro, "to_section", p, true);
        rep.note = r.str(*ro, "note", p);
        out.push_back(std::move(rep));
    }
    if (!r.ok()) return std::nullopt;
    return out;
}

}  // namespace

std::string serialise_law(const Law& law) {
    std::string out;
    out.reserve(1024 + law.sections.size() * 512);
    write_law(out, law);
    return out;
}

std::string serialise_replacements(const std::vector<Replacement>& replacements) {
    json::object o;
    o["schema"] = replacements_schema;
    json::array a;
    for (const Replacement& r : replacements) {
        json::object ro;
        ro["from_law"] = r.from_law;
        ro["from_section"] = r.from_section;
        ro["to_law"] = r.to_law;
        ro["to_section"] = r.to_section;
        ro["note"] = r.note;
        a.emplace_back(std::move(ro));
    }
    o["replacements"] = std::move(a);
    return pretty(o);
}

std::optional<Law> parse_law(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags) {
    json::monotonic_resource arena;
    auto root = parse_json(file, sources, diags, &arena);
    if (!root) return std::nullopt;
    Reader r(file, diags);
    return read_law(r, *root);
}

std::optional<std::vector<Replacement>> parse_replacements(std::uint32_t file, const text::SourceManager& sources,
                                                           Diagnostics& diags) {
    json::monotonic_resource arena;
    auto root = parse_json(file, sources, diags, &arena);
    if (!root) return std::nullopt;
    Reader r(file, diags);
    return read_replacements(r, *root);
}

std::string index_file_name(const Law& law) { return index_key(law) + ".json"; }

bool safe_index_key(std::string_view key) {
    if (key.empty() || key.size() > 80 || !(key[0] >= 'A' && key[0] <= 'Z')) return false;
    return std::all_of(key.begin(), key.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<std::filesystem::path> write_law_index(const Law& law, const std::filesystem::path& dir,
                                                     Diagnostics& diags) {
    // The id comes from the document: only a plain key may name a file.
    if (!safe_index_key(index_key(law))) {
        diags.error(kinds::io, Span{}, "the document id '" + printable(law.id) +
                                      "' is not a Lovdata id (letters, digits, '-'); no index file written");
        return std::nullopt;
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        diags.error(kinds::io, Span{}, "cannot create folder '" + dir.string() + "': " + ec.message());
        return std::nullopt;
    }
    const auto path = dir / index_file_name(law);
    if (auto problem = write_atomically(path, serialise_law(law))) {
        diags.error(kinds::io, Span{}, *problem);
        return std::nullopt;
    }
    return path;
}

namespace {

std::optional<Law> read_law_file(const std::filesystem::path& path, text::SourceManager& sources,
                                 Diagnostics& diags) {
    const auto id = sources.load(path, diags);
    if (!id) return std::nullopt;
    auto law = parse_law(*id, sources, diags);
    if (law && path.filename() != index_file_name(*law))
        diags.add(kinds::corpus, Severity::warning, Span::whole(*id),
                  "file name should be '" + index_file_name(*law) + "' for id " + law->id);
    return law;
}

}  // namespace

std::string pretty_index_json(const json::value& v) { return pretty(v); }

std::optional<json::value> parse_index_json(std::uint32_t file, const text::SourceManager& sources,
                                            Diagnostics& diags) {
    return parse_json(file, sources, diags);
}

Corpus load_corpus(const std::filesystem::path& dir, text::SourceManager& sources, Diagnostics& diags) {
    Corpus corpus;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        diags.error(kinds::io, Span{}, "corpus folder '" + dir.string() + "' not found");
        return corpus;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    // A file named by its key is read on its first lookup; its problems are
    // reported by read_laws (or dropped when a lookup reads it). Any other
    // file is read now, so an index named by hand still loads.
    corpus.set_reader([](const std::filesystem::path& path) {
        text::SourceManager own;
        Diagnostics dropped;
        return read_law_file(path, own, dropped);
    });
    for (const auto& path : files) {
        const std::string stem = path.stem().string();
        if (path.filename() == replacements_file) {
            const auto id = sources.load(path, diags);
            if (!id) continue;
            if (auto reps = parse_replacements(*id, sources, diags))
                for (auto& r : *reps) corpus.add_replacement(std::move(r));
            continue;
        }
        if (path.filename() == info_file || path.filename() == amendments_file) continue;
        if (safe_index_key(stem) && stem.rfind("LOV-", 0) == 0) {
            corpus.add_unread(stem, path);
            continue;
        }
        if (safe_index_key(stem) && stem.rfind("FOR-", 0) == 0) {
            corpus.add_unread(stem, path);
            continue;
        }
        auto law = read_law_file(path, sources, diags);
        if (!law) continue;
        if (corpus.find(index_key(*law)))
            diags.add(kinds::corpus, Severity::warning, Span{},
                      law->id + " is indexed twice; " + path.filename().string() + " replaces the earlier one");
        corpus.add(std::move(*law));
    }
    return corpus;
}

void read_laws(Corpus& corpus, const std::vector<std::string>& ids, text::SourceManager& sources,
               Diagnostics& diags) {
    std::vector<std::string> wanted = ids;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (auto file = corpus.take_unread(wanted[i])) {
            if (auto law = read_law_file(*file, sources, diags)) corpus.add(std::move(*law));
        }
        // The laws that took over a cited law's provisions are looked up too.
        if (i < ids.size())
            for (const Replacement& r : corpus.replacements())
                if (index_key(r.from_law) == index_key(wanted[i])) wanted.push_back(r.to_law);
    }
}

std::optional<CorpusInfo> read_corpus_info(const std::filesystem::path& dir, Diagnostics& diags) {
    const auto path = dir / info_file;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    boost::system::error_code jec;
    const json::value v = json::parse(bytes, jec);
    const json::object* o = jec ? nullptr : v.if_object();
    auto str = [](const json::object& obj, std::string_view key) {
        const json::value* x = obj.if_contains(key);
        return x && x->is_string() ? std::string(x->get_string()) : std::string();
    };
    if (!o || str(*o, "schema") != info_schema) {
        diags.error(kinds::corpus, Span{}, path.string() + ": not a corpus description (" + std::string(info_schema) + ")");
        return std::nullopt;
    }
    CorpusInfo info;
    info.data_date = str(*o, "data_date");
    if (const json::value* sources = o->if_contains("sources"); sources && sources->is_array())
        for (const json::value& item : sources->get_array()) {
            const json::object* so = item.if_object();
            if (!so) continue;
            CorpusSource source{str(*so, "name"), str(*so, "url"), str(*so, "date"), 0};
            if (const json::value* n = so->if_contains("documents"); n && n->is_int64()) source.documents = n->get_int64();
            info.sources.push_back(std::move(source));
        }
    return info;
}

Corpus load_corpus(const std::filesystem::path& dir, Diagnostics& diags) {
    text::SourceManager sources;
    Diagnostics local;
    Corpus corpus = load_corpus(dir, sources, local);
    text::detach_positions(sources, local, diags);
    return corpus;
}

}  // namespace lovsjekk::corpus
