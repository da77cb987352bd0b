#include "report/phrase_encoding.hpp"

#include <algorithm>

namespace lovsjekk::report {

bool cites_place(const model::Model& model, const model::Citation& c, const PhrasePlace& place) {
    const corpus::Law& law = *place.law;
    if (!law.variant.empty()) return false;
    const model::Law* cited = model.find_law(c.law);
    if (!cited || cited->lovdata_id.empty() || corpus::index_key(cited->lovdata_id) != corpus::index_key(law.id))
        return false;
    const corpus::Section& section = law.sections[place.section_index];
    if (c.section_last) {
        // §§ A til B: every section from A to B in statute order.
        const corpus::Section* first = law.find_section(c.section);
        const corpus::Section* last = law.find_section(*c.section_last);
        if (!first || !last) return false;
        const auto from = static_cast<std::size_t>(first - law.sections.data());
        const auto to = static_cast<std::size_t>(last - law.sections.data());
        return from <= place.section_index && place.section_index <= to;
    }
    if (!corpus::same_section_number(c.section, section.number)) return false;
    if (c.ledd && *c.ledd != place.ledd) return false;
    if (c.letter && !place.top_point.empty() &&
        corpus::section_number_key(*c.letter) != corpus::section_number_key(place.top_point))
        return false;
    if (c.nummer && !place.top_point.empty() && std::to_string(*c.nummer) != place.top_point) return false;
    return true;
}

bool states_phrase_age(const model::Norm& norm, const corpus::AgeMention& mention) {
    // The index's ages are years: a bound in months or days never states one.
    auto in_years = [](const std::optional<model::Bound>& b, int age) {
        return b && b->unit == model::AgeUnit::years && b->age == age;
    };
    auto states = [&norm, &in_years](int age) {
        return in_years(norm.age.from, age) || in_years(norm.age.to, age) ||
               (norm.weight && norm.weight->from_age == age);
    };
    return states(mention.age) || (mention.age2 && states(*mention.age2));
}

bool encodes_phrase(const model::Model& model, const model::Norm& norm, const PhrasePlace& place,
                    const corpus::AgeMention& mention) {
    return states_phrase_age(norm, mention) &&
           std::any_of(norm.sources.begin(), norm.sources.end(),
                       [&](const model::Citation& c) { return !c.see_also && cites_place(model, c, place); });
}

}  // namespace lovsjekk::report
