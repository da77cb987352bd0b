#include "model/resolve.hpp"

#include "base/kinds.hpp"
#include "base/reorder.hpp"
#include "grammar/api.hpp"
#include "text/suggest.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace lovsjekk::model {

namespace {

// Ages above this are treated as typing errors, not law.
constexpr int max_plausible_age = 130;

Span span_of(std::uint32_t file, const ast::Located& node) { return Span::at(file, node.begin, node.end); }

std::vector<std::string_view> keys_of(const auto& map) {
    std::vector<std::string_view> keys;
    for (const auto& [k, v] : map) keys.push_back(k);
    return keys;
}

/// The arguments of an "unknown NAME" message: the name, and the closest known one when there is one.
MessageArgs unknown(const std::string& name, const std::vector<std::string_view>& known) {
    const auto close = text::closest(name, known);
    return {{"name", name}, {"suggestion", close ? std::string(*close) : std::string()}, {"has_suggestion", close ? "yes" : "no"}};
}

/// An error stated as a catalogue key (messages/*/findings.txt), worded when the pipeline is done.
Diagnostic& report(Diagnostics& diags, std::string_view kind, Span span, Key key, MessageArgs args = {}) {
    Diagnostic& d = diags.error(kind, span, {});
    d.message_key = key;
    d.message_args = std::move(args);
    return d;
}

/// A note at the other declaration of a name declared twice.
Note other_declaration(Span span) { return {span, {}, "resolve.note.other_declaration", {}}; }

Wording wording_of(ast::AgeWording w) {
    switch (w) {
        case ast::AgeWording::fra: return Wording::fra;
        case ast::AgeWording::fylt: return Wording::fylt;
        case ast::AgeWording::over: return Wording::over;
        case ast::AgeWording::til: return Wording::til;
        case ast::AgeWording::under: return Wording::under;
        case ast::AgeWording::fra_aaret: return Wording::fra_aaret;
        case ast::AgeWording::til_og_med_aaret: return Wording::til_og_med_aaret;
        case ast::AgeWording::fra_skoleaaret: return Wording::fra_skoleaaret;
        case ast::AgeWording::ut_skoleaaret: return Wording::ut_skoleaaret;
    }
    return Wording::fra;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

class Resolver {
public:
    /// `releasing`: the same workspace, whose files' declarations are freed
    /// as soon as their norms are resolved; null to leave them.
    Resolver(const parse::Workspace& ws, Diagnostics& diags, parse::Workspace* releasing = nullptr)
        : ws_(ws), releasing_(releasing), diags_(diags) {
        for (const ast::File& file : ws.files) unparsed_.insert(file.unparsed_names.begin(), file.unparsed_names.end());
    }

    Model run() {
        // Vocabulary and laws first, from every file, so that norms may use
        // names declared in any file (order of files never matters).
        for (std::size_t i = 0; i < ws_.files.size(); ++i) {
            declaring_bundled_ = i < ws_.preloaded;
            for (const ast::Declaration& d : ws_.files[i].declarations) declare(ws_.files[i].source, d);
        }
        declaring_bundled_ = false;
        check_excluded_laws();
        // One norm per rule: reserved, so that the norms are never moved to a
        // larger buffer (a copy of all of them for a moment).
        std::size_t rules = 0;
        for (const ast::File& file : ws_.files)
            for (const ast::Declaration& d : file.declarations) rules += std::holds_alternative<ast::Rule>(d.value);
        model_.norms.reserve(rules);
        hash_declared_names();
        for (std::size_t i = 0; i < ws_.files.size(); ++i) {
            resolve_norms(ws_.files[i]);
            // Nothing below reads a file's declarations again: its tree goes
            // while the model grows, and the two are never whole at once.
            if (releasing_) std::vector<ast::Declaration>().swap(releasing_->files[i].declarations);
        }
        sort_norms_by_id();
        check_duplicate_ids();
        for (const auto& [whole, span] : part_of_spans_)
            if (!model_.actors.contains(whole) && !unparsed(whole))
                report(diags_, kinds::reference, span, "resolve.unknown_actor_part_of", unknown(whole, keys_of(model_.actors)));
        resolve_exceptions();
        std::sort(model_.sectors.begin(), model_.sectors.end(),
                  [](const Sector& a, const Sector& b) { return a.id < b.id; });
        return std::move(model_);
    }

private:
    const parse::Workspace& ws_;
    parse::Workspace* releasing_;
    Diagnostics& diags_;
    std::set<std::string, std::less<>> unparsed_;  ///< names of declarations that failed to parse

    bool unparsed(std::string_view name) const { return unparsed_.contains(name); }

    // The declared laws, actors and topics, hashed once every declaration is
    // in (before any norm is resolved): each norm looks its names up among
    // thousands in a large rule set.
    std::unordered_set<std::string_view> law_names_, actor_names_, topic_names_;
    void hash_declared_names() {
        auto hash = [](const auto& map, std::unordered_set<std::string_view>& names) {
            names.reserve(map.size());
            for (const auto& entry : map) names.insert(entry.first);
        };
        hash(model_.laws, law_names_);
        hash(model_.actors, actor_names_);
        hash(model_.topics, topic_names_);
    }
    Model model_;
    // Exceptions as written, resolved once all norms are known.
    struct PendingException {
        std::size_t norm_key;
        std::string target;
        std::string sector_default;
        Span span;
    };
    std::vector<std::pair<std::string, PendingException>> exceptions_;
    std::vector<std::pair<std::string, Span>> part_of_spans_;
    // The bundled vocabulary's law declarations are defaults: a user's own
    // declaration of the same short name replaces them (with a note).
    bool declaring_bundled_ = false;
    std::set<std::string> bundled_laws_;
    std::vector<std::pair<std::string, Span>> excluded_laws_;  // law names the exclusions cite
    std::vector<std::pair<std::size_t, Citation>> quoted_citations_;  // excluded rows that read as citations

    std::optional<Date> date(std::uint32_t file, const ast::DateLit& lit) {
        auto d = Date::parse(lit.text);
        if (!d) report(diags_, kinds::syntax, span_of(file, lit), "resolve.bad_date", {{"text", lit.text}});
        return d;
    }

    Validity validity(std::uint32_t file, const ast::Validity& v) {
        Validity out;
        if (v.from) out.from = date(file, *v.from);
        if (v.to) out.to = date(file, *v.to);
        out.pending = v.pending;
        if (out.from && out.to && *out.to < *out.from)
            report(diags_, kinds::syntax, span_of(file, v), "resolve.period_backwards",
                   {{"from", out.from->iso()}, {"to", out.to->iso()}});
        return out;
    }

    void declare(std::uint32_t file, const ast::Declaration& d) {
        std::visit([&](const auto& decl) { declare_one(file, decl); }, d.value);
    }

    void declare_one(std::uint32_t file, const ast::SectorDecl& s) {
        if (const Sector* existing = model_.find_sector(s.id.name)) {
            if (existing->name != s.name.value) {
                auto& diag = report(diags_, kinds::reference, span_of(file, s.id), "resolve.sector_twice", {{"sector", s.id.name}});
                diag.notes.push_back(other_declaration(existing->span));
            }
            return;
        }
        model_.sectors.push_back(
            {s.id.name, s.name.value, s.directorate ? s.directorate->value : std::string(), span_of(file, s.id)});
    }

    void declare_one(std::uint32_t file, const ast::LawDecl& l) {
        Law law{l.short_name.name, l.name.value, l.lovdata_id.text, {}, span_of(file, l.short_name)};
        // The id's date is a real day like every other date ("LOV-2023-02-30-1" is a typing error).
        if (const std::string& id = l.lovdata_id.text; id.size() >= 14 && !Date::parse(std::string_view(id).substr(4, 10)))
            report(diags_, kinds::syntax, span_of(file, l.lovdata_id), "resolve.bad_lovdata_id",
                   {{"id", id}, {"date", id.substr(4, 10)}});
        if (l.validity) law.validity = validity(file, *l.validity);
        auto [it, inserted] = model_.laws.emplace(law.short_name, law);
        if (inserted && declaring_bundled_) bundled_laws_.insert(law.short_name);
        if (!inserted) {
            const Law& other = it->second;
            const bool same = other.lovdata_id == law.lovdata_id && other.name == law.name &&
                              other.validity.from == law.validity.from && other.validity.to == law.validity.to &&
                              other.validity.pending == law.validity.pending;
            // The folder's own line, the same or not, makes the name the folder's:
            // a second line of its own that differs is an error as usual.
            const bool was_bundled = !declaring_bundled_ && bundled_laws_.erase(law.short_name);
            if (!same && was_bundled) {
                replace_bundled_law(it->second, std::move(law));
                return;
            }
            if (!same) {
                auto& diag = report(diags_, kinds::reference, law.span, "resolve.law_differs",
                                    {{"law", law.short_name}, {"lovdata_id", other.lovdata_id}, {"law_name", other.name}});
                diag.notes.push_back(other_declaration(other.span));
            }
        }
    }

    // A folder's own `lov` line for a short name the bundled laws file also
    // declares, differently: the folder's wins, and says what it replaced.
    // Another name or other dates for the same Lovdata id are the folder's
    // own reading and pass silently; another id is a different law.
    void replace_bundled_law(Law& bundled, Law own) {
        if (own.lovdata_id == bundled.lovdata_id) {
            bundled = std::move(own);
            return;
        }
        auto& diag = report(diags_, kinds::reference, own.span, "resolve.law_replaces_bundled",
                            {{"law", own.short_name}, {"lovdata_id", bundled.lovdata_id}, {"law_name", bundled.name}});
        diag.severity = Severity::note;
        diag.notes.push_back(other_declaration(bundled.span));
        bundled = std::move(own);
    }

    void declare_one(std::uint32_t file, const ast::ActorDecl& a) {
        Actor actor{a.id.name, a.description.value, a.part_of ? a.part_of->name : std::string(), ActorRole::body, {},
                    span_of(file, a.id), {}};
        if (a.part_of) part_of_spans_.push_back({a.part_of->name, span_of(file, *a.part_of)});
        if (a.role) {
            if (const auto role = role_from_name(a.role->name)) {
                actor.role = *role;
            } else {
                std::vector<std::string_view> roles;
                for (auto r : {ActorRole::child, ActorRole::family, ActorRole::around_child, ActorRole::nobody})
                    roles.push_back(role_name(r));
                report(diags_, kinds::reference, span_of(file, *a.role), "resolve.unknown_actor_role", unknown(a.role->name, roles));
            }
        }
        for (const auto& alias : a.aliases) {
            actor.aliases.emplace_back(alias.law.name, alias.word.value);
            if (alias.upper)
                if (auto b = bound(file, *alias.upper)) actor.word_bounds[alias.law.name] = *b;
        }
        auto [it, inserted] = model_.actors.emplace(actor.id, actor);
        if (!inserted) {
            // A later file may add aliases to an actor; a different description is a clash.
            if (it->second.description != actor.description ||
                (a.role && it->second.role != ActorRole::body && it->second.role != actor.role)) {
                auto& diag = report(diags_, kinds::reference, actor.span, "resolve.actor_twice", {{"actor", actor.id}});
                diag.notes.push_back(other_declaration(it->second.span));
            } else {
                it->second.aliases.insert(it->second.aliases.end(), actor.aliases.begin(), actor.aliases.end());
                it->second.word_bounds.insert(actor.word_bounds.begin(), actor.word_bounds.end());
                if (a.role) it->second.role = actor.role;
            }
        }
    }

    void declare_one(std::uint32_t file, const ast::TopicDecl& t) {
        Topic topic{t.id.name, t.description.value, t.group ? t.group->name : std::string(),
                    t.expected ? t.expected->name : std::string(), t.names_lead, span_of(file, t.id), std::nullopt};
        if (t.upper) topic.subject_bound = bound(file, *t.upper);
        auto [it, inserted] = model_.topics.emplace(topic.id, topic);
        if (!inserted && it->second.description != topic.description) {
            auto& diag = report(diags_, kinds::reference, topic.span, "resolve.topic_twice", {{"topic", topic.id}});
            diag.notes.push_back(other_declaration(it->second.span));
        }
    }

    void declare_one(std::uint32_t, const ast::Include&) {}
    void declare_one(std::uint32_t, const ast::Rule&) {}

    void declare_one(std::uint32_t file, const ast::ReplacementDecl& r) {
        Replacement rep{citation(file, r.from), {}, span_of(file, r)};
        for (const auto& c : r.to) rep.to.push_back(citation(file, c));
        model_.replacements.push_back(std::move(rep));
    }

    void declare_one(std::uint32_t file, const ast::ExcludedRow& e) {
        if (e.expected) {
            model_.excluded.push_back({{}, {}, e.expected->name, sector_before(file, e.begin), e.reason.value,
                                       span_of(file, *e.expected)});
            return;
        }
        ExcludedRow out{e.row.value, {}, {}, {}, e.reason.value, span_of(file, e)};
        for (const auto& c : e.citations) {
            out.citations.push_back(citation(file, c));
            excluded_laws_.emplace_back(c.law.name, span_of(file, c.law));
        }
        // The row form written as a citation (`utelatt "adopl § 8" "…"`, as rule
        // files did before the citation form) cites that provision once its law
        // is known to be declared.
        ast::Citation written;
        grammar::SyntaxFailure failure;
        if (e.citations.empty() && grammar::parse_citation(e.row.value, written, failure)) {
            Citation c = citation(file, written);
            c.span = span_of(file, e.row);
            quoted_citations_.emplace_back(model_.excluded.size(), std::move(c));
        }
        model_.excluded.push_back(std::move(out));
    }

    /// The sector declared last before `offset` in the file, else the file's first.
    std::string sector_before(std::uint32_t file, std::uint32_t offset) const {
        std::string before, first;
        std::uint32_t first_at = 0xFFFFFFFFu, before_at = 0;
        for (const Sector& s : model_.sectors) {
            if (s.span.file != file) continue;
            if (s.span.begin < first_at) { first_at = s.span.begin; first = s.id; }
            if (s.span.begin <= offset && s.span.begin >= before_at) { before_at = s.span.begin; before = s.id; }
        }
        return before.empty() ? first : before;
    }

    // Laws may be declared in any file, so an exclusion's citations are
    // checked once all declarations are in.
    void check_excluded_laws() {
        for (auto& [index, c] : quoted_citations_)
            if (model_.laws.contains(c.law)) model_.excluded[index].citations.push_back(std::move(c));
        for (const auto& [law, span] : excluded_laws_)
            if (!model_.laws.contains(law))
                report(diags_, kinds::reference, span, "resolve.unknown_law", unknown(law, keys_of(model_.laws)));
    }

    Citation citation(std::uint32_t file, const ast::Citation& c) {
        Citation out;
        out.law = c.law.name;
        // An article is kept under the statute index's own name ("gdpr/a8"), so
        // that lookups, "did you mean" and coverage treat it as any section.
        out.section = c.part ? article_section(c.part->name, c.section.text) : c.section.text;
        if (c.section_last) out.section_last = c.section_last->text;
        out.see_also = c.jf;
        out.span = span_of(file, c);
        for (const auto& sub : c.subdivisions) {
            switch (sub.kind) {
                case ast::SubdivisionKind::ledd: out.ledd = sub.number; break;
                case ast::SubdivisionKind::punktum: out.punktum = sub.number; break;
                case ast::SubdivisionKind::nummer:
                    // An article's first "nr." is its numbered paragraph, which the
                    // statute index keeps as a ledd ("gdpr art. 8 nr. 1").
                    if (c.part && !out.ledd && &sub == &c.subdivisions.front()) out.ledd = sub.number;
                    else out.nummer = sub.number;
                    break;
                case ast::SubdivisionKind::bokstav: out.letter = sub.letter; break;
            }
        }
        return out;
    }

    std::optional<int> age_number(std::uint32_t file, const ast::Number& n, AgeUnit unit = AgeUnit::years) {
        // The same plausible span in every unit: 130 years, 1 560 months, 47 520 days.
        const int max = unit == AgeUnit::years ? max_plausible_age
                        : unit == AgeUnit::months ? max_plausible_age * 12 : max_plausible_age * 366;
        if (n.digits.size() > 5 || std::stoi(n.digits) > max) {
            report(diags_, kinds::syntax, span_of(file, n), "resolve.implausible_age",
                   {{"age", n.digits}, {"max", std::int64_t{max}}});
            return std::nullopt;
        }
        return std::stoi(n.digits);
    }

    std::optional<Bound> bound(std::uint32_t file, const ast::AgeBound& b) {
        const AgeUnit unit = b.unit == ast::AgeUnit::months ? AgeUnit::months
                             : b.unit == ast::AgeUnit::days ? AgeUnit::days : AgeUnit::years;
        auto age = age_number(file, b.age, unit);
        if (!age) return std::nullopt;
        return Bound{*age, wording_of(b.wording), unit};
    }

    /// A bound's amount for a message: the number alone in years (as ever),
    /// with its unit otherwise ("6 måneder").
    static MessageValue amount(const Bound& b) {
        if (b.unit == AgeUnit::years) return std::int64_t{b.age};
        return amount_text(b);
    }

    AgeInterval age(std::uint32_t file, const ast::AgeExpr& a) {
        AgeInterval out;
        out.specified = true;
        out.regardless = a.regardless;
        if (a.lower) out.from = bound(file, *a.lower);
        if (a.upper) out.to = bound(file, *a.upper);
        out.maturity = a.maturity;
        out.maturity_lowers_floor = a.maturity_lowers_floor;
        out.maturity_text = a.maturity_text.text;
        if (out.from && out.to) {
            // Compare in exclusive upper ages, so "fra året 19 til og med året 19" is one year.
            if (out.to_months(0) <= out.from->nominal_months())
                report(diags_, kinds::syntax, span_of(file, a), "resolve.empty_interval",
                       {{"from", amount(*out.from)}, {"to", amount(*out.to)}});
        }
        return out;
    }

    // The statute's actor word may differ; the rules always name the vocabulary actor.
    bool known_actor(std::uint32_t file, const ast::Identifier& id) {
        if (actor_names_.contains(id.name)) return true;
        if (!unparsed(id.name)) report(diags_, kinds::reference, span_of(file, id), "resolve.unknown_actor", unknown(id.name, keys_of(model_.actors)));
        return false;
    }

    template <typename T>
    void at_most_one(std::uint32_t file, const std::vector<T>& items, const char* field) {
        for (std::size_t i = 1; i < items.size(); ++i)
            report(diags_, kinds::syntax, span_of(file, items[i]), "resolve.field_twice", {{"field", std::string(field)}});
    }

    void resolve_norms(const ast::File& file) {
        const std::uint32_t f = file.source;
        const Sector* sector = nullptr;
        for (const ast::Declaration& d : file.declarations) {
            if (auto s = std::get_if<ast::SectorDecl>(&d.value)) {
                sector = model_.find_sector(s->id.name);
                continue;
            }
            const auto* rule = std::get_if<ast::Rule>(&d.value);
            if (!rule) continue;
            if (!sector) {
                report(diags_, kinds::reference, span_of(f, rule->id), "resolve.rule_before_sector", {{"rule", rule->id.name}});
                continue;
            }
            resolve_norm(f, *sector, *rule);
        }
    }

    void resolve_norm(std::uint32_t f, const Sector& sector, const ast::Rule& r) {
        Norm n;
        n.id = sector.id + "/" + r.id.name;
        n.sector = sector.id;
        n.title = r.title ? r.title->value : std::string();
        n.span = span_of(f, r.id);

        at_most_one(f, r.topics, "tema");
        at_most_one(f, r.statements, "statement (actor and modality)");
        at_most_one(f, r.ages, "alder");
        at_most_one(f, r.weights, "vekt");
        at_most_one(f, r.validity, "gjelder");

        if (r.sources.empty())
            report(diags_, kinds::syntax, n.span, "resolve.no_source", {{"rule", r.id.name}});
        for (const auto& c : r.sources) {
            Citation cit = citation(f, c);
            if (!law_names_.contains(cit.law) && !unparsed(cit.law))
                report(diags_, kinds::reference, span_of(f, c.law), "resolve.unknown_law", unknown(cit.law, keys_of(model_.laws)));
            n.sources.push_back(std::move(cit));
        }

        if (r.topics.empty()) {
            report(diags_, kinds::syntax, n.span, "resolve.no_topic", {{"rule", r.id.name}});
        } else {
            const auto& topic = r.topics.front();
            n.topic = topic.name;
            n.topic_span = span_of(f, topic);
            if (!topic_names_.contains(topic.name) && !unparsed(topic.name))
                report(diags_, kinds::reference, n.topic_span, "resolve.unknown_topic", unknown(topic.name, keys_of(model_.topics)));
        }

        if (r.statements.empty()) {
            report(diags_, kinds::syntax, n.span, "resolve.no_statement", {{"rule", r.id.name}});
        } else {
            const auto& s = r.statements.front();
            n.actor = s.actor.name;
            n.statement_span = span_of(f, s);
            n.action = s.action.text;
            n.statement = collapse_spaces(
                ws_.sources.file(f).content().substr(s.begin, s.action.end > s.begin ? s.action.end - s.begin : 0));
            n.sole = s.modality == ast::Modality::power_sole;
            switch (s.modality) {
                case ast::Modality::right: n.modality = Modality::right; break;
                case ast::Modality::duty: n.modality = Modality::duty; break;
                case ast::Modality::may: n.modality = Modality::may; break;
                case ast::Modality::must_not: n.modality = Modality::must_not; break;
                case ast::Modality::power:
                case ast::Modality::power_sole: n.modality = Modality::power; break;
            }
            known_actor(f, s.actor);
        }
        for (const auto& c : r.counterparts) {
            known_actor(f, c);
            n.counterparts.push_back(c.name);
        }
        std::sort(n.counterparts.begin(), n.counterparts.end());
        n.counterparts.erase(std::unique(n.counterparts.begin(), n.counterparts.end()), n.counterparts.end());

        if (!r.ages.empty()) {
            n.age = age(f, r.ages.front());
            n.age_span = span_of(f, r.ages.front());
        }
        if (!r.weights.empty()) {
            const auto& w = r.weights.front();
            Weight weight;
            weight.level = static_cast<WeightLevel>(w.level);
            if (w.from) weight.from_age = age_number(f, *w.from);
            n.weight = weight;
        }
        for (const auto& c : r.conditions) n.conditions.push_back({c.text.value, static_cast<ConditionKind>(c.kind)});
        if (!r.validity.empty()) n.validity = validity(f, r.validity.front());
        for (const auto& s : r.uncertain) n.extras().uncertain.push_back(s.value);
        for (const auto& s : r.derived) n.extras().derived.push_back(s.value);
        for (const auto& s : r.remarks) n.extras().remarks.push_back(s.value);
        for (const auto& s : r.worksheet_rows) n.extras().worksheet_rows.push_back(s.value);
        for (const auto& p : r.plain) {
            if (!n.extras().plain.emplace(p.lang.name, p.text.value).second)
                report(diags_, kinds::reference, span_of(f, p), "resolve.plain_twice",
                       {{"rule", r.id.name}, {"lang", p.lang.name}});
        }
        at_most_one(f, r.performers, "utfører");
        if (!r.performers.empty() && known_actor(f, r.performers.front())) {
            n.extras().performer = r.performers.front().name;
            n.extras().performer_span = span_of(f, r.performers.front());
        }

        for (const auto& e : r.exceptions) {
            const std::string target = (e.sector ? e.sector->name : sector.id) + "/" + e.id.name;
            exceptions_.push_back({n.id, {0, target, sector.id, span_of(f, e)}});
        }
        model_.norms.push_back(std::move(n));
    }

    // Stable by id, as std::stable_sort would leave them; a Norm is large, so
    // the order is found on a copy of the ids and each norm is moved once.
    void sort_norms_by_id() {
        reorder(model_.norms, stable_order_by_text<1>(model_.norms, [](const Norm& n) {
                    return std::array<std::string_view, 1>{n.id};
                }));
    }

    void check_duplicate_ids() {
        for (std::size_t i = 1; i < model_.norms.size(); ++i) {
            const Norm& a = model_.norms[i - 1];
            const Norm& b = model_.norms[i];
            if (a.id != b.id) continue;
            auto& diag = report(diags_, kinds::reference, b.span, "resolve.duplicate_id", {{"rule", b.id}});
            diag.notes.push_back({a.span, {}, "resolve.note.first_rule", {}});
        }
    }

    void resolve_exceptions() {
        std::vector<std::string_view> ids;
        for (const Norm& n : model_.norms) ids.push_back(n.id);
        for (auto& [norm_id, pending] : exceptions_) {
            if (!model_.find_norm(pending.target)) {
                // "sektor/id" names the rule "id" of its file
                const std::string_view target = pending.target;
                if (!unparsed(target.substr(target.find('/') == std::string_view::npos ? 0 : target.find('/') + 1)))
                    report(diags_, kinds::reference, pending.span, "resolve.unknown_exception", unknown(pending.target, ids));
                continue;
            }
            auto it = std::lower_bound(model_.norms.begin(), model_.norms.end(), norm_id,
                                       [](const Norm& n, const std::string& k) { return n.id < k; });
            if (it != model_.norms.end() && it->id == norm_id) it->exceptions.push_back(pending.target);
        }
    }
};

}  // namespace

Model resolve(const parse::Workspace& ws, Diagnostics& diags) { return Resolver(ws, diags).run(); }

Model resolve_releasing(parse::Workspace& ws, Diagnostics& diags) {
    Model model = Resolver(ws, diags, &ws).run();
    ws.release_syntax_trees();
    return model;
}

}  // namespace lovsjekk::model
