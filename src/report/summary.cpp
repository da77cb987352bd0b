// Building a plain-language summary from the model: choosing the norms,
// turning each into one sentence through the catalogue, merging sentences
// that say the same thing, and sorting them the way a Norwegian reader
// expects (ICU collation: æ, ø, å after z).
#include "report/summary.hpp"

#include "report/ages.hpp"

#include <unicode/coll.h>
#include <unicode/listformatter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

namespace lovsjekk::report {

namespace {

using text::MessageArgs;

/// The vocabulary's actor for the child or young person (DESIGN.md); its
/// aliases are each law's own word for her ("eleven", "pasienten").
constexpr const char* child_actor = "barnet";
/// The topic on which the rules say when the child becomes of age; the
/// summary calls her "den unge" from then on. The age itself is read from
/// the rules, never written here.
constexpr const char* majority_topic = "myndighet";

/// The vocabulary's actors that make regulations: a power to give
/// regulations ("departementet kan gi forskrift") tells a service nothing
/// about the child in front of it, so summaries leave it out.
constexpr std::array<std::string_view, 2> regulation_makers = {"departementet", "kongen"};
/// The topic group of duties to cooperate: in a service's own summary only.
constexpr const char* cooperation_group = "samarbeid";

/// Lists of counterparts longer than this are taken apart and regrouped by
/// the norms that name them (see Builder::regroup).
constexpr std::size_t max_listed = 3;

std::string yes_no(bool b) { return b ? "yes" : "no"; }

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

/// The first letter in upper case: sentences and headings start with one,
/// whatever word the catalogue put first ("barnet", "the school").
std::string capitalise(const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (u.isEmpty()) return s;
    const UChar32 first = u.char32At(0);
    const UChar32 upper = u_toupper(first);
    if (upper == first) return s;
    u.replace(0, U16_LENGTH(first), icu::UnicodeString(upper));
    return utf8(u);
}

/// A word as an ICU select keyword, which cannot hold spaces or pattern
/// syntax: "den mindreårige" → "den_mindreårige", "helse-kommune" → "helse_kommune".
std::string keyword(std::string word) {
    for (char& c : word)
        if (c == ' ' || c == '-' || c == '.') c = '_';
    return word;
}

int group_rank(const std::string& group) {
    // The child's own say first, then the services she has a right to, then
    // what the services owe each other: the order a case worker asks in.
    static constexpr std::array<std::string_view, 7> order = {"medvirkning", "tjeneste",   "samordning", "samarbeid",
                                                              "taushetsplikt", "melding", "oppfølging"};
    const auto it = std::find(order.begin(), order.end(), group);
    return static_cast<int>(it - order.begin());
}

/// A norm chosen for the summary; for one child, with the days it starts
/// and stops applying to her.
struct Phrased {
    const model::Norm* norm = nullptr;
    std::optional<Date> from_date;  ///< with `born`: the day the norm starts to apply to her
    std::optional<Date> to_date;    ///< the first day it no longer does
};

/// The age part of a sentence.
struct When {
    std::string text;
    bool clause = false;  ///< ends in a clause ("når barnet er under 18 år"): a comma follows it
};

/// One sentence being gathered. Norms that come out the same are said once,
/// with all their provisions; if one of them has no conditions, the sentence
/// says none ("Skolen skal samarbeide med …" holds by that norm alone).
struct Pending {
    std::string topic;
    std::string body;              ///< as said without conditions
    std::string conditional_body;  ///< as said with "på visse vilkår"
    bool conditional = true;
    std::vector<const model::Citation*> citations;
    std::set<std::string> rules;
    std::vector<model::Condition> conditions;  ///< the statute's conditions, quoted under the sentence
    bool own_words = false;               ///< the rule author's `klarspråk`, which states its conditions itself
    std::vector<std::string> details;     ///< further lines (the days, for one child)
    bool weight = false;                  ///< the weight of her view
    SummaryPart part = SummaryPart::none;
};

class Builder {
public:
    Builder(const model::Model& model, const SummaryQuery& query, const text::Catalogue& messages)
        : model_(model), query_(query), msg_(messages) {
        UErrorCode status = U_ZERO_ERROR;
        list_.reset(icu::ListFormatter::createInstance(icu::Locale(msg_.lang().c_str()), ULISTFMT_TYPE_AND,
                                                       ULISTFMT_WIDTH_WIDE, status));
        if (U_FAILURE(status)) list_.reset();
        status = U_ZERO_ERROR;
        collator_.reset(icu::Collator::createInstance(icu::Locale(msg_.lang().c_str()), status));
        if (U_FAILURE(status)) collator_.reset();
        // "§ 4-9" before "§ 4-10", "7 år" before "12 år".
        else collator_->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
        majority_ = majority_age();
    }

    Summary build();

private:
    std::optional<int> majority_age() const;
    std::vector<Phrased> select() const;
    bool adult_for(const model::Norm& n) const;
    std::string child_word(const model::Norm& n) const;
    std::string child_name(const model::Norm& n) const;
    std::string actor_name(const std::string& id, const model::Norm& n, bool object);
    std::string service_name(const std::string& id) const;
    std::string topic_title(const std::string& id);
    std::string join(const std::vector<std::string>& items) const;
    bool less(const std::string& a, const std::string& b) const;
    When when_text(const Phrased& p, bool self) const;
    std::string bound_text(const model::Bound& b, const model::Norm& n, bool self) const;
    std::string provision_text(const std::vector<const model::Citation*>& citations) const;
    /// A norm's sentence, said without and with "på visse vilkår".
    struct Bodies {
        std::string plain;
        std::string conditional;
        bool own_words = false;  ///< from the rule's `klarspråk`
        bool take_apart = true;  ///< built from a topic phrase that lists counterparts
        bool with_conditions = true;  ///< false for the weight of her view, which the rule's conditions do not qualify
    };
    /// A long list of counterparts, taken apart: for each, the norms naming it.
    struct Split {
        std::string topic;
        std::vector<std::string> order;  ///< counterparts as first met
        std::map<std::string, std::vector<Phrased>> norms;
    };

    void add_norm(const Phrased& p);
    void regroup();
    /// Lists the changes since the statute text that the summary's sentences
    /// may not reflect, and marks those sentences.
    void mark_changes(Summary& s) const;
    /// `keyed`: the sentence with its list of counterparts left out, as a key.
    Bodies phrase(const Phrased& p, const std::vector<std::string>& counterparts, bool keyed = false);
    void add_weight(const Phrased& p);
    void add(const std::string& topic, const Bodies& bodies, const Phrased& p);
    bool shown(const model::Norm& n) const;
    bool past_subject_bound(const model::Norm& n) const;
    SummaryPart part_of(const model::Norm& n) const;
    const std::string& group_of(const std::string& topic) const;
    Bodies statement_bodies(const Phrased& p, const When& when);

    const model::Model& model_;
    const SummaryQuery& query_;
    const text::Catalogue& msg_;
    std::unique_ptr<icu::ListFormatter> list_;
    std::unique_ptr<icu::Collator> collator_;
    std::optional<int> majority_;
    std::set<std::string> notes_;
    std::map<std::pair<std::string, std::string>, Pending> pending_;  ///< by topic and body
    std::map<std::string, Split> splits_;                            ///< by topic and sentence without its list
};

std::optional<int> Builder::majority_age() const {
    std::optional<int> age;
    for (const model::Norm& n : model_.norms) {
        if (n.topic != majority_topic || n.actor != child_actor || n.modality != model::Modality::power || !n.sole)
            continue;
        if (!n.age.from || !model::in_force(model_, n, query_.when)) continue;
        if (!age || n.age.from->age < *age) age = n.age.from->age;
    }
    return age;
}

std::vector<Phrased> Builder::select() const {
    // Thresholds are chosen exactly as `lovsjekk ages` chooses them; norms
    // without an age threshold apply at every age.
    AgesQuery all;
    all.when = query_.when;
    std::set<const model::Norm*> with_threshold;
    for (const Threshold& t : select_thresholds(model_, all)) with_threshold.insert(t.norm);
    std::vector<Phrased> out;
    auto ageless = [&] {
        for (const model::Norm& n : model_.norms)
            if (!with_threshold.contains(&n) && model::in_force(model_, n, query_.when)) out.push_back({&n, {}, {}});
    };
    if (query_.age) {
        AgesQuery q = all;
        q.age = query_.age;
        for (const Threshold& t : select_thresholds(model_, q)) out.push_back({t.norm, {}, {}});
        ageless();
    } else if (query_.born) {
        AgesQuery q = all;
        q.born = query_.born;
        // What applies to her now, and what she will reach later under today's law.
        for (const Threshold& t : select_thresholds(model_, q))
            if (t.applies || (t.from_date && query_.when.at < *t.from_date)) out.push_back({t.norm, t.from_date, t.to_date});
        ageless();
    } else if (query_.service) {
        for (const model::Norm& n : model_.norms) {
            if (!model::in_force(model_, n, query_.when)) continue;
            // A duty another body must see to ("sørge for at") is the service's work too.
            const bool bearer = n.actor == *query_.service || n.performer() == *query_.service;
            const bool owed = n.actor == child_actor && std::find(n.counterparts.begin(), n.counterparts.end(),
                                                                  *query_.service) != n.counterparts.end();
            if (bearer || owed) out.push_back({&n, {}, {}});
        }
    }
    std::erase_if(out, [&](const Phrased& p) { return !shown(*p.norm); });
    return out;
}

const std::string& Builder::group_of(const std::string& topic) const {
    static const std::string none;
    auto it = model_.topics.find(topic);
    return it != model_.topics.end() ? it->second.group : none;
}

// What a person at work needs: no powers to make regulations; duties to
// cooperate only in the service's own summary; no norm about a minor, a
// kindergarten child or a pupil in grunnskole past the age its subject
// implies (declared in the vocabulary).
bool Builder::shown(const model::Norm& n) const {
    if (std::find(regulation_makers.begin(), regulation_makers.end(), n.actor) != regulation_makers.end()) return false;
    if (!query_.service && group_of(n.topic) == cooperation_group) return false;
    return !past_subject_bound(n);
}

bool Builder::past_subject_bound(const model::Norm& n) const {
    // Its own upper age says how far it goes; "uansett alder" in a law about
    // minors is any age of a minor.
    if (query_.service) return false;
    const std::optional<model::Bound> bound = model::implied_upper_bound(model_, n, child_actor);
    if (!bound) return false;
    // The first age that is past the bound whatever her birthday: a school
    // year that starts the year she turns 15 may end after she turns 16.
    const int past = bound->nominal_years() + (bound->basis() == model::Basis::calendar_year ? 1
                                   : bound->basis() == model::Basis::school_year ? 2
                                                                                  : 0);
    if (query_.born) return !(query_.when.at < bound->date_for(*query_.born));
    return query_.age && *query_.age >= past;
}

SummaryPart Builder::part_of(const model::Norm& n) const {
    if (query_.service) return SummaryPart::none;
    const std::string& group = group_of(n.topic);
    if (n.actor == child_actor && group == "medvirkning") return SummaryPart::decides;
    if (n.actor != child_actor &&
        (n.modality == model::Modality::duty || group == "melding" || group == "samordning" || group == "oppfølging"))
        return SummaryPart::services;
    return SummaryPart::other;
}

bool Builder::adult_for(const model::Norm& n) const {
    if (!majority_) return false;
    if (query_.age) return *query_.age >= *majority_;
    if (query_.born) return age_on(*query_.born, query_.when.at) >= *majority_;
    return n.age.from && n.age.from->nominal_years() >= *majority_;
}

std::string Builder::child_word(const model::Norm& n) const {
    auto it = model_.actors.find(child_actor);
    if (it == model_.actors.end()) return "";
    for (const auto& [law, word] : it->second.aliases)
        if (law == n.law()) return keyword(word);
    return "";
}

std::string Builder::child_name(const model::Norm& n) const {
    return msg_.format("summary.child", {{"who", child_word(n)}, {"adult", yes_no(adult_for(n))}});
}

std::string Builder::service_name(const std::string& id) const {
    const std::string key = "actor." + id;
    if (msg_.has(key)) return msg_.format(key);
    auto it = model_.actors.find(id);
    return it != model_.actors.end() && !it->second.description.empty() ? it->second.description : id;
}

std::string Builder::actor_name(const std::string& id, const model::Norm& n, bool object) {
    if (id == child_actor) return child_name(n);
    // A duty toward others of one's own kind ("skolen" sharing with other schools).
    if (object && id == n.actor) return msg_.format("summary.same_actor", {{"actor", keyword(id)}});
    // A summary for one service speaks to it: "Dere skal …".
    if (query_.service && id == *query_.service) return msg_.format("summary.you", {{"object", yes_no(object)}});
    const std::string key = "actor." + id;
    if (msg_.has(key)) return msg_.format(key);
    notes_.insert("actor '" + id + "' has no name in the '" + msg_.lang() + "' catalogue; the vocabulary's description is used");
    auto it = model_.actors.find(id);
    return it != model_.actors.end() && !it->second.description.empty() ? it->second.description : id;
}

std::string Builder::topic_title(const std::string& id) {
    const std::string key = "topic." + id;
    if (msg_.has(key)) return msg_.format(key);
    notes_.insert("topic '" + id + "' has no heading in the '" + msg_.lang() + "' catalogue; the vocabulary's description is used");
    auto it = model_.topics.find(id);
    return it != model_.topics.end() && !it->second.description.empty() ? it->second.description : id;
}

bool Builder::less(const std::string& a, const std::string& b) const {
    if (!collator_) return a < b;
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r = collator_->compareUTF8(a, b, status);
    return r != UCOL_EQUAL ? r == UCOL_LESS : a < b;  // ties broken by bytes, for byte-stable output
}

std::string Builder::join(const std::vector<std::string>& items) const {
    if (items.empty()) return "";
    if (!list_) {
        std::string s = items.front();
        for (std::size_t i = 1; i < items.size(); ++i) s += ", " + items[i];
        return s;
    }
    std::vector<icu::UnicodeString> u;
    for (const auto& i : items) u.push_back(icu::UnicodeString::fromUTF8(i));
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    list_->format(u.data(), static_cast<int32_t>(u.size()), out, status);
    return utf8(out);
}

// `self`: the child herself is the sentence's subject, so "fra 15 år" is
// enough; otherwise the age is said of her ("når barnet har fylt 15 år").
std::string Builder::bound_text(const model::Bound& b, const model::Norm& n, bool self) const {
    if (b.unit != model::AgeUnit::years)
        return msg_.format(b.is_lower() ? "summary.bound.from_amount" : "summary.bound.to_amount",
                           {{"unit", model::unit_name(b.unit)},
                            {"age", std::int64_t{b.age}},
                            {"child", child_name(n)},
                            {"self", yes_no(self)}});
    return msg_.format(b.is_lower() ? "summary.bound.from" : "summary.bound.to",
                       {{"basis", model::basis_name(b.basis())},
                        {"wording", model::wording_text(b.wording)},
                        {"age", std::int64_t{b.age}},
                        {"child", child_name(n)},
                        {"self", yes_no(self)}});
}

// `self`: the sentence is about the child herself, so the age can be short
// and go last ("Barnet har rett til … fra 12 år"). Otherwise it is a clause
// about her that goes first ("Når barnet er under 18 år, skal skolen …"),
// where at the end it could be read as someone else's age.
When Builder::when_text(const Phrased& p, bool self) const {
    const model::Norm& n = *p.norm;
    const model::AgeInterval& a = n.age;
    When w;
    if (!a.specified) return w;
    if (a.regardless) {
        w.text = msg_.format("summary.when.any");
        return w;
    }
    const std::string child = child_name(n);
    std::string bounds;
    bool dates = false;
    if (query_.born && (p.from_date || p.to_date)) {
        // For one child: the days themselves. `to_date` is the first day
        // the norm no longer applies, so the last day is the one before.
        dates = true;
        if (p.from_date && p.to_date)
            bounds = msg_.format("summary.date.range",
                                 {{"from_day", *p.from_date}, {"last_day", p.to_date->add_days(-1)}});
        else if (p.from_date)
            bounds = msg_.format("summary.date.from", {{"from_day", *p.from_date}});
        else
            bounds = msg_.format("summary.date.to", {{"last_day", p.to_date->add_days(-1)}});
    } else if (a.from && a.to && a.from->basis() == a.to->basis() && a.from->basis() != model::Basis::school_year &&
               a.from->unit == model::AgeUnit::years && a.to->unit == model::AgeUnit::years) {
        // "over 15 år" keeps the statute's word ("over 15 og under 18 år"), never "fra 15".
        const bool over = a.from->wording == model::Wording::over;
        bounds = msg_.format(a.from->basis() != model::Basis::birthday ? "summary.when.years"
                             : over                                     ? "summary.when.over_range"
                                                                        : "summary.when.range",
                             {{"from", std::int64_t{a.from->age}},
                              {"to", std::int64_t{a.to->age}},
                              // [from, to) by birthday: the last year of age in it ("til og med 17 år")
                              {"last", std::int64_t{a.to->age - 1}},
                              {"child", child},
                              {"self", yes_no(self)}});
    } else if (a.from && a.to) {
        bounds = msg_.format("summary.when.both",
                             {{"lower", bound_text(*a.from, n, self)}, {"upper", bound_text(*a.to, n, self)}});
    } else if (a.from) {
        bounds = bound_text(*a.from, n, self);
    } else if (a.to) {
        bounds = bound_text(*a.to, n, self);
    }
    // A comma follows the age in front when it ends in a clause: "Når barnet
    // er under 18 år, skal …", "Fra det året eleven fyller 6, har …", but
    // "Fra 12 år har …" and "Fra 1. mars 2030 har …".
    const model::Bound* last = a.to ? &*a.to : a.from ? &*a.from : nullptr;
    w.clause = !dates && (!self || (last && last->basis() != model::Basis::birthday));
    if (!a.maturity) {
        w.text = bounds;
        return w;
    }
    const MessageArgs args = {{"bounds", bounds}, {"child", child}, {"who", child_word(n)},
                              {"adult", yes_no(adult_for(n))}, {"self", yes_no(self)}};
    w.clause = true;  // "… når barnet er modent nok,"
    if (bounds.empty()) w.text = msg_.format("summary.when.mature", args);
    else w.text = msg_.format(a.maturity_lowers_floor ? "summary.when.mature_earlier" : "summary.when.mature_also", args);
    return w;
}

std::string Builder::provision_text(const std::vector<const model::Citation*>& citations) const {
    // Citations of one section that differ only in the ledd, or of one ledd
    // that differ only in the punktum, are cited once, as lawyers write them:
    // "bvl § 15-8 første og tredje ledd", "fvl § 17 første ledd andre og
    // tredje punktum". A letter or a number keeps a citation on its own.
    struct Group {
        const model::Citation* first = nullptr;
        std::vector<int> parts;  ///< the ledds, or with a punktum the punktums
    };
    std::vector<Group> groups;
    std::set<std::string> seen;
    for (const model::Citation* c : citations) {
        if (!seen.insert(c->text() + (c->see_also ? "/jf" : "")).second) continue;
        const bool mergeable = (c->ledd || c->punktum) && !c->letter && !c->nummer;
        const int part = c->punktum ? *c->punktum : c->ledd.value_or(0);
        auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) {
            const model::Citation& f = *g.first;
            return mergeable && !g.parts.empty() && f.law == c->law && f.section == c->section &&
                   f.section_last == c->section_last && f.see_also == c->see_also &&
                   f.punktum.has_value() == c->punktum.has_value() && (!c->punktum || f.ledd == c->ledd);
        });
        if (same != groups.end()) same->parts.push_back(part);
        else groups.push_back({c, mergeable ? std::vector<int>{part} : std::vector<int>{}});
    }
    auto ordinals = [&](const std::vector<int>& numbers) {
        std::vector<std::string> words;
        for (int n : numbers) words.push_back(msg_.format("summary.ordinal", {{"n", std::int64_t{n}}}));
        return join(words);
    };
    auto numerals = [&](const std::vector<int>& numbers) {
        std::vector<std::string> words;
        for (int n : numbers) words.push_back(std::to_string(n));
        return join(words);
    };
    std::vector<std::pair<std::string, const Group*>> texts;
    for (const Group& g : groups) {
        const model::Citation& c = *g.first;
        std::vector<int> ledds, punktums;
        if (c.punktum) {
            if (c.ledd) ledds = {*c.ledd};
            punktums = g.parts.empty() ? std::vector<int>{*c.punktum} : g.parts;
        } else if (c.ledd) {
            ledds = g.parts.empty() ? std::vector<int>{*c.ledd} : g.parts;
        }
        const std::string text = msg_.format(
            "summary.citation",
            {{"law", c.law},
             {"section", c.section},
             {"place", model::place_text(c.section)},
             {"range", yes_no(c.section_last.has_value())},
             {"last", c.section_last.value_or("")},
             {"has_ledd", yes_no(!ledds.empty())},
             {"ledd", ordinals(ledds)},
             // An article's numbered paragraphs are its ledd in the index: "art. 8 nr. 1".
             {"article", yes_no(model::is_article_section(c.section))},
             {"ledd_numbers", numerals(ledds)},
             {"ledd_count", static_cast<std::int64_t>(ledds.size())},
             {"punktum_count", static_cast<std::int64_t>(punktums.size())},
             {"has_punktum", yes_no(!punktums.empty())},
             {"punktum", ordinals(punktums)},
             {"has_letter", yes_no(c.letter.has_value())},
             {"letter", c.letter.value_or("")},
             {"has_nummer", yes_no(c.nummer.has_value())},
             {"nummer", std::int64_t{c.nummer.value_or(0)}},
             {"see_also", yes_no(c.see_also)}});
        texts.emplace_back(text, &g);
    }
    // Sorted as a reader looks them up: by law, then section (numerically).
    std::stable_sort(texts.begin(), texts.end(), [&](const auto& a, const auto& b) {
        const model::Citation& x = *a.second->first;
        const model::Citation& y = *b.second->first;
        if (x.see_also != y.see_also) return !x.see_also;  // "jf." last
        if (x.law != y.law) return less(x.law, y.law);
        return less(a.first, b.first);
    });
    std::string out;
    for (const auto& [text, group] : texts) out += (out.empty() ? "" : "; ") + text;
    return out;
}

void Builder::add(const std::string& topic, const Bodies& bodies, const Phrased& phrased) {
    const model::Norm& n = *phrased.norm;
    const SummaryPart part = part_of(n);
    // The part is in the key: in one topic, what the child decides and what a
    // service must do stand in different parts of the summary.
    Pending& p = pending_[{std::string(1, static_cast<char>('0' + static_cast<int>(part))) + topic, bodies.plain}];
    const bool first = p.rules.empty();
    p.topic = topic;
    p.part = part;
    p.body = bodies.plain;
    p.conditional_body = bodies.conditional;
    p.own_words = bodies.own_words;
    p.weight = !bodies.with_conditions;
    // Conditions are quoted under the sentence; a norm that holds without
    // any means the sentence holds without any.
    if (n.conditions.empty() || !bodies.with_conditions) p.conditional = false;
    if (p.conditional)
        for (const model::Condition& c : n.conditions)
            if (std::none_of(p.conditions.begin(), p.conditions.end(),
                             [&c](const model::Condition& seen) { return seen.text == c.text; }))
                p.conditions.push_back(c);
    if (!p.conditional) p.conditions.clear();
    if (query_.born && bodies.own_words && first && (phrased.from_date || phrased.to_date)) {
        // The author's sentence says the age; for one child the days are added.
        const When w = when_text(phrased, true);
        if (!w.text.empty()) p.details.push_back(capitalise(w.text));
    }
    for (const model::Citation& c : n.sources) p.citations.push_back(&c);
    p.rules.insert(n.id);
}

void Builder::add_norm(const Phrased& p) {
    const model::Norm& n = *p.norm;
    // A power over a list is not a power over each ("hvem av barnevernet og
    // Nav som har hovedansvaret"): its list stays whole.
    const bool own = query_.service && n.actor == *query_.service;
    const Bodies whole = phrase(p, n.counterparts);
    const bool take_apart = whole.take_apart && n.modality != model::Modality::power &&
                       (n.counterparts.size() > max_listed || (own && n.counterparts.size() > 1));
    if (!take_apart) {
        add(n.topic, whole, p);
        return;
    }
    // A long list of counterparts is taken apart and put together again once
    // every norm is in (see regroup()): the key is the sentence with the
    // list left out, so norms that say the same of the same bearer meet.
    const std::string key = n.topic + '\n' + phrase(p, {}, true).plain;
    Split& split = splits_[key];
    split.topic = n.topic;
    for (const std::string& c : n.counterparts) {
        if (!split.norms.contains(c)) split.order.push_back(c);
        split.norms[c].push_back(p);
    }
}

void Builder::regroup() {
    for (auto& key_split : splits_) {
        auto& split = key_split.second;  // no structured binding: clang < 16 cannot capture one
        // In a service's own summary each counterpart gets a sentence of its
        // own ("Dere skal samarbeide med Nav"), with every provision that
        // names it: short sentences that say toward whom. Elsewhere the counterparts that the same norms name
        // share one sentence, and those named by other norms as well get
        // their own, with all their provisions.
        std::vector<std::vector<std::string>> groups;
        for (const std::string& c : split.order) {
            auto same = std::find_if(groups.begin(), groups.end(), [&](const std::vector<std::string>& g) {
                if (query_.service) return false;
                const auto& a = split.norms.at(g.front());
                const auto& b = split.norms.at(c);
                return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Phrased& x,
                                                                                          const Phrased& y) {
                           return x.norm == y.norm;
                       });
            });
            if (same != groups.end()) same->push_back(c);
            else groups.push_back({c});
        }
        for (const auto& group : groups) {
            const std::vector<Phrased>& norms = split.norms.at(group.front());
            for (const Phrased& p : norms) {
                add(split.topic, phrase(p, group), p);
            }
        }
    }
}

/// A sentence the author wrote ends without its full stop: the citation follows.
std::string without_full_stop(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    return s;
}

Builder::Bodies Builder::phrase(const Phrased& p, const std::vector<std::string>& counterparts, bool keyed) {
    const model::Norm& n = *p.norm;
    // First the rule author's own sentence in this language: it keeps the
    // provision's verb and object, which no topic phrase can.
    if (auto own = n.plain().find(msg_.lang()); own != n.plain().end()) {
        Bodies b;
        b.plain = b.conditional = capitalise(without_full_stop(own->second));
        b.own_words = true;
        b.take_apart = false;
        return b;
    }
    std::vector<std::string> others;
    bool to_child = false;
    for (const std::string& c : counterparts) {
        others.push_back(actor_name(c, n, true));
        to_child = to_child || c == child_actor;
    }
    const bool self = n.actor == child_actor;
    const When when = when_text(p, self);
    // Then, in Norwegian, the rule's own statement: its modality and its
    // words, which say what the provision says. A topic phrase lists the
    // counterparts of a duty to cooperate with several services, and says it in English.
    const std::string act_key = "act." + n.topic;
    const bool listing = group_of(n.topic) == cooperation_group && n.counterparts.size() > 1;
    // "X skal sørge for at Y …": a topic phrase is Y's sentence, and a clause
    // names X (the rule's own statement already says both).
    const std::string& doer = n.acting_actor();
    MessageArgs args = {{"subject", actor_name(doer, n, false)},
                        {"actor", keyword(doer)},
                        {"modality", model::modality_name(n.modality)},
                        {"sole", yes_no(n.sole)},
                        // A key leaves the list out but says that there is one.
                        {"others", keyed ? std::string("\x01") : join(others)},
                        {"has_others", yes_no(keyed || !others.empty())},
                        {"to_child", yes_no(to_child)},
                        {"child", child_name(n)},
                        {"who", child_word(n)},
                        {"adult", yes_no(adult_for(n))},
                        {"when", when.text},
                        {"has_when", yes_no(!when.text.empty())},
                        {"comma", yes_no(when.clause)},
                        {"you", yes_no(query_.service && doer == *query_.service)},
                        {"cond", "no"}};
    const std::string act = msg_.has(act_key) ? msg_.format(act_key, args) : std::string();
    if (!listing && (msg_.lang() != "en" || act.empty())) return statement_bodies(p, when);
    args.emplace_back("act", act);
    Bodies b;
    b.plain = capitalise(msg_.format("summary.sentence", args));
    if (!n.performer().empty())
        b.plain += msg_.format("summary.ensured_by", {{"bearer", actor_name(n.actor, n, false)}});
    b.conditional = b.plain;
    return b;
}

// "Fra 16 år har pasienten rett til å samtykke til helsehjelp": the rule's
// modality words as written, the subject after the first of them when the
// age stands first (Norwegian word order), and the rule's own words.
Builder::Bodies Builder::statement_bodies(const Phrased& p, const When& when) {
    const model::Norm& n = *p.norm;
    std::string words;
    const std::string& st = n.statement;
    if (st.size() >= n.actor.size() + n.action.size() && st.compare(0, n.actor.size(), n.actor) == 0) {
        words = st.substr(n.actor.size(), st.size() - n.actor.size() - n.action.size());
        while (!words.empty() && words.front() == ' ') words.erase(words.begin());
        while (!words.empty() && words.back() == ' ') words.pop_back();
    }
    const auto space = words.find(' ');
    const std::string verb = words.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : words.substr(space + 1);
    const MessageArgs args = {{"subject", actor_name(n.actor, n, false)},
                              {"words", words},
                              {"verb", verb},
                              {"rest", rest},
                              {"has_rest", yes_no(!rest.empty())},
                              {"action", n.action},
                              // "skal, ved enhver som …": no space before the action's own comma
                              {"sep", n.action.starts_with(",") ? "" : " "},
                              {"when", when.text},
                              {"has_when", yes_no(!when.text.empty())},
                              {"comma", yes_no(when.clause)}};
    Bodies b;
    b.plain = b.conditional = capitalise(msg_.format("summary.statement", args));
    b.take_apart = false;
    return b;
}

void Builder::add_weight(const Phrased& p) {
    const model::Norm& n = *p.norm;
    if (!n.weight || n.actor != child_actor) return;
    std::string when;
    if (n.weight->from_age) {
        if (query_.born) {
            model::Bound b{*n.weight->from_age, model::Wording::fylt};
            when = msg_.format("summary.date.from", {{"from_day", b.date_for(*query_.born)}});
        } else {
            when = msg_.format("summary.bound.from", {{"basis", "birthday"}, {"wording", "fra"},
                                                      {"age", std::int64_t{*n.weight->from_age}},
                                                      {"child", child_name(n)},
                                                      {"self", "yes"}});
        }
    }
    const char* level = n.weight->level == model::WeightLevel::great      ? "great"
                        : n.weight->level == model::WeightLevel::decisive ? "decisive"
                                                                          : "age_and_maturity";
    const std::string body = msg_.format("summary.weight", {{"gen", msg_.format("summary.genitive",
                                                                                {{"who", child_word(n)},
                                                                                 {"adult", yes_no(adult_for(n))}})},
                                                            {"child", child_name(n)},
                                                            {"comma", "no"},
                                                            {"level", level},
                                                            {"when", when},
                                                            {"has_when", yes_no(!when.empty())}});
    Bodies b;
    b.plain = b.conditional = capitalise(body);
    b.take_apart = false;
    b.with_conditions = false;
    add(n.topic, b, p);
}

void Builder::mark_changes(Summary& s) const {
    if (query_.text_changes.empty()) return;
    std::vector<SummarySentence*> sentences;
    for (SummarySection& section : s.sections)
        for (SummarySentence& sentence : section.sentences) {
            sentences.push_back(&sentence);
            for (SummarySentence& e : sentence.exceptions) sentences.push_back(&e);
        }
    auto says = [](const SummarySentence& sentence, const std::string& rule) {
        return std::find(sentence.rules.begin(), sentence.rules.end(), rule) != sentence.rules.end();
    };
    // One entry per change of a provision, whichever norms cite it.
    for (const check::TextChange& c : query_.text_changes) {
        if (std::none_of(sentences.begin(), sentences.end(), [&](const SummarySentence* x) { return says(*x, c.rule); }))
            continue;
        auto same = [&](const SummaryChange& x) {
            return x.provision == c.provision && x.kind == c.kind && x.act == c.act && x.in_force == c.in_force;
        };
        auto it = std::find_if(s.changes.begin(), s.changes.end(), same);
        if (it == s.changes.end()) it = s.changes.insert(s.changes.end(), {0, c.provision, c.kind, c.act, c.in_force, {}});
        if (std::find(it->rules.begin(), it->rules.end(), c.rule) == it->rules.end()) it->rules.push_back(c.rule);
    }
    std::sort(s.changes.begin(), s.changes.end(), [&](const SummaryChange& a, const SummaryChange& b) {
        if (a.provision != b.provision) return less(a.provision, b.provision);
        return std::tie(a.in_force, a.act, a.kind) < std::tie(b.in_force, b.act, b.kind);
    });
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        SummaryChange& change = s.changes[i];
        change.marker = static_cast<int>(i + 1);
        std::sort(change.rules.begin(), change.rules.end());
        for (SummarySentence* sentence : sentences)
            if (std::any_of(change.rules.begin(), change.rules.end(), [&](const std::string& r) { return says(*sentence, r); }))
                sentence->changes.push_back(change.marker);
    }
}

Summary Builder::build() {
    Summary s;
    s.lang = msg_.lang();
    if (query_.age) {
        const MessageArgs args = {{"age", std::int64_t{*query_.age}},
                                  {"adult", yes_no(majority_ && *query_.age >= *majority_)},
                                  {"at", query_.when.at}};
        s.title = msg_.format("summary.title.age", args);
        s.intro = msg_.format("summary.intro.age", args);
    } else if (query_.service) {
        const MessageArgs args = {{"service", service_name(*query_.service)}, {"at", query_.when.at}};
        s.title = capitalise(msg_.format("summary.title.service", args));
        s.intro = capitalise(msg_.format("summary.intro.service", args));
    } else if (query_.born) {
        const int age = age_on(*query_.born, query_.when.at);
        const MessageArgs args = {{"born", *query_.born},
                                  {"age", std::int64_t{age}},
                                  {"adult", yes_no(majority_ && age >= *majority_)},
                                  {"at", query_.when.at}};
        s.title = msg_.format("summary.title.born", args);
        s.intro = msg_.format("summary.intro.born", args);
    }

    s.statute_text_date = query_.statute_text_date;
    if (s.statute_text_date) s.intro += " " + msg_.format("summary.intro.text", {{"text_date", *s.statute_text_date}});

    for (const Phrased& p : select()) {
        add_norm(p);
        add_weight(p);
    }
    regroup();

    auto less = [this](const std::string& a, const std::string& b) { return this->less(a, b); };

    // A norm declared an exception from another (`unntak fra`) is said under
    // its main rule when both are in the summary.
    std::map<std::string, const Pending*> sentence_of_rule;
    for (const auto& [key, p] : pending_)
        for (const std::string& r : p.rules) sentence_of_rule.emplace(r, &p);
    auto main_rule_of = [&](const Pending& p) -> const Pending* {
        for (const std::string& r : p.rules) {
            const model::Norm* n = model_.find_norm(r);
            if (!n) continue;
            for (const std::string& target : n->exceptions) {
                auto it = sentence_of_rule.find(target);
                if (it != sentence_of_rule.end() && it->second != &p) return it->second;
            }
        }
        return nullptr;
    };
    auto sentence_of = [&](const Pending& p) {
        SummarySentence sentence;
        sentence.provision = provision_text(p.citations);
        sentence.text = msg_.format("summary.cited", {{"body", p.conditional ? p.conditional_body : p.body},
                                                      {"provision", sentence.provision}});
        sentence.rules.assign(p.rules.begin(), p.rules.end());
        sentence.details = p.details;
        sentence.weight = p.weight;
        if (!p.own_words)
            for (const model::Condition& c : p.conditions)
                sentence.details.push_back(msg_.format(
                    "summary.condition", {{"text", without_full_stop(c.text)},
                                          {"maturity", c.kind == model::ConditionKind::maturity ? "yes" : "no"}}));
        return sentence;
    };
    // For an age or a child, an exception whose main rules do not apply at
    // this age has nothing to make an exception from ("kan likevel selv si opp"
    // once the minor's general incapacity has ended): it is left out.
    auto orphan = [&](const Pending& p) {
        if (query_.service) return false;
        for (const std::string& r : p.rules) {
            const model::Norm* n = model_.find_norm(r);
            if (!n || n->exceptions.empty()) return false;
            for (const std::string& target : n->exceptions)
                if (sentence_of_rule.contains(target) || !model_.find_norm(target)) return false;
        }
        return true;
    };
    std::map<const Pending*, std::vector<SummarySentence>> exceptions;
    std::set<const Pending*> placed;
    for (const auto& [key, p] : pending_)
        if (orphan(p)) placed.insert(&p);
    for (const auto& [key, p] : pending_)
        if (const Pending* main = main_rule_of(p); main && !main_rule_of(*main) && !placed.contains(main)) {
            exceptions[main].push_back(sentence_of(p));
            placed.insert(&p);
        }

    std::map<std::pair<SummaryPart, std::string>, SummarySection> sections;
    for (auto& [key, p] : pending_) {
        if (placed.contains(&p)) continue;
        SummarySection& section = sections[{p.part, p.topic}];
        if (section.topic.empty()) {
            section.topic = p.topic;
            section.part = p.part;
            section.title = capitalise(topic_title(p.topic));
        }
        SummarySentence sentence = sentence_of(p);
        if (auto e = exceptions.find(&p); e != exceptions.end()) {
            sentence.exceptions = e->second;
            std::sort(sentence.exceptions.begin(), sentence.exceptions.end(),
                      [&](const SummarySentence& a, const SummarySentence& b) { return less(a.text, b.text); });
        }
        section.sentences.push_back(std::move(sentence));
    }
    for (auto& [id, section] : sections) {
        std::sort(section.sentences.begin(), section.sentences.end(),
                  [&](const SummarySentence& a, const SummarySentence& b) { return less(a.text, b.text); });
        s.sections.push_back(std::move(section));
    }
    // Within a part: what the child decides alone first, then what she may
    // consent to or refuse; duties to report and to coordinate before other
    // duties; then the order of the vocabulary's groups.
    auto strength = [&](const SummarySection& x) {
        int best = 9;
        for (const SummarySentence& sentence : x.sentences)
            for (const std::string& r : sentence.rules)
                if (const model::Norm* n = model_.find_norm(r)) {
                    const int m = n->modality == model::Modality::power      ? 0
                                  : n->modality == model::Modality::right    ? 1
                                  : n->modality == model::Modality::must_not ? 2
                                                                             : 3;
                    best = std::min(best, m);
                }
        return best;
    };
    auto rank = [&](const SummarySection& x) {
        const std::string& group = group_of(x.topic);
        if (x.part == SummaryPart::decides) return strength(x);
        if (x.part == SummaryPart::services) {
            static constexpr std::array<std::string_view, 3> contact = {"melding", "oppfølging", "samordning"};
            const auto it = std::find(contact.begin(), contact.end(), group);
            if (it != contact.end()) return static_cast<int>(it - contact.begin());
            return 10 + group_rank(group);
        }
        return group_rank(group);
    };
    std::sort(s.sections.begin(), s.sections.end(), [&](const SummarySection& a, const SummarySection& b) {
        if (a.part != b.part) return a.part < b.part;
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return less(a.title, b.title);
    });

    mark_changes(s);

    // LIX over what a reader reads as prose: the intro, every sentence and
    // the closing reminder; headings and the LIX line itself are not prose.
    std::string prose = s.intro + "\n";
    for (const SummarySection& section : s.sections)
        for (const SummarySentence& sentence : section.sentences) {
            // The conditions under a sentence quote the statute; LIX measures our own words.
            prose += sentence.text + "\n";
            for (const SummarySentence& e : sentence.exceptions) prose += e.text + "\n";
        }
    if (s.sections.empty()) prose += msg_.format("summary.empty") + "\n";
    prose += msg_.format("summary.footer") + "\n";
    s.lix = text::count_lix(prose, s.lang);
    s.notes.assign(notes_.begin(), notes_.end());
    return s;
}

}  // namespace

const char* child_actor_id() { return child_actor; }

const char* part_name(SummaryPart part) {
    switch (part) {
        case SummaryPart::decides: return "decides";
        case SummaryPart::services: return "services";
        case SummaryPart::other: return "other";
        case SummaryPart::none: break;
    }
    return "none";
}

const char* lix_band(double lix) {
    if (lix < 30) return "very_easy";
    if (lix < 40) return "easy";
    if (lix < 50) return "medium";
    if (lix < 60) return "hard";
    return "very_hard";
}

Summary build_summary(const model::Model& model, const SummaryQuery& query, const text::Catalogue& messages) {
    return Builder(model, query, messages).build();
}

}  // namespace lovsjekk::report
