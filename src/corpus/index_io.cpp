#include "corpus/index_io.hpp"

#include "base/atomic_write.hpp"
#include "base/json_text.hpp"
#include "base/kinds.hpp"
#include "corpus/lovtidend.hpp"
#include "corpus/statute_text.hpp"
#include "text/render.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>
#include <unordered_map>

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
        out_.append(k.data(), k.size());  // the index's keys are plain words
        out_.append("\": ", 3);
    }

    void string(std::string_view s) {
        item();
        append_json_string(out_, s);
    }
    void number(std::int64_t n) {
        item();
        append_json_number(out_, n);
    }
    void boolean(bool b) {
        item();
        if (b) out_.append("true", 4);
        else out_.append("false", 5);
    }
    void null() {
        item();
        out_.append("null", 4);
    }
    /// As Date::iso() writes it ("%04d-%02u-%02u"), without snprintf.
    void date(Date d) {
        const int year = d.year();
        if (year < 0 || year > 9999) {
            string(d.iso());
            return;
        }
        const unsigned month = d.month(), day = d.day();
        const char text[12] = {'"',
                               static_cast<char>('0' + year / 1000),
                               static_cast<char>('0' + year / 100 % 10),
                               static_cast<char>('0' + year / 10 % 10),
                               static_cast<char>('0' + year % 10),
                               '-',
                               static_cast<char>('0' + month / 10),
                               static_cast<char>('0' + month % 10),
                               '-',
                               static_cast<char>('0' + day / 10),
                               static_cast<char>('0' + day % 10),
                               '"'};
        item();
        out_.append(text, sizeof text);
    }
    void date(const std::optional<Date>& d) {
        if (d) date(*d);
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
            if (!level.first) out_.append(", ", 2);
        } else {
            if (level.first) out_ += '\n';
            else out_.append(",\n", 2);
            indent();
        }
        level.first = false;
    }
    // The members of the innermost open container sit 2 spaces deeper than it.
    void indent() {
        static constexpr std::string_view spaces = "                                                                ";
        const std::size_t n = 2 * stack_.size();
        if (n <= spaces.size()) out_.append(spaces.data(), n);
        else out_.append(n, ' ');
    }

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

void write_points(IndexWriter& w, const std::vector<Point>& points);

// What a ledd and a point have alike after their number or label, and the
// close of their object.
template <class LeddOrPoint>
void write_text_members(IndexWriter& w, const LeddOrPoint& x) {
    w.key("sentences");
    w.opt_number(x.sentences);
    w.key("hash");
    w.opt_string(x.hash);
    w.key("ages");
    write_ages(w, x.age_mentions);
    w.key("points");
    write_points(w, x.points);
    w.close();
}

void write_points(IndexWriter& w, const std::vector<Point>& points) {
    w.open_array(false);
    for (const Point& p : points) {
        w.open_object(p.age_mentions.empty() && p.points.empty());
        w.key("label");
        w.string(p.label);
        write_text_members(w, p);
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
        write_text_members(w, l);
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
    for (Date d : law.in_force) w.date(d);
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
    // A file in the SourceManager is valid UTF-8 (it rejects any other), so
    // the parser need not check it again.
    json::parse_options options;
    options.allow_invalid_utf8 = true;
    json::stream_parser parser({}, options);
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

// A JSON path for messages ("sections[3].ledd[0]"), rendered only when a
// message needs it: a valid file builds no path string at all.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;  // empty at the top level
    std::size_t index = 0;
    bool indexed = false;

    Path element(std::string_view k, std::size_t i) const { return {this, k, i, true}; }
    std::string str() const {
        std::string s = parent ? parent->str() : std::string();
        if (!key.empty()) {
            if (!s.empty()) s += '.';
            s += key;
        }
        if (indexed) s += "[" + std::to_string(index) + "]";
        return s;
    }
    /// The path of a member: "sections[3].number", "id".
    std::string member(std::string_view k) const {
        std::string s = str();
        if (!s.empty()) s += '.';
        s += k;
        return s;
    }
};

/// An object's members by the schema's keys (in the order `Keys` lists
/// them), found in one walk of the object; a canonical file has them in that
/// order, so each key is matched at the first try.
template <std::size_t N>
struct Members {
    std::array<const json::value*, N> at{};
    bool unknown = false;  // a key the schema does not have

    Members(const json::object& o, const std::array<std::string_view, N>& keys) {
        std::size_t next = 0;
        for (const auto& kv : o) {
            const std::string_view k = kv.key();
            std::size_t i = next;
            if (i >= N || keys[i] != k)
                i = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), k) - keys.begin());
            if (i == N) {
                unknown = true;
                continue;
            }
            at[i] = &kv.value();
            next = i + 1;
        }
    }
};

// Typed access with messages that name the JSON path ("sections[3].number").
// A member is given as the pointer Members found (null when absent).
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
    const json::object* object(const json::value& v, const Path& path) {
        if (v.is_object()) return &v.get_object();
        return object(v, path.str());
    }

    /// Warns about keys the schema does not have (typos in hand-written files).
    template <std::size_t N>
    void known_keys(const json::object& o, const Members<N>& members, const std::array<std::string_view, N>& keys,
                    const std::string& path) {
        if (!members.unknown) return;
        for (const auto& kv : o)
            if (std::find(keys.begin(), keys.end(), std::string_view(kv.key())) == keys.end())
                diags_.add(kinds::corpus, Severity::warning, Span::whole(file_),
                           path + ": unknown key '" + std::string(kv.key()) + "' ignored");
    }
    template <std::size_t N>
    void known_keys(const json::object& o, const Members<N>& members, const std::array<std::string_view, N>& keys,
                    const Path& path) {
        if (members.unknown) known_keys(o, members, keys, path.str());
    }

    std::string str(const json::value* v, const Path& path, std::string_view key, bool required = false) {
        if (!v || v->is_null()) {
            if (required) fail(path.member(key), "missing (a string is required)");
            return {};
        }
        if (!v->is_string()) {
            fail(path.member(key), "expected a string");
            return {};
        }
        return std::string(v->get_string());
    }

    std::optional<std::string> opt_str(const json::value* v, const Path& path, std::string_view key) {
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string()) {
            fail(path.member(key), "expected a string or null");
            return std::nullopt;
        }
        return std::string(v->get_string());
    }

    std::optional<int> opt_int(const json::value* v, const Path& path, std::string_view key) {
        if (!v || v->is_null()) return std::nullopt;
        if (v->is_int64() && v->get_int64() >= std::numeric_limits<int>::min() &&
            v->get_int64() <= std::numeric_limits<int>::max())
            return static_cast<int>(v->get_int64());
        if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
            return static_cast<int>(v->get_uint64());
        fail(path.member(key), "expected an integer or null");
        return std::nullopt;
    }

    int integer(const json::value* v, const Path& path, std::string_view key) {
        if (!v || v->is_null()) {
            fail(path.member(key), "missing (an integer is required)");
            return 0;
        }
        return opt_int(v, path, key).value_or(0);
    }

    bool boolean(const json::value* v, const Path& path, std::string_view key, bool fallback) {
        if (!v || v->is_null()) return fallback;
        if (!v->is_bool()) {
            fail(path.member(key), "expected true or false");
            return fallback;
        }
        return v->get_bool();
    }

    std::optional<Date> date(const json::value* v, const Path& path, std::string_view key) {
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string()) {
            fail(path.member(key), "expected a string or null");
            return std::nullopt;
        }
        const std::string_view s = v->get_string();
        auto d = Date::parse(s);
        if (!d) fail(path.member(key), "'" + std::string(s) + "' is not a date (YYYY-MM-DD)");
        return d;
    }

    const json::array& array(const json::value* v, const Path& path, std::string_view key) {
        static const json::array empty;
        if (!v || v->is_null()) return empty;
        if (!v->is_array()) {
            fail(path.member(key), "expected an array");
            return empty;
        }
        return v->get_array();
    }

    std::vector<std::string> strings(const json::value* v, const Path& path, std::string_view key) {
        std::vector<std::string> out;
        const json::array& items = array(v, path, key);
        out.reserve(items.size());
        std::size_t i = 0;
        for (const auto& item : items) {
            if (item.is_string()) out.emplace_back(item.get_string());
            else fail(path.member(key) + "[" + std::to_string(i) + "]", "expected a string");
            ++i;
        }
        return out;
    }

private:
    std::uint32_t file_;
    Diagnostics& diags_;
    bool ok_ = true;
};

constexpr std::array<std::string_view, 6> age_keys = {"age", "age2", "wording", "negated", "phrase", "sentence"};
enum AgeKey { a_age, a_age2, a_wording, a_negated, a_phrase, a_sentence };

std::vector<AgeMention> read_ages(Reader& r, const json::value* member, const Path& path) {
    std::vector<AgeMention> out;
    const json::array& items = r.array(member, path, "ages");
    out.reserve(items.size());
    std::size_t i = 0;
    for (const auto& v : items) {
        const Path p = path.element("ages", i++);
        const json::object* a = r.object(v, p);
        if (!a) continue;
        const Members f(*a, age_keys);
        r.known_keys(*a, f, age_keys, p);
        AgeMention m;
        m.age = r.integer(f.at[a_age], p, "age");
        m.age2 = r.opt_int(f.at[a_age2], p, "age2");
        const std::string w = r.str(f.at[a_wording], p, "wording", true);
        if (auto parsed = parse_wording(w)) m.wording = *parsed;
        else if (!w.empty()) r.fail(p.member("wording"), "unknown wording '" + w + "'");
        m.negated = r.boolean(f.at[a_negated], p, "negated", false);
        m.phrase = r.str(f.at[a_phrase], p, "phrase");
        m.sentence = r.opt_int(f.at[a_sentence], p, "sentence");
        out.push_back(std::move(m));
    }
    return out;
}

// A point and a ledd have the same keys but for the first.
constexpr std::array<std::string_view, 5> point_keys = {"label", "sentences", "hash", "ages", "points"};
constexpr std::array<std::string_view, 5> ledd_keys = {"number", "sentences", "hash", "ages", "points"};
enum PointKey { p_label_or_number, p_sentences, p_hash, p_ages, p_points };

std::vector<Point> read_points(Reader& r, const json::value* member, const Path& path) {
    std::vector<Point> out;
    const json::array& items = r.array(member, path, "points");
    out.reserve(items.size());
    std::size_t i = 0;
    for (const auto& v : items) {
        const Path p = path.element("points", i++);
        const json::object* po = r.object(v, p);
        if (!po) continue;
        const Members f(*po, point_keys);
        r.known_keys(*po, f, point_keys, p);
        Point pt;
        pt.label = r.str(f.at[p_label_or_number], p, "label", true);
        pt.sentences = r.opt_int(f.at[p_sentences], p, "sentences");
        pt.hash = r.opt_str(f.at[p_hash], p, "hash");
        pt.age_mentions = read_ages(r, f.at[p_ages], p);
        pt.points = read_points(r, f.at[p_points], p);
        out.push_back(std::move(pt));
    }
    return out;
}

constexpr std::array<std::string_view, 20> law_keys = {
    "schema", "id", "refid", "source", "variant", "title", "short_title", "abbreviation", "ministry",
    "in_force_text", "in_force", "repealed", "last_change_in_force", "last_changed_by", "based_on",
    "amends", "note", "sections_complete", "divisions", "sections"};
enum LawKey {
    l_schema, l_id, l_refid, l_source, l_variant, l_title, l_short_title, l_abbreviation, l_ministry,
    l_in_force_text, l_in_force, l_repealed, l_last_change_in_force, l_last_changed_by, l_based_on,
    l_amends, l_note, l_sections_complete, l_divisions, l_sections
};
constexpr std::array<std::string_view, 5> division_keys = {"kind", "name", "number", "heading", "parent"};
enum DivisionKey { d_kind, d_name, d_number, d_heading, d_parent };
constexpr std::array<std::string_view, 14> section_keys = {
    "number", "url_name", "heading", "chapter", "division", "in_force_from", "repealed",
    "repealed_on", "future", "pending_change", "ledd_complete", "hash", "amendments", "ledd"};
enum SectionKey {
    s_number, s_url_name, s_heading, s_chapter, s_division, s_in_force_from, s_repealed,
    s_repealed_on, s_future, s_pending_change, s_ledd_complete, s_hash, s_amendments, s_ledd
};
constexpr std::array<std::string_view, 4> amendment_keys = {"kind", "act", "in_force", "pending"};
enum AmendmentKey { am_kind, am_act, am_in_force, am_pending };

std::optional<Law> read_law(Reader& r, const json::value& root) {
    const json::object* o = r.object(root, "(top level)");
    if (!o) return std::nullopt;
    const Path top;
    const Members f(*o, law_keys);
    const std::string schema = r.str(f.at[l_schema], top, "schema", true);
    if (schema != index_schema) {
        if (!schema.empty()) r.fail("schema", "'" + schema + "' is not " + std::string(index_schema));
        return std::nullopt;
    }
    r.known_keys(*o, f, law_keys, "(top level)");
    Law law;
    law.id = r.str(f.at[l_id], top, "id", true);
    law.refid = r.str(f.at[l_refid], top, "refid");
    law.source = r.str(f.at[l_source], top, "source");
    law.variant = r.str(f.at[l_variant], top, "variant");
    law.title = r.str(f.at[l_title], top, "title");
    law.short_title = r.str(f.at[l_short_title], top, "short_title");
    law.abbreviation = r.str(f.at[l_abbreviation], top, "abbreviation");
    law.ministry = r.str(f.at[l_ministry], top, "ministry");
    law.in_force_text = r.str(f.at[l_in_force_text], top, "in_force_text");
    for (const std::string& s : r.strings(f.at[l_in_force], top, "in_force")) {
        if (auto d = Date::parse(s)) law.in_force.push_back(*d);
        else r.fail("in_force", "'" + s + "' is not a date (YYYY-MM-DD)");
    }
    law.repealed = r.date(f.at[l_repealed], top, "repealed");
    law.last_change_in_force = r.date(f.at[l_last_change_in_force], top, "last_change_in_force");
    law.last_changed_by = r.str(f.at[l_last_changed_by], top, "last_changed_by");
    law.based_on = r.strings(f.at[l_based_on], top, "based_on");
    law.amends = r.strings(f.at[l_amends], top, "amends");
    law.note = r.str(f.at[l_note], top, "note");
    law.sections_complete = r.boolean(f.at[l_sections_complete], top, "sections_complete", true);

    const json::array& divisions = r.array(f.at[l_divisions], top, "divisions");
    law.divisions.reserve(divisions.size());
    std::size_t i = 0;
    for (const auto& v : divisions) {
        const Path p = top.element("divisions", i++);
        const json::object* d = r.object(v, p);
        if (!d) continue;
        const Members df(*d, division_keys);
        r.known_keys(*d, df, division_keys, p);
        Division dv;
        const std::string kind = r.str(df.at[d_kind], p, "kind", true);
        if (auto k = parse_division_kind(kind)) dv.kind = *k;
        else if (!kind.empty()) r.fail(p.member("kind"), "unknown kind '" + kind + "' (part, chapter, other)");
        dv.name = r.str(df.at[d_name], p, "name");
        dv.number = r.str(df.at[d_number], p, "number");
        dv.heading = r.str(df.at[d_heading], p, "heading");
        dv.parent = r.opt_int(df.at[d_parent], p, "parent").value_or(-1);
        if (dv.parent >= static_cast<int>(law.divisions.size()))
            r.fail(p.member("parent"), "must refer to an earlier division");
        law.divisions.push_back(std::move(dv));
    }

    const json::array& sections = r.array(f.at[l_sections], top, "sections");
    law.sections.reserve(sections.size());
    i = 0;
    for (const auto& v : sections) {
        const Path p = top.element("sections", i++);
        const json::object* so = r.object(v, p);
        if (!so) continue;
        const Members sf(*so, section_keys);
        r.known_keys(*so, sf, section_keys, p);
        Section s;
        s.number = r.str(sf.at[s_number], p, "number", true);
        s.url_name = r.str(sf.at[s_url_name], p, "url_name");
        s.heading = r.str(sf.at[s_heading], p, "heading");
        s.chapter = r.str(sf.at[s_chapter], p, "chapter");
        s.division = r.opt_int(sf.at[s_division], p, "division").value_or(-1);
        if (s.division >= static_cast<int>(law.divisions.size())) r.fail(p.member("division"), "no such division");
        s.in_force_from = r.date(sf.at[s_in_force_from], p, "in_force_from");
        s.repealed = r.boolean(sf.at[s_repealed], p, "repealed", false);
        s.repealed_on = r.date(sf.at[s_repealed_on], p, "repealed_on");
        s.future = r.boolean(sf.at[s_future], p, "future", false);
        s.pending_change = r.boolean(sf.at[s_pending_change], p, "pending_change", false);
        s.ledd_complete = r.boolean(sf.at[s_ledd_complete], p, "ledd_complete", true);
        s.hash = r.opt_str(sf.at[s_hash], p, "hash");
        const json::array& amendments = r.array(sf.at[s_amendments], p, "amendments");
        s.amendments.reserve(amendments.size());
        std::size_t k = 0;
        for (const auto& av : amendments) {
            const Path ap = p.element("amendments", k++);
            const json::object* ao = r.object(av, ap);
            if (!ao) continue;
            const Members af(*ao, amendment_keys);
            r.known_keys(*ao, af, amendment_keys, ap);
            Amendment a;
            const std::string kind = r.str(af.at[am_kind], ap, "kind", true);
            if (auto parsed = parse_amendment_kind(kind)) a.kind = *parsed;
            else if (!kind.empty())
                r.fail(ap.member("kind"), "unknown kind '" + kind + "' (added, changed, repealed)");
            a.act = r.str(af.at[am_act], ap, "act", true);
            a.in_force = r.date(af.at[am_in_force], ap, "in_force");
            a.pending = r.boolean(af.at[am_pending], ap, "pending", false);
            s.amendments.push_back(std::move(a));
        }
        const json::array& ledd = r.array(sf.at[s_ledd], p, "ledd");
        s.ledd.reserve(ledd.size());
        std::size_t j = 0;
        for (const auto& lv : ledd) {
            const Path lp = p.element("ledd", j++);
            const json::object* lo = r.object(lv, lp);
            if (!lo) continue;
            const Members lf(*lo, ledd_keys);
            r.known_keys(*lo, lf, ledd_keys, lp);
            Ledd l;
            l.number = r.integer(lf.at[p_label_or_number], lp, "number");
            l.sentences = r.opt_int(lf.at[p_sentences], lp, "sentences");
            l.hash = r.opt_str(lf.at[p_hash], lp, "hash");
            l.age_mentions = read_ages(r, lf.at[p_ages], lp);
            l.points = read_points(r, lf.at[p_points], lp);
            s.ledd.push_back(std::move(l));
        }
        law.sections.push_back(std::move(s));
    }
    if (!r.ok()) return std::nullopt;
    return law;
}

constexpr std::array<std::string_view, 2> replacements_keys = {"schema", "replacements"};
constexpr std::array<std::string_view, 5> replacement_keys = {"from_law", "from_section", "to_law", "to_section",
                                                              "note"};
enum ReplacementKey { r_from_law, r_from_section, r_to_law, r_to_section, r_note };

std::optional<std::vector<Replacement>> read_replacements(Reader& r, const json::value& root) {
    const json::object* o = r.object(root, "(top level)");
    if (!o) return std::nullopt;
    const Path top;
    const Members f(*o, replacements_keys);
    const std::string schema = r.str(f.at[0], top, "schema", true);
    if (schema != replacements_schema) {
        if (!schema.empty()) r.fail("schema", "'" + schema + "' is not " + std::string(replacements_schema));
        return std::nullopt;
    }
    r.known_keys(*o, f, replacements_keys, "(top level)");
    std::vector<Replacement> out;
    std::size_t i = 0;
    for (const auto& v : r.array(f.at[1], top, "replacements")) {
        const Path p = top.element("replacements", i++);
        const json::object* ro = r.object(v, p);
        if (!ro) continue;
        const Members rf(*ro, replacement_keys);
        r.known_keys(*ro, rf, replacement_keys, p);
        Replacement rep;
        rep.from_law = r.str(rf.at[r_from_law], p, "from_law", true);
        rep.from_section = r.str(rf.at[r_from_section], p, "from_section", true);
        rep.to_law = r.str(rf.at[r_to_law], p, "to_law", true);
        rep.to_section = r.str(rf.at[r_to_section], p, "to_section", true);
        rep.note = r.str(rf.at[r_note], p, "note");
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
    // All in one folder: ordered by file name, as path's own (slower,
    // component-wise) comparison orders them.
    std::sort(files.begin(), files.end(), [](const std::filesystem::path& a, const std::filesystem::path& b) {
        return a.native() < b.native();
    });
    // A file named by its key is read on its first lookup; its problems are
    // reported by read_laws (or dropped when a lookup reads it). Any other
    // file is read now, so an index named by hand still loads.
    corpus.set_reader([](const std::filesystem::path& path) {
        text::SourceManager own;
        Diagnostics dropped;
        return read_law_file(path, own, dropped);
    });
    for (auto& path : files) {
        const std::string name = path.filename().string();
        const std::string stem = path.stem().string();
        if (name == replacements_file) {
            const auto id = sources.load(path, diags);
            if (!id) continue;
            if (auto reps = parse_replacements(*id, sources, diags))
                for (auto& r : *reps) corpus.add_replacement(std::move(r));
            continue;
        }
        if (name == info_file || name == amendments_file) continue;
        if (safe_index_key(stem) && (stem.rfind("LOV-", 0) == 0 || stem.rfind("FOR-", 0) == 0)) {
            corpus.add_unread(stem, std::move(path));
            continue;
        }
        auto law = read_law_file(path, sources, diags);
        if (!law) continue;
        if (corpus.find(index_key(*law)))
            diags.add(kinds::corpus, Severity::warning, Span{},
                      law->id + " is indexed twice; " + name + " replaces the earlier one");
        corpus.add(std::move(*law));
    }
    return corpus;
}

void read_laws(Corpus& corpus, const std::vector<std::string>& ids, text::SourceManager& sources,
               Diagnostics& diags) {
    // The laws that took over a cited law's provisions, by the cited law's
    // key, in the order of the replacements: found once, not by a pass over
    // every replacement for every cited law (thousands of each in a large corpus).
    std::unordered_map<std::string, std::vector<const std::string*>> successors;
    for (const Replacement& r : corpus.replacements()) successors[index_key(r.from_law)].push_back(&r.to_law);
    std::vector<std::string> wanted = ids;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (auto file = corpus.take_unread(wanted[i])) {
            // Read apart: the file's text stays only if a diagnostic points into it.
            text::SourceManager own;
            Diagnostics found;
            auto law = read_law_file(*file, own, found);
            sources.adopt(own, found, diags);
            if (law) corpus.add(std::move(*law));
        }
        // The laws that took over a cited law's provisions are looked up too.
        if (i < ids.size())
            if (const auto it = successors.find(index_key(wanted[i])); it != successors.end())
                for (const std::string* to : it->second) wanted.push_back(*to);
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
