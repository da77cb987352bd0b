// reference: a rule is only trustworthy if what it cites exists, is in force
// on the date asked about, and says what the rule claims it says.
#include "check/finding.hpp"
#include "base/kinds.hpp"
#include "corpus/corpus.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace lovsjekk::check {

namespace {

Diagnostic reference(const Context& ctx, const model::Norm& n, const model::Citation& c, Severity severity,
                     Key message_key, MessageArgs args, const std::string& id_part) {
    Diagnostic d = make_finding(ctx, kinds::reference, n, {}, message_key, std::move(args), id_part + "|" + c.text());
    d.severity = severity;
    d.span = c.span;
    return d;
}

/// A period's ends for a message; "…" for an open end.
std::string period_end(const std::optional<Date>& d) { return d ? d->iso() : std::string("…"); }

// A rule dated outside its own law's declared period.
void norm_outside_law(const Context& ctx, const model::Norm& n, std::vector<Diagnostic>& out) {
    const model::Law* law = ctx.cited_law(n.law()).declared;
    if (!law || n.validity.pending || law->validity.pending) return;
    // A norm without dates of its own follows its law; only explicit dates
    // outside the law's period contradict it.
    const bool starts_early = n.validity.from && law->validity.from && *n.validity.from < *law->validity.from;
    const bool ends_late = n.validity.to && law->validity.to && *law->validity.to < *n.validity.to;
    const bool starts_after_repeal = n.validity.from && law->validity.to && *law->validity.to < *n.validity.from;
    if (!starts_early && !ends_late && !starts_after_repeal) return;
    Diagnostic d = make_finding(ctx, kinds::reference, n, {}, "finding.reference.norm_outside_law",
                                {{"rule", rule_text(ctx, n, RuleText::Of::id)},
                                 {"from", period_end(n.validity.from)},
                                 {"to", period_end(n.validity.to)},
                                 {"law", law->short_name},
                                 {"law_from", period_end(law->validity.from)},
                                 {"law_to", period_end(law->validity.to)}},
                                "norm-outside-law");
    d.severity = Severity::error;
    d.span = n.span;
    d.notes = {{law->span, {}, "finding.note.law_dates", {}}};
    out.push_back(std::move(d));
}

/// The statute's own age phrases, each once, in the order met.
std::vector<std::string> ages_in(const std::vector<corpus::AgeMention>& mentions) {
    std::vector<std::string> phrases;
    std::set<std::string> seen;
    for (const auto& m : mentions)
        if (seen.insert(m.phrase).second) phrases.push_back("«" + m.phrase + "»");
    return phrases;
}

/// Whether the statute's wording fits the way the rule counts the bound.
bool wording_fits(const model::Bound& b, const corpus::AgeMention& m) {
    using W = model::Wording;
    using CW = corpus::AgeWording;
    // "mellom 18 og 55 år" may end before the 55th or the 56th birthday: both readings fit.
    // The index reads ages in years only ("fyller seks måneder" is skipped):
    // an age in months or days is never borne out by it (say `avledet`).
    if (b.unit != model::AgeUnit::years) return false;
    const bool upper = !b.is_lower();
    const bool age_matches = m.age == b.age || (m.age2 && (*m.age2 == b.age || (upper && *m.age2 + 1 == b.age)));
    if (!age_matches) return false;
    switch (b.wording) {
        case W::fra: return m.wording != CW::calendar_year && m.wording != CW::school_year;
        // "ikke har fylt 18 år" is the bound from above: it does not state a floor.
        case W::fylt:
            return (m.wording == CW::fylt && !m.negated) || m.wording == CW::mellom || m.wording == CW::other;
        case W::over: return m.wording == CW::over || m.wording == CW::mellom;
        case W::til:
        case W::under:
            // "til barnet har fylt 18 år" and "ikke har fylt 18 år" both end at the birthday.
            return m.wording == CW::under || m.wording == CW::mellom || m.wording == CW::other ||
                   m.wording == CW::fylt;
        case W::fra_aaret:
        case W::til_og_med_aaret: return m.wording == CW::calendar_year;
        case W::fra_skoleaaret:
        case W::ut_skoleaaret: return m.wording == CW::school_year || m.wording == CW::calendar_year;
    }
    return false;
}

// The text cross-check: the provisions a rule cites, taken together, mention
// each of its ages in a wording that fits the rule's basis, unless the rule
// says where the age comes from instead (`avledet`).
std::vector<corpus::AgeMention> mentions_in(const model::Citation& c, const corpus::Section& section) {
    std::vector<corpus::AgeMention> mentions;
    if (c.ledd) {
        const corpus::Ledd* ledd = section.find_ledd(*c.ledd);
        if (!ledd) return mentions;
        if (c.letter) {
            if (const corpus::Point* p = ledd->find_point(*c.letter)) mentions = p->age_mentions;
            // The ledd's own words ("barn som har fylt …") govern its points too.
            mentions.insert(mentions.end(), ledd->age_mentions.begin(), ledd->age_mentions.end());
        } else {
            mentions = ledd->all_age_mentions();
        }
    } else {
        for (const corpus::Ledd& l : section.ledd) {
            auto all = l.all_age_mentions();
            mentions.insert(mentions.end(), all.begin(), all.end());
        }
    }
    return mentions;
}

struct CitedText {
    const model::Citation* citation;
    std::vector<corpus::AgeMention> mentions;
};

void cross_check_text(const Context& ctx, const model::Norm& n, const std::vector<CitedText>& cited,
                      std::vector<Diagnostic>& out) {
    if (!n.derived().empty() || !n.age.specified || n.age.regardless || cited.empty()) return;
    // The index holds today's wording: a version that has ended may have said otherwise.
    if (n.validity.to) return;
    std::vector<model::Bound> bounds;
    if (n.age.from) bounds.push_back(*n.age.from);
    if (n.age.to) bounds.push_back(*n.age.to);
    std::vector<corpus::AgeMention> mentions;
    for (const CitedText& c : cited) mentions.insert(mentions.end(), c.mentions.begin(), c.mentions.end());
    // Worded only for a finding: most rules' ages fit their text.
    std::optional<std::string> where;
    std::vector<std::string> found;
    const model::Citation& first = *cited.front().citation;
    for (const model::Bound& b : bounds) {
        const bool fits = std::any_of(mentions.begin(), mentions.end(),
                                      [&](const corpus::AgeMention& m) { return wording_fits(b, m); });
        if (fits) continue;
        const bool same_age = b.unit == model::AgeUnit::years &&
                              std::any_of(mentions.begin(), mentions.end(), [&](const corpus::AgeMention& m) {
            return m.age == b.age || (m.age2 && *m.age2 == b.age);
        });
        if (!where) {
            std::vector<std::string> citations;
            for (const CitedText& c : cited) citations.push_back(c.citation->text());
            where = comma_list(citations);
            found = ages_in(mentions);
        }
        // The rule's own wording, as the statute would write it.
        const std::string written = model::bound_text(b);
        out.push_back(reference(ctx, n, first, Severity::warning,
                                same_age ? Key("finding.reference.text_age_worded")
                                         : Key("finding.reference.text_age_missing"),
                                {{"age", std::int64_t{b.age}},
                                 {"written", written},
                                 {"where", *where},
                                 {"mentions", comma_list(found)},
                                 {"has_mentions", found.empty() ? "no" : "yes"}},
                                "text-age-" + std::to_string(b.age) + (b.unit == model::AgeUnit::years ? "" : model::unit_name(b.unit))));
    }
}

// ---- Citations below the ledd, laws missing from the index (issue 19) ----

/// The points a citation's bokstav or nummer is looked up in: the cited
/// ledd's, or, without a ledd, every ledd's.
std::vector<const corpus::Point*> points_cited_in(const model::Citation& c, const corpus::Section& section) {
    std::vector<const corpus::Point*> points;
    for (const corpus::Ledd& l : section.ledd)
        if (!c.ledd || l.number == *c.ledd)
            for (const corpus::Point& p : l.points) points.push_back(&p);
    return points;
}

/// A bokstav or nummer the provision lacks (a ledd with points is checked
/// by the no_letter finding), or a punktum past the last sentence: the index
/// has both for every Lovdata text (not for hand-written entries).
bool missing_subdivision(const Context& ctx, const model::Citation& c, const corpus::Section& section,
                         const model::Norm& n, std::vector<Diagnostic>& out) {
    if (!section.hash || !section.ledd_complete) return false;
    const corpus::Ledd* ledd = c.ledd ? section.find_ledd(*c.ledd) : nullptr;
    if (c.ledd && !ledd) return false;
    for (const auto& [label, kind] : {std::pair{c.letter, "letter"}, std::pair{c.nummer ? std::optional<std::string>(std::to_string(*c.nummer)) : std::nullopt, "nummer"}}) {
        if (!label) continue;
        if (ledd && !ledd->points.empty() && std::string_view(kind) == "letter") continue;  // no_letter's case
        const std::vector<const corpus::Point*> points = points_cited_in(c, section);
        const std::string& wanted = *label;  // a structured binding cannot be captured before C++20 in clang
        if (std::any_of(points.begin(), points.end(), [&](const corpus::Point* p) { return p->label == wanted; }))
            continue;
        std::vector<std::string> labels;
        for (const corpus::Point* p : points) labels.push_back(p->label);
        out.push_back(reference(ctx, n, c, Severity::error, "finding.reference.no_point",
                                {{"provision", c.text()},
                                 {"kind", kind},
                                 {"label", *label},
                                 {"labels", comma_list(labels)},
                                 {"has_labels", labels.empty() ? "no" : "yes"}},
                                std::string("no-point-") + kind));
        return true;
    }
    if (!c.punktum || !ledd) return false;
    // With a point cited too, the punktum may be the ledd's ("andre punktum
    // bokstav a") or the point's ("bokstav a andre punktum"): either fits.
    std::optional<int> sentences = ledd->sentences;
    if (c.letter || c.nummer)
        if (const corpus::Point* point = ledd->find_point(c.letter ? *c.letter : std::to_string(*c.nummer));
            point && point->sentences)
            sentences = std::max(sentences.value_or(0), *point->sentences);
    if (!sentences || *c.punktum <= *sentences) return false;
    out.push_back(reference(ctx, n, c, Severity::error, "finding.reference.no_punktum",
                            {{"provision", c.text()}, {"punktum", std::int64_t{*c.punktum}},
                             {"punktum_count", std::int64_t{*sentences}}},
                            "no-punktum"));
    return true;
}

/// Lowercase ASCII and the name without a trailing "(2025)"-style remark,
/// for matching a declared law's name against the index's titles.
std::string title_key(std::string name) {
    if (auto paren = name.find(" ("); paren != std::string::npos) name.erase(paren);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return name;
}

/// Index laws whose short title, abbreviation or title matches the declared
/// law's name: the likely right id when the declared id is not indexed.
std::vector<std::string> laws_named_like(const corpus::Corpus& corpus, const model::Law& declared) {
    const std::string wanted = title_key(declared.name);
    std::vector<std::string> found;
    for (const corpus::Law* law : corpus.laws()) {
        const std::string short_title = title_key(law->short_title), title = title_key(law->title);
        const bool named = wanted == short_title || wanted == title_key(law->abbreviation) ||
                           (!wanted.empty() && title.find("(" + wanted + ")") != std::string::npos);
        // A hand-written stand-in may carry a wrong id itself: suggest the Lovdata text's.
        if (named && law->source == "lovdata" && law->id != declared.lovdata_id)
            found.push_back(law->id + " (" + (law->short_title.empty() ? law->title : law->short_title) + ")");
    }
    return found;
}

// A cited law the index lacks: one finding per law, at its first citation,
// with the index's laws of the same name.
void laws_not_indexed(const Context& ctx, std::vector<Diagnostic>& out) {
    std::map<std::string, std::pair<const model::Norm*, const model::Citation*>> first;
    std::map<std::string, std::int64_t> count;
    for (const model::Norm& norm : ctx.model.norms)
        for (const model::Citation& c : norm.sources) {
            const model::Norm* n = &norm;
            const CitedLaw& cited = ctx.cited_law(c.law);
            const model::Law* declared = cited.declared;
            if (!declared || cited.statute) continue;
            first.emplace(declared->short_name, std::pair{n, &c});
            ++count[declared->short_name];
        }
    for (const auto& [name, where] : first) {
        const model::Law& declared = *ctx.model.find_law(name);
        const std::vector<std::string> named = laws_named_like(*ctx.corpus, declared);
        out.push_back(reference(ctx, *where.first, *where.second, Severity::warning,
                                "finding.reference.law_not_indexed",
                                {{"law", declared.short_name},
                                 {"lovdata_id", declared.lovdata_id},
                                 {"n", count[name]},
                                 {"suggestion", comma_list(named)},
                                 {"has_suggestion", named.empty() ? "no" : "yes"}},
                                "law-not-indexed"));
    }
}

void check_citation(const Context& ctx, const model::Norm& n, const model::Citation& c, bool norm_in_force,
                    std::vector<CitedText>& cited, std::vector<Diagnostic>& out) {
    const CitedLaw& named = ctx.cited_law(c.law);
    const model::Law* declared = named.declared;
    const corpus::Law* law = named.statute;
    if (!declared) return;  // unknown law: reported when resolving
    if (!law) return;  // reported once per law by laws_not_indexed
    std::vector<std::string> numbers{c.section};
    if (c.section_last) numbers.push_back(*c.section_last);
    for (const std::string& number : numbers) {
        const corpus::Section* section = law->find_section(number);
        if (!section) {
            std::vector<std::string> near;
            for (const std::string& s : law->nearest_sections(number)) near.push_back(model::place_text(s));
            out.push_back(reference(ctx, n, c, law->sections_complete ? Severity::error : Severity::warning,
                                    "finding.reference.no_section",
                                    {{"law", declared->short_name},
                                     {"section", number},
                                     {"place", model::place_text(number)},
                                     {"complete", law->sections_complete ? "yes" : "no"},
                                     {"nearest", comma_list(near)},
                                     {"has_nearest", near.empty() ? "no" : "yes"}},
                                    "no-section-" + number));
            continue;
        }
        if (c.ledd && section->ledd_complete && !section->has_ledd(*c.ledd)) {
            out.push_back(reference(ctx, n, c, Severity::error, "finding.reference.no_ledd",
                                    {{"law", declared->short_name},
                                     {"section", number},
                                     {"place", model::place_text(number)},
                                     {"article", model::is_article_section(number) ? "yes" : "no"},
                                     {"ledd_count", static_cast<std::int64_t>(section->ledd.size())},
                                     {"ledd", std::int64_t{*c.ledd}}},
                                    "no-ledd"));
            continue;
        }
        if (missing_subdivision(ctx, c, *section, n, out)) continue;
        if (c.ledd && c.letter) {
            const corpus::Ledd* ledd = section->find_ledd(*c.ledd);
            if (ledd && !ledd->points.empty() && !ledd->has_point(*c.letter)) {
                std::vector<std::string> labels;
                for (const auto& p : ledd->points) labels.push_back(p.label);
                out.push_back(reference(ctx, n, c, Severity::error, "finding.reference.no_letter",
                                        {{"provision", c.short_text()},
                                         {"ledd", std::int64_t{*c.ledd}},
                                         {"letter", *c.letter},
                                         {"letters", comma_list(labels)}},
                                        "no-letter"));
                continue;
            }
        }
        // A rule in force today that cites a provision not in force today.
        if (norm_in_force && !c.see_also) {
            const bool law_in_force =
                law->in_force_on(ctx.when.at) || (law->awaiting_in_force() && ctx.when.assumes(declared->short_name));
            // Repealed on an unknown day: known to be gone only from the law's
            // last change in the index on; earlier, it may well have been in force.
            const bool repeal_date_unknown = section->repealed && !section->repealed_on &&
                                             (!law->last_change_in_force || ctx.when.at < *law->last_change_in_force);
            if (!law_in_force || (!section->in_force_on(ctx.when.at) && !repeal_date_unknown)) {
                std::vector<std::string> replacements;
                for (const auto* r : ctx.corpus->replacements_for(law->id, section->number)) {
                    const corpus::Law* to = ctx.corpus->find(r->to_law);
                    replacements.push_back((to && !to->abbreviation.empty() ? to->abbreviation : r->to_law) + " § " +
                                           r->to_section);
                }
                out.push_back(reference(ctx, n, c, Severity::warning, "finding.reference.not_in_force",
                                        {{"provision", c.text()},
                                         {"at", ctx.when.at.iso()},
                                         {"replacements", comma_list(replacements)},
                                         {"replaced", replacements.empty() ? "no" : "yes"}},
                                        "not-in-force"));
                continue;
            }
            // Hand-written entries carry no text facts (no hash): nothing to compare.
            if (section->hash) cited.push_back({&c, mentions_in(c, *section)});
        }
    }
}

// The dates a rule file declares for a law against the statute index.
void law_dates(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const auto& [name, declared] : ctx.model.laws) {
        const corpus::Law* law = ctx.corpus->find(declared.lovdata_id);
        if (!law) continue;
        const auto first = law->in_force_from();
        const char* problem = nullptr;
        if (declared.validity.pending && first && law->source == "lovdata") problem = "pending";
        else if (!declared.validity.pending && law->awaiting_in_force()) problem = "awaiting";
        else if (declared.validity.from && first && *declared.validity.from < *first) problem = "early";
        if (!problem) continue;
        Diagnostic d;
        d.kind = kinds::reference;
        d.severity = Severity::warning;
        d.span = declared.span;
        d.message_key = "finding.reference.law_dates";
        d.message_args = {{"problem", problem},
                          {"law", name},
                          {"lovdata_id", declared.lovdata_id},
                          {"from", declared.validity.from ? declared.validity.from->iso() : std::string()},
                          {"index_from", first ? first->iso() : std::string()},
                          {"in_force_text", law->in_force_text}};
        d.id = stable_id(d.kind, {"law-dates", name});
        out.push_back(std::move(d));
    }
}

/// The cited section in the index, when its law is a Lovdata text (hand-written
/// entries carry no history).
struct CitedSection {
    const model::Citation* citation;
    const corpus::Law* law;
    const corpus::Section* section;
};

std::vector<CitedSection> cited_sections(const Context& ctx, const model::Norm& n) {
    std::vector<CitedSection> out;
    for (const model::Citation& c : n.sources) {
        if (c.see_also) continue;
        const corpus::Law* law = ctx.cited_law(c.law).statute;
        if (!law || law->source != "lovdata") continue;
        std::vector<std::string> numbers{c.section};
        if (c.section_last) numbers.push_back(*c.section_last);
        for (const std::string& number : numbers)
            if (const corpus::Section* section = law->find_section(number)) out.push_back({&c, law, section});
    }
    return out;
}

std::string joined_dates(const std::vector<Date>& dates) {
    std::vector<std::string> iso;
    for (Date d : dates) iso.push_back(d.iso());
    return comma_list(iso);
}

// A rule's `gjelder fra` against the law's history: not before the provision
// existed, and on a day the law or the section changed. A version of a norm
// starts when the statute's wording does; any other day is worth a look.
void dates_against_history(const Context& ctx, const model::Norm& n, std::vector<Diagnostic>& out) {
    if (!n.validity.from) return;
    const Date from = *n.validity.from;
    const auto cited = cited_sections(ctx, n);
    if (cited.empty()) return;
    std::set<Date> candidates;
    for (const CitedSection& c : cited) {
        for (Date d : c.law->in_force) candidates.insert(d);
        if (c.section->in_force_from) candidates.insert(*c.section->in_force_from);
        for (const corpus::Amendment& a : c.section->amendments)
            if (a.in_force) candidates.insert(*a.in_force);
        // A start before the law itself is the law's own dates' finding
        // (norm_outside_law, law_dates); here, a section added later.
        const auto law_from = c.law->in_force_from();
        if (law_from && from < *law_from) return;
        const std::optional<Date> since = c.section->in_force_from;
        if (since && from < *since) {
            out.push_back(reference(ctx, n, *c.citation, Severity::warning, "finding.reference.before_provision",
                                    {{"rule", rule_text(ctx, n, RuleText::Of::id)},
                                     {"from", from.iso()},
                                     {"provision", c.citation->text()},
                                     {"since", since->iso()}},
                                    "before-provision-" + c.section->number));
        }
    }
    if (candidates.contains(from)) return;
    std::vector<Date> nearest;
    const auto after = candidates.lower_bound(from);
    if (after != candidates.begin()) nearest.push_back(*std::prev(after));
    if (after != candidates.end()) nearest.push_back(*after);
    std::vector<std::string> provisions;
    for (const CitedSection& c : cited) provisions.push_back(c.citation->short_text());
    provisions.erase(std::unique(provisions.begin(), provisions.end()), provisions.end());
    out.push_back(reference(ctx, n, *cited.front().citation, Severity::note, "finding.reference.date_unexplained",
                            {{"rule", rule_text(ctx, n, RuleText::Of::id)},
                             {"from", from.iso()},
                             {"provisions", comma_list(provisions)},
                             {"nearest", joined_dates(nearest)}, {"has_nearest", nearest.empty() ? "no" : "yes"}},
                            "date-unexplained"));
}

// Changes since the statute text: the index was made from a consolidated
// text that announces a change ("Endres ved lov … (i kraft …)") now in force.
// A norm in force that starts before that change still reads the old wording,
// unless it says it is uncertain.
void changed_since_text(const Context& ctx, const TextChange& c, std::vector<Diagnostic>& out) {
    out.push_back(reference(ctx, *c.norm, *c.citation, Severity::warning, "finding.reference.changed_since_text",
                            {{"rule", c.rule}, {"provision", c.provision}, {"kind", c.kind}, {"act", c.act},
                             {"date", c.in_force.iso()}, {"at", ctx.when.at.iso()}},
                            "changed-since-text-" + c.section + "-" + c.act));
}

// An exclusion's citations exist in the index, as a rule's must: an
// exclusion of a section the law lacks excludes nothing.
void excluded_citations(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const model::ExcludedRow& e : ctx.model.excluded) {
        for (const model::Citation& c : e.citations) {
            const CitedLaw& cited = ctx.cited_law(c.law);
            const corpus::Law* law = cited.statute;
            if (!law) continue;
            std::vector<std::string> numbers{c.section};
            if (c.section_last) numbers.push_back(*c.section_last);
            for (const std::string& number : numbers) {
                if (law->find_section(number)) continue;
                std::vector<std::string> near;
                for (const std::string& s : law->nearest_sections(number)) near.push_back(model::place_text(s));
                Diagnostic d;
                d.kind = kinds::reference;
                d.severity = law->sections_complete ? Severity::error : Severity::warning;
                d.span = c.span;
                d.message_key = "finding.reference.no_section";
                d.message_args = {{"law", cited.declared->short_name},
                                  {"section", number},
                                  {"place", model::place_text(number)},
                                  {"complete", law->sections_complete ? "yes" : "no"},
                                  {"nearest", comma_list(near)},
                                  {"has_nearest", near.empty() ? "no" : "yes"}};
                d.id = stable_id(d.kind, {"excluded-no-section", c.text()});
                out.push_back(std::move(d));
            }
        }
    }
}

}  // namespace

std::vector<TextChange> changes_since_text(const Context& ctx) {
    std::vector<TextChange> out;
    if (!ctx.corpus) return out;
    for (const model::Norm* n : ctx.in_force) {
        if (!n->uncertain().empty()) continue;
        std::set<std::pair<std::string, std::string>> seen;  // (section, act)
        for (const CitedSection& c : cited_sections(ctx, *n)) {
            for (const corpus::Amendment& a : c.section->amendments) {
                if (!a.pending || !a.in_force || ctx.when.at < *a.in_force) continue;
                if (n->validity.from && !(*n->validity.from < *a.in_force)) continue;  // the version after the change
                if (!seen.insert({c.section->number, a.act}).second) continue;
                out.push_back({n, c.citation, n->id, c.citation->short_text(), c.section->number,
                               corpus::amendment_kind_name(a.kind), a.act, *a.in_force});
            }
        }
    }
    return out;
}

void check_duplicate_encodings(const Context& ctx, std::vector<Diagnostic>& out);

void check_references(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const model::Norm& n : ctx.model.norms) norm_outside_law(ctx, n, out);
    check_duplicate_encodings(ctx, out);
    if (!ctx.corpus) return;
    law_dates(ctx, out);
    laws_not_indexed(ctx, out);
    excluded_citations(ctx, out);
    // Whether each norm is in force, by its position in the model (a set of a million pointers is slow to build).
    std::vector<bool> in_force(ctx.model.norms.size());
    for (const model::Norm* n : ctx.in_force) {
        const auto at = static_cast<std::size_t>(n - ctx.model.norms.data());
        if (at < in_force.size() && n == &ctx.model.norms[at]) in_force[at] = true;
    }
    for (std::size_t i = 0; i < ctx.model.norms.size(); ++i) {
        const model::Norm& n = ctx.model.norms[i];
        std::vector<CitedText> cited;
        for (const model::Citation& c : n.sources) check_citation(ctx, n, c, in_force[i], cited, out);
        cross_check_text(ctx, n, cited, out);
        dates_against_history(ctx, n, out);
    }
    for (const TextChange& c : ctx.text_changes) changed_since_text(ctx, c, out);
}

}  // namespace lovsjekk::check
