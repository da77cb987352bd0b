#include "model/model.hpp"

#include <algorithm>
#include <array>

namespace lovsjekk::model {

const char* modality_name(Modality m) {
    switch (m) {
        case Modality::right: return "right";
        case Modality::duty: return "duty";
        case Modality::may: return "may";
        case Modality::must_not: return "must_not";
        case Modality::power: return "power";
    }
    return "right";
}

const char* basis_name(Basis b) {
    switch (b) {
        case Basis::birthday: return "birthday";
        case Basis::calendar_year: return "calendar_year";
        case Basis::school_year: return "school_year";
        case Basis::maturity: return "maturity";
        case Basis::none: return "none";
    }
    return "none";
}

const char* wording_text(Wording w) {
    switch (w) {
        case Wording::fra: return "fra";
        case Wording::fylt: return "fylt";
        case Wording::over: return "over";
        case Wording::til: return "til";
        case Wording::under: return "under";
        case Wording::fra_aaret: return "fra året";
        case Wording::til_og_med_aaret: return "til og med året";
        case Wording::fra_skoleaaret: return "fra skoleåret som tar til det året";
        case Wording::ut_skoleaaret: return "ut skoleåret som tar til det året";
    }
    return "fra";
}

const char* unit_name(AgeUnit u) {
    switch (u) {
        case AgeUnit::years: return "years";
        case AgeUnit::months: return "months";
        case AgeUnit::days: return "days";
    }
    return "years";
}

namespace {
/// The statute's word for the unit ("6 måneder", "1 måned"); bokmål, as the
/// rules write it.
const char* unit_word(AgeUnit u, int n) {
    switch (u) {
        case AgeUnit::years: return "år";
        case AgeUnit::months: return n == 1 ? "måned" : "måneder";
        case AgeUnit::days: return n == 1 ? "dag" : "dager";
    }
    return "år";
}
}  // namespace

std::string amount_text(const Bound& b) {
    const std::string n = std::to_string(b.age);
    return b.basis() == Basis::birthday ? n + " " + unit_word(b.unit, b.age) : n;
}

std::string bound_text(const Bound& b) { return std::string(wording_text(b.wording)) + " " + amount_text(b); }

const char* weight_text(WeightLevel w) {
    switch (w) {
        case WeightLevel::great: return "stor vekt";
        case WeightLevel::decisive: return "avgjørende vekt";
        case WeightLevel::by_age_and_maturity: return "vekt etter alder og modenhet";
    }
    return "vekt";
}

Basis Bound::basis() const {
    switch (wording) {
        case Wording::fra_aaret:
        case Wording::til_og_med_aaret: return Basis::calendar_year;
        case Wording::fra_skoleaaret:
        case Wording::ut_skoleaaret: return Basis::school_year;
        default: return Basis::birthday;
    }
}

bool Bound::is_lower() const {
    return wording == Wording::fra || wording == Wording::fylt || wording == Wording::over ||
           wording == Wording::fra_aaret || wording == Wording::fra_skoleaaret;
}

// A school year starts on 1 August (opplæringslova counts school years so).
Date Bound::date_for(Date born) const {
    switch (wording) {
        case Wording::fra_aaret: return Date::from_ymd(born.year() + age, 1, 1);
        case Wording::til_og_med_aaret: return Date::from_ymd(born.year() + age + 1, 1, 1);
        case Wording::fra_skoleaaret: return Date::from_ymd(born.year() + age, 8, 1);
        case Wording::ut_skoleaaret: return Date::from_ymd(born.year() + age + 1, 8, 1);
        default: break;
    }
    switch (unit) {
        case AgeUnit::months: return born.add_months(age);
        case AgeUnit::days: return born.add_days(age);
        case AgeUnit::years: break;
    }
    return born.add_years(age);
}

int Bound::nominal_months() const {
    switch (unit) {
        case AgeUnit::years: return age * 12;
        case AgeUnit::months: return age;
        case AgeUnit::days: {
            // 365.25 / 12 days a month on average, rounded outwards.
            const long scaled = static_cast<long>(age) * 48;  // days × 48 / 1461 = months
            return static_cast<int>(is_lower() ? scaled / 1461 : (scaled + 1460) / 1461);
        }
    }
    return age * 12;
}

int Bound::nominal_years() const {
    const int months = nominal_months();
    return is_lower() ? months / 12 : (months + 11) / 12;
}

Basis AgeInterval::basis() const {
    if (from) return from->basis();
    if (to) return to->basis();
    if (maturity) return Basis::maturity;
    return Basis::none;
}

bool AgeInterval::covers(Date born, Date on) const {
    if (on < born) return false;
    if (from && on < from->date_for(born) && !maturity_lowers_floor) return false;
    if (to && !(on < to->date_for(born))) return false;
    return true;
}

bool Validity::in_force_on(Date day, bool assume_pending_in_force) const {
    if (pending && !from) return assume_pending_in_force && (!to || day <= *to);
    if (from && day < *from) return false;
    if (to && *to < day) return false;
    return true;
}

bool Validity::overlaps(const Validity& other) const {
    const Date min = Date::from_days(-1000000), max = Date::from_days(10000000);
    const Date a0 = from.value_or(min), a1 = to.value_or(max);
    const Date b0 = other.from.value_or(min), b1 = other.to.value_or(max);
    return !(a1 < b0 || b1 < a0);
}

namespace {
const char* ordinal(int n) {
    static const char* words[] = {"", "første", "andre", "tredje", "fjerde", "femte",
                                  "sjette", "sjuende", "åttende", "niende", "tiende"};
    return n >= 1 && n <= 10 ? words[n] : nullptr;
}
}  // namespace

std::string article_section(std::string_view part, std::string_view article) {
    return std::string(part) + "/a" + std::string(article);
}

bool is_article_section(std::string_view section) {
    const std::size_t slash = section.find("/a");
    return slash != std::string_view::npos && slash > 0 && slash + 2 < section.size();
}

namespace {

// The citation texts are built by appending to one string: the checks and
// reports word a provision for every norm of every finding.
void append_place(std::string& s, std::string_view section) {
    if (!is_article_section(section)) {
        s += "§ ";
        s += section;
        return;
    }
    const std::size_t slash = section.find("/a");
    s += section.substr(0, slash);
    s += " art. ";
    s += section.substr(slash + 2);
}

void append_short_text(std::string& s, const Citation& c) {
    s += c.law;
    if (c.section_last) {
        s += " §§ ";
        s += c.section;
        s += " til ";
        s += *c.section_last;
        return;
    }
    s += ' ';
    append_place(s, c.section);
}

}  // namespace

std::string place_text(std::string_view section) {
    std::string s;
    append_place(s, section);
    return s;
}

std::string Citation::short_text() const {
    std::string s;
    append_short_text(s, *this);
    return s;
}

std::string Citation::text() const {
    // Grown as it goes: one allocation for most ("pbrl § 4-3 første ledd"), and
    // no trimming copy (findings name provisions by their rules, not this text).
    std::string s;
    append_short_text(s, *this);
    if (ledd && is_article_section(section)) {
        s += " nr. ";
        s += std::to_string(*ledd);
    } else if (ledd) {
        if (const char* word = ordinal(*ledd)) {
            s += ' ';
            s += word;
            s += " ledd";
        } else {
            s += " (";
            s += std::to_string(*ledd);
            s += ')';
        }
    }
    if (punktum)
        if (const char* word = ordinal(*punktum)) {
            s += ' ';
            s += word;
            s += " punktum";
        }
    if (letter) {
        s += " bokstav ";
        s += *letter;
    }
    if (nummer) {
        s += " nr. ";
        s += std::to_string(*nummer);
    }
    return s;
}

bool Norm::discretionary() const {
    return std::any_of(conditions.begin(), conditions.end(), [](const Condition& c) { return c.judgement(); });
}

NormExtras& Norm::extras() {
    if (!extras_) extras_ = std::make_shared<NormExtras>();
    else if (extras_.use_count() > 1) extras_ = std::make_shared<NormExtras>(*extras_);
    return *extras_;
}

const NormExtras& Norm::extras_or_none() const {
    static const NormExtras none;
    return extras_ ? *extras_ : none;
}

const std::string& Norm::law() const {
    static const std::string none;
    return sources.empty() ? none : sources.front().law;
}

const Norm* Model::find_norm(const std::string& id) const {
    auto it = std::lower_bound(norms.begin(), norms.end(), id, [](const Norm& n, const std::string& k) { return n.id < k; });
    return it != norms.end() && it->id == id ? &*it : nullptr;
}

const Law* Model::find_law(const std::string& short_name) const {
    auto it = laws.find(short_name);
    return it == laws.end() ? nullptr : &it->second;
}

const Sector* Model::find_sector(const std::string& id) const {
    for (const Sector& s : sectors)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<std::string> Model::actor_and_wholes(const std::string& actor) const {
    std::vector<std::string> chain{actor};
    for (auto it = actors.find(actor); it != actors.end() && !it->second.part_of.empty() && chain.size() < 16;
         it = actors.find(it->second.part_of)) {
        if (std::find(chain.begin(), chain.end(), it->second.part_of) != chain.end()) break;  // a cycle
        chain.push_back(it->second.part_of);
    }
    return chain;
}

ActorRole Model::role_of(const std::string& actor) const {
    const auto it = actors.find(actor);
    return it == actors.end() ? ActorRole::body : it->second.role;
}

namespace {
// The language's words for the roles, in enum order.
constexpr std::array<std::pair<ActorRole, std::string_view>, 5> role_names{{{ActorRole::body, ""},
                                                                            {ActorRole::child, "barnet"},
                                                                            {ActorRole::family, "familie"},
                                                                            {ActorRole::around_child, "rundt-barnet"},
                                                                            {ActorRole::nobody, "ingen"}}};
}  // namespace

std::string_view role_name(ActorRole role) { return role_names[static_cast<std::size_t>(role)].second; }

std::optional<ActorRole> role_from_name(std::string_view name) {
    for (const auto& [role, word] : role_names)
        if (!word.empty() && word == name) return role;
    return std::nullopt;
}

bool Evaluation::assumes(const std::string& law) const {
    return std::find(assume_in_force.begin(), assume_in_force.end(), law) != assume_in_force.end() ||
           std::find(assume_in_force.begin(), assume_in_force.end(), "*") != assume_in_force.end();
}

std::optional<Bound> implied_upper_bound(const Model& model, const Norm& norm, std::string_view child) {
    if (norm.age.to) return std::nullopt;
    std::optional<Bound> bound;
    if (auto topic = model.topics.find(norm.topic); topic != model.topics.end()) bound = topic->second.subject_bound;
    const bool about_child = norm.actor == child || std::find(norm.counterparts.begin(), norm.counterparts.end(),
                                                              child) != norm.counterparts.end();
    if (auto actor = model.actors.find(std::string(child)); !bound && about_child && actor != model.actors.end()) {
        auto word = actor->second.word_bounds.find(norm.law());
        if (word != actor->second.word_bounds.end()) bound = word->second;
    }
    if (bound && norm.age.from && norm.age.from->nominal_months() >= bound->nominal_months()) return std::nullopt;
    return bound;
}

bool in_force(const Model& model, const Norm& norm, const Evaluation& when) {
    return in_force(model.find_law(norm.law()), norm, when);
}

bool in_force(const Law* law, const Norm& norm, const Evaluation& when) {
    const bool assume = law && when.assumes(law->short_name);
    if (law && !law->validity.in_force_on(when.at, assume)) return false;
    // A norm under a pending law has no dates of its own: it follows the law.
    if (norm.validity.pending && !norm.validity.from) return assume;
    return norm.validity.in_force_on(when.at, assume);
}

}  // namespace lovsjekk::model
