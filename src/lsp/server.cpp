#include "lsp/server.hpp"

#include "base/uri.hpp"
#include "check/finding.hpp"
#include "format/format.hpp"
#include "lsp/analysis.hpp"
#include "lsp/positions.hpp"
#include "lsp/transport.hpp"
#include "model/model.hpp"
#include "report/ages.hpp"
#include "text/messages.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <utility>

namespace lovsjekk::lsp {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

/// "pbrl § 4-3", "popplyl gdpr art. 8": the law and its place, as written.
std::string citation_label(const ast::Citation& c) {
    return c.law.name + " " +
           (c.part ? model::place_text(model::article_section(c.part->name, c.section.text)) : "§ " + c.section.text);
}

// JSON-RPC and LSP error codes.
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int server_not_initialized = -32002;

/// A request the server cannot answer as asked: becomes an error response.
struct RequestError {
    int code;
    std::string message;
};

// ---- URIs -----------------------------------------------------------------

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// `file:///home/a/r%C3%A6.regel` → `/home/a/ræ.regel`; other schemes get a
/// path in the working directory named after the last segment.
fs::path uri_to_path(std::string_view uri) {
    std::string_view rest = uri;
    const bool file = rest.substr(0, 7) == "file://";
    if (file) rest.remove_prefix(7);
    std::string decoded;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 &&
            hex_value(rest[i + 2]) >= 0) {
            decoded += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
            i += 2;
        } else {
            decoded += rest[i];
        }
    }
    if (file) {
        // file:///c%3A/x on Windows, or file://host/x: keep the path part.
        if (!decoded.empty() && decoded.front() != '/') {
            const auto slash = decoded.find('/');
            decoded = slash == std::string::npos ? "/" + decoded : decoded.substr(slash);
        }
        return fs::path(decoded);
    }
    const auto slash = decoded.find_last_of("/:");
    std::string name = slash == std::string::npos ? decoded : decoded.substr(slash + 1);
    if (name.empty()) name = "untitled.regel";
    std::error_code ec;
    return fs::current_path(ec) / name;
}

std::string path_to_uri(const fs::path& path) {
    std::error_code ec;
    return "file://" + percent_encode_path(fs::absolute(path, ec).lexically_normal().generic_string());
}

// ---- JSON helpers -----------------------------------------------------------

const json::value* member(const json::value& v, std::string_view key) {
    const auto* object = v.if_object();
    if (!object) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? nullptr : &it->value();
}

const json::value& required(const json::value& v, std::string_view key) {
    const json::value* m = member(v, key);
    if (!m) throw RequestError{invalid_params, "missing '" + std::string(key) + "'"};
    return *m;
}

std::string required_string(const json::value& v, std::string_view key) {
    const json::value& m = required(v, key);
    if (!m.is_string()) throw RequestError{invalid_params, "'" + std::string(key) + "' must be a string"};
    return std::string(m.get_string());
}

std::uint32_t required_uint(const json::value& v, std::string_view key) {
    const json::value& m = required(v, key);
    if (m.is_int64() && m.get_int64() >= 0 && m.get_int64() <= 0xFFFFFFFF) return static_cast<std::uint32_t>(m.get_int64());
    if (m.is_uint64() && m.get_uint64() <= 0xFFFFFFFF) return static_cast<std::uint32_t>(m.get_uint64());
    throw RequestError{invalid_params, "'" + std::string(key) + "' must be a whole number from 0"};
}

json::object position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

// ---- Documents ------------------------------------------------------------------

struct Document {
    std::string uri;
    fs::path path;
    std::string text;  ///< as the editor has it
    std::int64_t version = 0;
    std::unique_ptr<Analysis> analysis;
};

/// Something in the syntax tree under the cursor.
struct Target {
    enum class Kind { none, citation, topic, rule_ref, rule_id, actor, law, include } kind = Kind::none;
    const ast::Citation* citation = nullptr;
    std::string name;       ///< topic, actor, law or rule id
    std::string sector;     ///< rule_ref: written sector, if any
    const ast::Rule* rule = nullptr;  ///< the rule holding it
    ast::Located span;
};

bool covers_or_ends(const ast::Located& node, std::size_t offset) {
    return node.begin <= offset && offset <= node.end;
}

Target target_at(const ast::File& file, std::size_t offset) {
    Target t;
    auto citation = [&](const ast::Citation& c, const ast::Rule* rule) {
        if (!covers_or_ends(c, offset)) return false;
        if (covers_or_ends(c.law, offset)) {
            t = Target{Target::Kind::law, &c, c.law.name, {}, rule, c.law};
            return true;
        }
        t = Target{Target::Kind::citation, &c, c.law.name, {}, rule, c};
        return true;
    };
    for (const ast::Declaration& d : file.declarations) {
        if (!covers_or_ends(d, offset)) continue;
        if (const auto* rule = std::get_if<ast::Rule>(&d.value)) {
            if (covers_or_ends(rule->id, offset)) return Target{Target::Kind::rule_id, nullptr, rule->id.name, {}, rule, rule->id};
            for (const auto& c : rule->sources)
                if (citation(c, rule)) return t;
            for (const auto& topic : rule->topics)
                if (covers_or_ends(topic, offset)) return Target{Target::Kind::topic, nullptr, topic.name, {}, rule, topic};
            for (const auto& ref : rule->exceptions)
                if (covers_or_ends(ref, offset))
                    return Target{Target::Kind::rule_ref, nullptr, ref.id.name, ref.sector ? ref.sector->name : "", rule, ref};
            for (const auto& s : rule->statements)
                if (covers_or_ends(s.actor, offset)) return Target{Target::Kind::actor, nullptr, s.actor.name, {}, rule, s.actor};
            for (const auto& a : rule->counterparts)
                if (covers_or_ends(a, offset)) return Target{Target::Kind::actor, nullptr, a.name, {}, rule, a};
        } else if (const auto* topic = std::get_if<ast::TopicDecl>(&d.value)) {
            if (covers_or_ends(topic->id, offset)) return Target{Target::Kind::topic, nullptr, topic->id.name, {}, nullptr, topic->id};
        } else if (const auto* replacement = std::get_if<ast::ReplacementDecl>(&d.value)) {
            if (citation(replacement->from, nullptr)) return t;
            for (const auto& c : replacement->to)
                if (citation(c, nullptr)) return t;
        } else if (const auto* include = std::get_if<ast::Include>(&d.value)) {
            if (covers_or_ends(include->path, offset))
                return Target{Target::Kind::include, nullptr, include->path.value, {}, nullptr, include->path};
        } else if (const auto* actor = std::get_if<ast::ActorDecl>(&d.value)) {
            if (covers_or_ends(actor->id, offset)) return Target{Target::Kind::actor, nullptr, actor->id.name, {}, nullptr, actor->id};
        }
    }
    return t;
}

}  // namespace

// ---- The server ---------------------------------------------------------------

struct Server::Impl {
    explicit Impl(ServerOptions options) : analyzer(std::move(options)) {}

    Analyzer analyzer;
    bool initialized = false;
    Encoding encoding = Encoding::utf16;
    std::map<std::string, Document> documents;
    std::vector<std::string> outbox;
    std::vector<std::unique_ptr<Analysis>> retired;  ///< replaced analyses, not yet freed

    void send(const json::object& message) { outbox.push_back(json::serialize(message)); }
    void respond(const json::value& id, json::value result) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
    }
    void respond_error(const json::value& id, int code, const std::string& message) {
        send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
    }

    Document& document(const json::value& params) {
        const std::string uri = required_string(required(params, "textDocument"), "uri");
        auto it = documents.find(uri);
        if (it == documents.end()) throw RequestError{invalid_params, "the document '" + uri + "' is not open"};
        return it->second;
    }

    // -- Lifecycle

    json::value initialize(const json::value& params) {
        // Prefer bytes (our offsets are bytes), then code points; UTF-16 is the default.
        encoding = Encoding::utf16;
        const json::value* capabilities = member(params, "capabilities");
        const json::value* general = capabilities ? member(*capabilities, "general") : nullptr;
        const json::value* offered = general ? member(*general, "positionEncodings") : nullptr;
        if (offered && offered->is_array()) {
            bool utf8 = false, utf32 = false;
            for (const json::value& e : offered->get_array()) {
                if (e == "utf-8") utf8 = true;
                if (e == "utf-32") utf32 = true;
            }
            encoding = utf8 ? Encoding::utf8 : utf32 ? Encoding::utf32 : Encoding::utf16;
        }
        if (const json::value* root = member(params, "rootUri"); root && root->is_string())
            analyzer.options().client_root = uri_to_path(root->get_string());
        else if (const json::value* path = member(params, "rootPath"); path && path->is_string())
            analyzer.options().client_root = std::string(path->get_string());
        if (const json::value* settings = member(params, "initializationOptions"); settings && settings->is_object())
            read_settings(settings->get_object());
        initialized = true;
        return json::object{
            {"capabilities",
             {{"positionEncoding", encoding_name(encoding)},
              {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"documentSymbolProvider", true},
              {"documentFormattingProvider", true}}},
            {"serverInfo", {{"name", "lovsjekk"}, {"version", LOVSJEKK_VERSION}}}};
    }

    /// The client's initialization options: the command line's long options
    /// by name (`"severity": ["divergence=note"]`, `"no-corpus": true`), read
    /// by the driver as it reads them from `check` and the project file.
    void read_settings(const json::object& settings) {
        const text::Catalogue& messages = text::bundled_catalogue(analyzer.options().run.lang);
        for (const auto& [name, value] : settings) {
            std::vector<std::string> values;
            if (value.is_string()) values.emplace_back(value.get_string());
            else if (value.is_bool()) values.emplace_back(value.get_bool() ? "true" : "false");
            else if (value.is_array())
                for (const json::value& v : value.get_array())
                    if (v.is_string()) values.emplace_back(v.get_string());
            for (const std::string& v : values)
                if (auto error = driver::set_option(analyzer.options().run, name, v))
                    later.push_back(show_message(1, "initializationOptions: " + messages.format(error->key, error->args)));
        }
    }

    /// A window/showMessage notification (1 error, 2 warning, 3 info).
    static json::object show_message(int type, const std::string& message) {
        return {{"jsonrpc", "2.0"}, {"method", "window/showMessage"}, {"params", {{"type", type}, {"message", message}}}};
    }

    /// Notifications to send after the reply to the current request.
    std::vector<json::object> later;

    // -- Text synchronisation

    void did_open(const json::value& params) {
        const json::value& item = required(params, "textDocument");
        Document doc;
        doc.uri = required_string(item, "uri");
        doc.path = uri_to_path(doc.uri);
        doc.text = required_string(item, "text");
        if (const json::value* v = member(item, "version"); v && v->is_int64()) doc.version = v->get_int64();
        const std::string uri = doc.uri;
        documents[uri] = std::move(doc);
        check_and_publish(documents[uri]);
    }

    void did_change(const json::value& params) {
        Document& doc = document(params);
        if (const json::value* v = member(required(params, "textDocument"), "version"); v && v->is_int64())
            doc.version = v->get_int64();
        const json::value& changes = required(params, "contentChanges");
        if (!changes.is_array()) throw RequestError{invalid_params, "'contentChanges' must be an array"};
        for (const json::value& change : changes.get_array()) {
            std::string text = required_string(change, "text");
            if (const json::value* range = member(change, "range")) {
                // Incremental, although full sync was offered: apply it all the same.
                const LineIndex index(doc.text);
                const std::size_t begin = index.offset(position_of(required(*range, "start")), encoding);
                const std::size_t end = std::max(begin, index.offset(position_of(required(*range, "end")), encoding));
                doc.text.replace(begin, end - begin, text);
            } else {
                doc.text = std::move(text);
            }
        }
        check_and_publish(doc);
    }

    void did_close(const json::value& params) {
        const std::string uri = required_string(required(params, "textDocument"), "uri");
        auto it = documents.find(uri);
        if (it == documents.end()) return;
        const std::string closed = parse::display_path(Analyzer::key(it->second.path));
        retired.push_back(std::move(it->second.analysis));
        documents.erase(it);
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", {{"uri", uri}, {"diagnostics", json::array{}}}}});
        // The file counts as saved again for the documents checked with it:
        // one run re-publishes every open document of that rule tree.
        for (auto& [other_uri, other] : documents)
            if (other.analysis && has_source(*other.analysis, closed)) {
                check_and_publish(other);
                break;
            }
    }

    static bool has_source(const Analysis& a, const std::string& shown) {
        for (std::uint32_t id = 0; id < a.workspace.sources.size(); ++id)
            if (id != a.shown_source && a.workspace.sources.file(id).path() == shown) return true;
        return false;
    }

    Position position_of(const json::value& p) const { return {required_uint(p, "line"), required_uint(p, "character")}; }

    // -- Diagnostics

    /// Checks `doc` with the other open documents as the editor has them, and
    /// publishes its diagnostics, and those of the other open documents the
    /// run covered (an edit here can settle or raise a finding there).
    void check_and_publish(Document& doc) {
        Analyzer::OpenTexts open;
        for (const auto& [uri, other] : documents)
            if (&other != &doc) open[Analyzer::key(other.path)] = other.text;
        // The old analysis is freed after the diagnostics have gone out (release_retired()).
        retired.push_back(std::exchange(doc.analysis, analyzer.analyse(doc.path, doc.text, open)));
        const Analysis& a = *doc.analysis;
        publish(doc, a, a.shown_source);
        for (auto& [uri, other] : documents) {
            if (&other == &doc) continue;
            const std::string shown = parse::display_path(Analyzer::key(other.path));
            for (std::uint32_t id = 0; id < a.workspace.sources.size(); ++id)
                if (id != a.shown_source && a.workspace.sources.file(id).path() == shown) publish(other, a, id);
        }
    }

    void publish(const Document& doc, const Analysis& a, std::uint32_t source) {
        send({{"jsonrpc", "2.0"},
              {"method", "textDocument/publishDiagnostics"},
              {"params", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", diagnostics_json(a, source)}}}});
    }

    /// Ranges in any file of the analysis, each file's lines indexed once.
    struct Ranges {
        Ranges(const Analysis& a, Encoding e) : analysis(a), encoding(e) {}

        const Analysis& analysis;
        Encoding encoding;
        std::map<std::uint32_t, LineIndex> indexes;
        std::map<std::uint32_t, std::string> uris;

        json::object range(const Span& span) {
            if (span.file >= analysis.workspace.sources.size() || !span.valid)
                return {{"start", position_json({})}, {"end", position_json({})}};
            auto it = indexes.find(span.file);
            if (it == indexes.end())
                it = indexes.emplace(span.file, LineIndex(analysis.workspace.sources.file(span.file).content())).first;
            return {{"start", position_json(it->second.position(span.begin, encoding))},
                    {"end", position_json(it->second.position(std::max(span.begin, span.end), encoding))}};
        }
        json::object location(const Span& span) {
            auto it = uris.find(span.file);
            if (it == uris.end())
                it = uris.emplace(span.file, path_to_uri(analysis.workspace.sources.file(span.file).path())).first;
            return {{"uri", it->second}, {"range", range(span)}};
        }
    };

    /// The diagnostics of `a` that stand in the file `self`.
    json::array diagnostics_json(const Analysis& a, std::uint32_t self) {
        json::array out;
        Ranges ranges(a, encoding);
        for (const Diagnostic& d : a.diagnostics) {
            // Shown here when it stands in this document, or when one of its notes does.
            const Note* note_here = nullptr;
            if (d.span.file != self) {
                for (const Note& n : d.notes)
                    if (n.span.file == self && n.span.valid) {
                        note_here = &n;
                        break;
                    }
                // Input errors without a file (a missing include) belong to the document checked.
                const bool unplaced = d.span.file == Span::no_file && d.severity == Severity::error;
                if (!note_here && !(unplaced && self == a.shown_source)) continue;
            }
            json::object diagnostic;
            diagnostic["range"] = note_here ? ranges.range(note_here->span) : ranges.range(d.span);
            diagnostic["severity"] = d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3;
            diagnostic["code"] = d.kind;
            diagnostic["source"] = "lovsjekk";
            std::string message = d.message;
            if (note_here) message += " (" + note_here->message + ")";
            if (!d.id.empty()) message += " [" + d.id + "]";
            diagnostic["message"] = message;
            json::array related;
            if (note_here && d.span.file < a.workspace.sources.size())
                related.push_back({{"location", ranges.location(d.span)}, {"message", d.message}});
            for (const Note& n : d.notes)
                if (&n != note_here && n.span.file < a.workspace.sources.size() && n.span.valid)
                    related.push_back({{"location", ranges.location(n.span)}, {"message", n.message}});
            if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
            out.push_back(std::move(diagnostic));
        }
        return out;
    }

    // -- Hover

    std::size_t offset_in(const Document& doc, const json::value& params) {
        const Analysis& a = *doc.analysis;
        if (!a.document) throw RequestError{invalid_params, "the document is not valid UTF-8"};
        const LineIndex index(a.workspace.sources.file(*a.document).content());
        return index.offset(position_of(required(params, "position")), encoding);
    }

    json::value hover(const json::value& params) {
        Document& doc = document(params);
        const Analysis& a = *doc.analysis;
        const ast::File* file = a.document_ast();
        if (!file) return nullptr;
        const Target t = target_at(*file, offset_in(doc, params));
        std::string markdown;
        if (t.kind == Target::Kind::citation || t.kind == Target::Kind::law) markdown = citation_hover(a, *t.citation);
        else if (t.kind == Target::Kind::topic) markdown = topic_hover(a, t.name);
        if (markdown.empty()) return nullptr;
        Ranges ranges(a, encoding);
        return json::object{{"contents", {{"kind", "markdown"}, {"value", markdown}}},
                            {"range", ranges.range(Span::at(*a.document, t.span.begin, t.span.end))}};
    }

    std::string citation_hover(const Analysis& a, const ast::Citation& c) {
        std::ostringstream out;
        const model::Law* law = a.model.find_law(c.law.name);
        if (!law) {
            out << "`" << c.law.name << "` is not a law declared in these rules.";
            return out.str();
        }
        out << "**" << law->name << "** (`" << law->short_name << "`, " << law->lovdata_id << ")\n\n";
        const corpus::Law* indexed = a.corpus().find(law->lovdata_id);
        if (!indexed) {
            out << "Not in the statute index.";
            return out.str();
        }
        out << "In force: " << (indexed->in_force_text.empty() ? "not yet" : indexed->in_force_text);
        if (indexed->repealed) out << "; repealed from " << indexed->repealed->iso();
        out << "\n\n";
        const std::string number = c.part ? model::article_section(c.part->name, c.section.text) : c.section.text;
        const corpus::Section* section = indexed->find_section(number);
        if (!section) {
            out << model::place_text(number) << " is not in the statute index.";
            return out.str();
        }
        out << "**" << model::place_text(section->number) << "**";
        if (!section->heading.empty()) out << " " << section->heading;
        out << "\n\n";
        for (const ast::Subdivision& sub : c.subdivisions) {
            if (sub.kind != ast::SubdivisionKind::ledd) continue;
            if (section->has_ledd(sub.number))
                out << "Ledd " << sub.number << " of " << section->ledd.size() << " is in the index. ";
            else if (section->ledd_complete)
                out << "**The section has " << section->ledd.size() << " ledd, not " << sub.number << ".** ";
        }
        if (section->in_force_from) out << "Section in force from " << section->in_force_from->iso() << ". ";
        if (section->repealed) out << "Section repealed" << (section->repealed_on ? " from " + section->repealed_on->iso() : std::string()) << ". ";
        if (section->future) out << "Adopted, not yet in force. ";
        if (section->pending_change) out << "An adopted change of its wording awaits. ";
        if (c.section_last) out << "(The range ends at § " << c.section_last->text << ".)";
        return out.str();
    }

    /// The thresholds on a topic in every sector: from the document's own run,
    /// and from the bundled rules for the sectors the run does not have.
    std::string topic_hover(const Analysis& a, const std::string& topic) {
        std::ostringstream out;
        const model::Model* with_topic = &a.model;
        const model::Model& bundled = analyzer.bundled().model;
        if (!a.model.topics.contains(topic) && bundled.topics.contains(topic)) with_topic = &bundled;
        auto it = with_topic->topics.find(topic);
        if (it == with_topic->topics.end()) return "`" + topic + "` is not a topic of the vocabulary.";
        out << "**" << topic << "**: " << it->second.description;
        if (!it->second.group.empty()) out << " (group `" << it->second.group << "`)";
        out << "\n\n";
        report::AgesQuery query;
        query.when.at = a.options.when.at;
        query.topic = topic;
        std::vector<std::string> rows;
        std::set<std::string> own_sectors;
        for (const auto& s : a.model.sectors) own_sectors.insert(s.id);
        auto add = [&](const model::Model& m, bool only_other_sectors) {
            for (const report::Threshold& t : report::select_thresholds(m, query)) {
                if (only_other_sectors && own_sectors.contains(t.norm->sector)) continue;
                rows.push_back("| " + t.norm->sector + " | `" + t.norm->id + "` | " + check::describe_age_rule(*t.norm) +
                               " | " + model::modality_name(t.norm->modality) + " | " + check::provision(*t.norm) + " |");
            }
        };
        add(a.model, false);
        if (&bundled != &a.model) add(bundled, true);
        std::sort(rows.begin(), rows.end());
        if (rows.empty()) {
            out << "No age thresholds on this topic are in force on " << query.when.at.iso() << ".";
            return out.str();
        }
        out << "Age thresholds in force on " << query.when.at.iso() << ":\n\n"
            << "| sector | rule | age | kind | provision |\n|---|---|---|---|---|\n";
        for (const std::string& row : rows) out << row << '\n';
        return out.str();
    }

    // -- Definition

    json::value definition(const json::value& params) {
        Document& doc = document(params);
        const Analysis& a = *doc.analysis;
        const ast::File* file = a.document_ast();
        if (!file) return nullptr;
        const Target t = target_at(*file, offset_in(doc, params));
        std::optional<Span> span;
        switch (t.kind) {
        case Target::Kind::rule_ref:
        case Target::Kind::rule_id: {
            std::string sector = t.sector;
            if (sector.empty() && t.rule)
                for (const model::Norm& n : a.model.norms)
                    if (n.span.file == *a.document && n.span.begin == t.rule->id.begin) sector = n.sector;
            if (const model::Norm* norm = a.model.find_norm(sector + "/" + t.name)) span = norm->span;
            break;
        }
        case Target::Kind::topic:
            if (auto it = a.model.topics.find(t.name); it != a.model.topics.end()) span = it->second.span;
            break;
        case Target::Kind::actor:
            if (auto it = a.model.actors.find(t.name); it != a.model.actors.end()) span = it->second.span;
            break;
        case Target::Kind::law:
        case Target::Kind::citation:
            if (const model::Law* law = a.model.find_law(t.name)) span = law->span;
            break;
        case Target::Kind::include: {
            // The included file itself, from its first line.
            std::error_code ec;
            const fs::path file = doc.path.parent_path() / t.name;
            if (!fs::is_regular_file(file, ec)) return nullptr;
            return json::object{{"uri", path_to_uri(file)},
                                {"range", {{"start", position_json({})}, {"end", position_json({})}}}};
        }
        case Target::Kind::none: break;
        }
        if (!span || span->file >= a.workspace.sources.size()) return nullptr;
        Ranges ranges(a, encoding);
        // The document itself under the editor's URI, not a path made from it.
        if (span->file == *a.document) return json::object{{"uri", doc.uri}, {"range", ranges.range(*span)}};
        return ranges.location(*span);
    }

    // -- Symbols

    json::value document_symbols(const json::value& params) {
        Document& doc = document(params);
        const Analysis& a = *doc.analysis;
        const ast::File* file = a.document_ast();
        json::array out;
        if (!file) return out;
        Ranges ranges(a, encoding);
        const std::uint32_t self = *a.document;
        // LSP SymbolKind: 2 module, 3 namespace, 5 class, 1 file, 10 enum, 12 function, 20 key, 21 null.
        auto symbol = [&](const std::string& name, const std::string& detail, int kind, const ast::Located& whole,
                          const ast::Located& selected) {
            json::object s{{"name", name.empty() ? std::string("?") : name},
                           {"kind", kind},
                           {"range", ranges.range(Span::at(self, whole.begin, whole.end))},
                           {"selectionRange", ranges.range(Span::at(self, selected.begin, selected.end))}};
            if (!detail.empty()) s["detail"] = detail;
            out.push_back(std::move(s));
        };
        for (const ast::Declaration& d : file->declarations) {
            if (const auto* r = std::get_if<ast::Rule>(&d.value))
                symbol(r->id.name, r->title ? r->title->value : "", 12, d, r->id);
            else if (const auto* s = std::get_if<ast::SectorDecl>(&d.value))
                symbol(s->id.name, s->name.value, 3, d, s->id);
            else if (const auto* l = std::get_if<ast::LawDecl>(&d.value))
                symbol(l->short_name.name, l->name.value, 2, d, l->short_name);
            else if (const auto* ac = std::get_if<ast::ActorDecl>(&d.value))
                symbol(ac->id.name, ac->description.value, 5, d, ac->id);
            else if (const auto* t = std::get_if<ast::TopicDecl>(&d.value))
                symbol(t->id.name, t->description.value, 10, d, t->id);
            else if (const auto* i = std::get_if<ast::Include>(&d.value))
                symbol(i->path.value, "inkluder", 1, d, i->path);
            else if (const auto* rp = std::get_if<ast::ReplacementDecl>(&d.value))
                symbol(citation_label(rp->from), "erstattet", 20, d, rp->from);
            else if (const auto* e = std::get_if<ast::ExcludedRow>(&d.value))
                symbol(e->citations.empty() ? e->row.value
                                            : citation_label(e->citations.front()),
                       e->reason.value, 21, d, e->citations.empty() ? static_cast<const ast::Located&>(e->row)
                                                                     : e->citations.front());
        }
        return out;
    }

    // -- Formatting

    json::value formatting(const json::value& params) {
        Document& doc = document(params);
        Diagnostics ignored;  // a file that does not parse is shown by its diagnostics
        const auto formatted = format::format_text(parse::display_path(doc.path), doc.text, ignored);
        json::array edits;
        if (!formatted) {
            // Say so: a format request that silently does nothing looks broken.
            const text::Catalogue& messages = text::bundled_catalogue(analyzer.options().run.lang);
            later.push_back(show_message(2, messages.format("lsp.cannot_format", {{"file", parse::display_path(doc.path)}})));
            return edits;
        }
        if (*formatted == doc.text) return edits;
        const LineIndex index(doc.text);
        edits.push_back({{"range",
                          {{"start", position_json({})},
                           {"end", position_json(index.position(doc.text.size(), encoding))}}},
                         {"newText", *formatted}});
        return edits;
    }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Server::~Server() = default;

void Server::release_retired() { impl_->retired.clear(); }

std::vector<std::string> Server::handle(std::string_view body) {
    Impl& s = *impl_;
    s.outbox.clear();
    json::value message;
    {
        boost::system::error_code ec;
        message = json::parse(body, ec);
        if (ec) {
            s.respond_error(nullptr, parse_error, "the message is not JSON: " + ec.message());
            return std::move(s.outbox);
        }
    }
    const json::value* id = member(message, "id");
    const json::value* method_value = member(message, "method");
    if (!message.is_object() || (method_value && !method_value->is_string()) ||
        (id && !id->is_string() && !id->is_int64() && !id->is_uint64() && !id->is_null())) {
        s.respond_error(id && (id->is_string() || id->is_int64()) ? *id : json::value(nullptr), invalid_request,
                        "not a JSON-RPC request or notification");
        return std::move(s.outbox);
    }
    if (!method_value) return {};  // a response to a request the server never sends
    const std::string method(method_value->get_string());
    static const json::value no_params = json::object{};
    const json::value* params_ptr = member(message, "params");
    const json::value& params = params_ptr ? *params_ptr : no_params;
    const bool request = id != nullptr;

    if (method == "exit") {
        exited_ = true;
        return {};
    }
    if (!s.initialized && method != "initialize") {
        if (request) s.respond_error(*id, server_not_initialized, "the server is not initialized");
        return std::move(s.outbox);
    }
    if (shutdown_) {
        // After shutdown only exit counts; requests are refused, notifications dropped.
        if (request) s.respond_error(*id, invalid_request, "the server is shutting down");
        return std::move(s.outbox);
    }
    try {
        if (method == "initialize") {
            if (!request) return {};
            if (s.initialized) throw RequestError{invalid_request, "the server is already initialized"};
            s.respond(*id, s.initialize(params));
            for (const json::object& m : s.later) s.send(m);
            s.later.clear();
        } else if (method == "shutdown") {
            shutdown_ = true;
            if (request) s.respond(*id, nullptr);
        } else if (method == "textDocument/didOpen") {
            s.did_open(params);
        } else if (method == "textDocument/didChange") {
            s.did_change(params);
        } else if (method == "textDocument/didClose") {
            s.did_close(params);
        } else if (method == "textDocument/hover") {
            if (request) s.respond(*id, s.hover(params));
        } else if (method == "textDocument/definition") {
            if (request) s.respond(*id, s.definition(params));
        } else if (method == "textDocument/documentSymbol") {
            if (request) s.respond(*id, s.document_symbols(params));
        } else if (method == "textDocument/formatting") {
            if (request) s.respond(*id, s.formatting(params));
            for (const json::object& m : s.later) s.send(m);
            s.later.clear();
        } else if (request) {
            s.respond_error(*id, method_not_found, "unknown method '" + method + "'");
        }
    } catch (const RequestError& e) {
        if (request) s.respond_error(*id, e.code, e.message);
    } catch (const std::exception& e) {
        if (request) s.respond_error(*id, internal_error, std::string("internal error: ") + e.what());
    }
    return std::move(s.outbox);
}

int serve(std::istream& in, std::ostream& out, std::ostream& log, const ServerOptions& options) {
    Server server(options);
    for (;;) {
        ReadResult read = read_message(in);
        if (read.status == ReadResult::Status::end_of_input) return server.exit_code();
        if (read.status == ReadResult::Status::bad_header) {
            log << "lovsjekk lsp: skipped a message with " << read.problem << '\n';
            continue;
        }
        for (const std::string& reply : server.handle(read.body)) write_message(out, reply);
        if (server.exited()) return server.exit_code();
        server.release_retired();
    }
}

}  // namespace lovsjekk::lsp
