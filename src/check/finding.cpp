#include "check/finding.hpp"

#include "base/kinds.hpp"
#include "text/messages.hpp"

#include <algorithm>
#include <cstdlib>

namespace lovsjekk::check {

AgeRange nominal_ages(const model::Norm& n) {
    AgeRange r;
    if (n.age.from && !n.age.maturity_lowers_floor) r.from = n.age.from_months();
    r.to = n.age.to_months(AgeRange::open);
    return r;
}

void set_detail_ages(Diagnostic& d, AgeRange r) {
    d.details.age_from = r.from / 12;
    d.details.age_to = r.to >= AgeRange::open ? -1 : (r.to + 11) / 12;
}

AgeRange intersect(AgeRange a, AgeRange b) { return {std::max(a.from, b.from), std::min(a.to, b.to)}; }

MessageValue describe_ages(AgeRange r) {
    const bool open = r.to >= AgeRange::open;
    const char* span = r.from == 0 ? (open ? "all" : "under") : (open ? "from" : "range");
    if (r.from % 12 == 0 && (open || r.to % 12 == 0))
        return phrase("ages", {{"span", span}, {"from", std::int64_t{r.from / 12}}, {"to", std::int64_t{open ? 0 : r.to / 12}}});
    // An end in months: each end said with its unit ("fra 6 måneder til 2 år").
    auto amount = [](int months) {
        return phrase("ages.amount", {{"unit", months % 12 == 0 ? "years" : "months"},
                                      {"n", std::int64_t{months % 12 == 0 ? months / 12 : months}}});
    };
    return phrase("ages.months", {{"span", span}, {"from", amount(r.from)}, {"to", amount(open ? 0 : r.to)}});
}

std::string keyword(std::string id) {
    for (char& c : id)
        if (c == '-' || c == '.' || c == ' ') c = '_';
    return id;
}

std::string comma_list(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

Diagnostic make_finding(const Context& ctx, std::string_view kind, const model::Norm& primary,
                        const std::vector<const model::Norm*>& others, Key message_key, MessageArgs args,
                        const std::string& id_part) {
    Diagnostic d;
    d.kind = std::string(kind);
    const KindInfo* info = find_kind(kind);
    d.severity = info ? info->default_severity : Severity::warning;
    d.span = primary.statement_span.valid ? primary.statement_span : primary.span;
    if (primary.age_span.valid) d.span = primary.age_span;
    d.message_key = message_key;
    d.message_args = std::move(args);
    d.details.topic = primary.topic;

    // The rules by position when the model holds them all, so that a large
    // report copies no text into its details (model::expand_details gives it).
    std::vector<const model::Norm*> all;
    all.reserve(others.size() + 1);
    all.push_back(&primary);
    all.insert(all.end(), others.begin(), others.end());
    const model::Norm* first = ctx.model.norms.data();
    const bool in_model = std::all_of(all.begin(), all.end(), [&](const model::Norm* n) {
        return n >= first && n < first + ctx.model.norms.size();
    });
    // `rules`: the ids sorted and unique, as the details list them, on pointers.
    std::vector<const std::string*> rules;
    rules.reserve(all.size());
    const auto by_text = [](const std::string* a, const std::string* b) { return *a < *b; };
    if (in_model) {
        d.details.norms.reserve(all.size());
        for (const model::Norm* n : all) d.details.norms.push_back(static_cast<std::uint32_t>(n - first));
        // The model's norms are sorted by id, so their places sort as their ids.
        std::vector<std::uint32_t> places = d.details.norms;
        std::sort(places.begin(), places.end());
        for (const std::uint32_t at : places)
            if (rules.empty() || *rules.back() != first[at].id) rules.push_back(&first[at].id);
    } else {
        for (const model::Norm* n : all) rules.push_back(&n->id);
        std::sort(rules.begin(), rules.end(), by_text);
        const auto same_text = [](const std::string* a, const std::string* b) { return *a == *b; };
        rules.erase(std::unique(rules.begin(), rules.end(), same_text), rules.end());
        for (const std::string* id : rules) d.details.rules.push_back(*id);
        std::vector<const std::string*> sectors;
        sectors.reserve(all.size());
        for (const model::Norm* n : all) sectors.push_back(&n->sector);
        std::sort(sectors.begin(), sectors.end(), by_text);
        for (const std::string* sector : sectors)
            if (d.details.sectors.empty() || d.details.sectors.back() != *sector) d.details.sectors.push_back(*sector);
        std::vector<std::string>& provisions = d.details.provisions;
        for (const model::Norm* n : all) {
            std::string p = provision(*n);  // in full: ledd, punktum, bokstav
            if (!p.empty() && std::find(provisions.begin(), provisions.end(), p) == provisions.end())
                provisions.push_back(std::move(p));
        }
    }
    // A note points at its rule's place among the sorted ids; complete_findings
    // words it when it is to be worded (JSON words no notes).
    d.notes.reserve(others.size());
    for (const model::Norm* n : others) {
        const Span at = n->age_span.valid ? n->age_span : (n->statement_span.valid ? n->statement_span : n->span);
        const auto rule = std::lower_bound(rules.begin(), rules.end(), &n->id, by_text);
        d.notes.push_back({at, {}, {}, {}, static_cast<std::int32_t>(rule - rules.begin())});
    }
    std::vector<std::string> parts;
    parts.reserve(rules.size() + 2);
    parts.push_back(primary.topic);
    for (const std::string* id : rules) parts.push_back(*id);
    parts.push_back(id_part);
    d.id = stable_id(d.kind, parts);
    return d;
}

Date birth_date_for(Date on, int age) { return on.add_years(-age); }

const std::map<std::string, std::vector<const model::Norm*>>& by_topic(const Context& ctx) { return ctx.by_topic; }

void sort_by_starting_age(std::vector<const model::Norm*>& norms) {
    std::vector<std::pair<int, const model::Norm*>> keyed;
    keyed.reserve(norms.size());
    for (const model::Norm* n : norms) keyed.emplace_back(nominal_ages(*n).from, n);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    for (std::size_t i = 0; i < keyed.size(); ++i) norms[i] = keyed[i].second;
}

void for_each_overlapping_pair(std::vector<const model::Norm*> norms,
                               const std::function<void(const model::Norm&, const model::Norm&, AgeRange)>& visit) {
    sort_by_starting_age(norms);
    // Started and not yet ended, each with its ages (read from the norm once).
    std::vector<std::pair<AgeRange, const model::Norm*>> active;
    for (const model::Norm* n : norms) {
        const AgeRange r = nominal_ages(*n);
        std::erase_if(active, [&](const auto& a) { return a.first.to <= r.from; });
        for (const auto& [ages, a] : active) {
            const AgeRange overlap = intersect(ages, r);
            if (!overlap.empty()) visit(*a, *n, overlap);
        }
        if (!r.empty()) active.emplace_back(r, n);
    }
}

std::string topic_name(const model::Model& model, const std::string& topic, const text::Catalogue* messages) {
    if (messages && messages->has("topic." + topic)) return messages->format("topic." + topic);
    const auto it = model.topics.find(topic);
    return it == model.topics.end() || it->second.description.empty() ? topic : it->second.description;
}

namespace {

void name_arguments(MessageArgs& args, const model::Model& model, const text::Catalogue* messages) {
    for (auto& [name, value] : args) {
        if (auto* phrases = std::get_if<std::vector<Phrase>>(&value)) {
            for (Phrase& p : *phrases) name_arguments(p.args, model, messages);
            continue;
        }
        if (auto* deferred = std::get_if<RuleText>(&value)) {
            if (name == "sector" || name == "other_sector") deferred->as_sector_name = true;
            continue;
        }
        auto* id = std::get_if<std::string>(&value);
        if (!id) continue;
        if (name == "topic") *id = topic_name(model, *id, messages);
        else if (name == "topics") {
            std::vector<std::string> names;
            for (std::size_t from = 0; from <= id->size();) {
                const std::size_t comma = std::min(id->find(", ", from), id->size());
                names.push_back(topic_name(model, id->substr(from, comma - from), messages));
                from = comma + 2;
            }
            *id = comma_list(names);
        }
        else if (name == "sector" || name == "other_sector") *id = sector_name(model, *id);
    }
}

}  // namespace

void complete_findings(std::vector<Diagnostic>& findings, const model::Model& model) {
    for (Diagnostic& d : findings) {
        model::expand_details(d.details, model);
        for (Note& note : d.notes) {
            model::expand_rule_texts(note.message_args, model);
            if (note.detail_rule < 0 || static_cast<std::size_t>(note.detail_rule) >= d.details.rules.size()) continue;
            const std::string& id = d.details.rules[static_cast<std::size_t>(note.detail_rule)];
            note.detail_rule = Note::no_rule;
            note.message_key = rule_note_key;
            const model::Norm* n = model.find_norm(id);
            if (n) note.message_args = {{"sector", n->sector}, {"rule", id}, {"provision", provision(*n)}};
            else note.message_args = {{"rule", id}};
        }
        model::expand_rule_texts(d.message_args, model);
        model::expand_rule_texts(d.details.witness_args, model);
    }
}

void use_display_names(std::vector<Diagnostic>& findings, const model::Model& model,
                       const text::Catalogue* messages) {
    for (Diagnostic& d : findings) {
        name_arguments(d.message_args, model, messages);
        for (Note& n : d.notes) name_arguments(n.message_args, model, messages);
        name_arguments(d.details.witness_args, model, messages);
    }
}

int widest_window_days(const model::Bound& a, const model::Bound& b) {
    int widest = 0;
    const Date first = Date::from_ymd(2008, 1, 1);
    for (int i = 0; i < 366; ++i) {
        const Date born = first.add_days(i);
        widest = std::max(widest, std::abs(a.date_for(born).days() - b.date_for(born).days()));
    }
    return widest;
}

std::string child_actor(const model::Model& model) {
    for (const auto& [id, actor] : model.actors)
        if (actor.role == model::ActorRole::child) return id;
    return {};
}

const std::string& group_of(const Context& ctx, const std::string& topic) {
    static const std::string none;
    const auto it = ctx.topic_groups.find(topic);
    return it == ctx.topic_groups.end() ? none : *it->second;
}

const std::string& group_of(const Context& ctx, const model::Norm& n) {
    const model::Norm* first = ctx.model.norms.data();
    if (&n >= first && &n < first + ctx.norm_groups.size())
        if (const std::string* group = ctx.norm_groups[static_cast<std::size_t>(&n - first)]) return *group;
    return group_of(ctx, n.topic);
}

}  // namespace lovsjekk::check
