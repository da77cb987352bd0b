#include "model/norm_text.hpp"

#include <algorithm>

namespace lovsjekk::model {

std::string provision(const Norm& n) { return n.sources.empty() ? std::string() : n.sources.front().text(); }

std::string describe_age_rule(const Norm& n) {
    const auto& a = n.age;
    if (!a.specified || a.regardless) return "uansett alder";
    std::string s;
    if (a.from) s = bound_text(*a.from);
    if (a.to) s += (s.empty() ? "" : " ") + bound_text(*a.to);
    if (a.maturity) s += (s.empty() ? "når " : (a.maturity_lowers_floor ? ", og yngre når " : ", når ")) + a.maturity_text;
    return s;
}

std::string threshold_text(const Norm& n) {
    std::string s = describe_age_rule(n);
    if (n.weight) {
        s += std::string(", ") + weight_text(n.weight->level);
        if (n.weight->from_age) s += " fra " + std::to_string(*n.weight->from_age) + " år";
    }
    return s;
}

std::string sector_name(const Model& model, const std::string& sector) {
    const Sector* s = model.find_sector(sector);
    return !s || s->name.empty() ? sector : s->name;
}

std::string text_of(const Norm& n, RuleText::Of of) {
    switch (of) {
        case RuleText::Of::id: return n.id;
        case RuleText::Of::sector: return n.sector;
        case RuleText::Of::provision: return provision(n);
        case RuleText::Of::statement: return n.statement;
        case RuleText::Of::age_rule: return describe_age_rule(n);
        case RuleText::Of::threshold: return threshold_text(n);
    }
    return {};
}

MessageValue rule_text(const Model& model, const Norm& n, RuleText::Of of) {
    const Norm* first = model.norms.data();
    if (&n < first || &n >= first + model.norms.size()) return text_of(n, of);
    return RuleText{static_cast<std::uint32_t>(&n - first), of};
}

std::string expanded_text(const Model& model, const RuleText& r) {
    std::string text = text_of(model.norms.at(r.rule), r.of);
    return r.as_sector_name ? sector_name(model, text) : text;
}

void expand_rule_texts(MessageArgs& args, const Model& model) {
    for (auto& arg : args) {
        MessageValue& value = arg.second;
        if (auto* phrases = std::get_if<std::vector<Phrase>>(&value)) {
            for (Phrase& p : *phrases) expand_rule_texts(p.args, model);
        } else if (const auto* deferred = std::get_if<RuleText>(&value)) {
            // A position the model does not have cannot come from rule_text; kept, the catalogue refuses it.
            if (deferred->rule < model.norms.size()) value = expanded_text(model, *deferred);
        }
    }
}

RuleLists rule_lists(const Model& model, const std::vector<std::uint32_t>& positions) {
    RuleLists lists;
    lists.sectors.reserve(positions.size());
    for (const std::uint32_t at : positions) {
        const Norm& n = model.norms.at(at);
        lists.sectors.push_back(n.sector);
        std::string p = provision(n);  // in full: ledd, punktum, bokstav
        if (!p.empty() && std::find(lists.provisions.begin(), lists.provisions.end(), p) == lists.provisions.end())
            lists.provisions.push_back(std::move(p));
    }
    std::sort(lists.sectors.begin(), lists.sectors.end());
    lists.sectors.erase(std::unique(lists.sectors.begin(), lists.sectors.end()), lists.sectors.end());
    // The norms are sorted by id: their places sort as their ids, without comparing text.
    std::vector<std::uint32_t> places = positions;
    std::sort(places.begin(), places.end());
    lists.rules.reserve(places.size());
    for (const std::uint32_t at : places)
        if (lists.rules.empty() || lists.rules.back() != model.norms[at].id) lists.rules.push_back(model.norms[at].id);
    return lists;
}

void expand_details(FindingDetails& details, const Model& model) {
    if (details.norms.empty()) return;
    RuleLists lists = rule_lists(model, details.norms);
    details.rules.assign(lists.rules.begin(), lists.rules.end());
    details.sectors.assign(lists.sectors.begin(), lists.sectors.end());
    details.provisions = std::move(lists.provisions);
    details.norms.clear();
    details.norms.shrink_to_fit();
}

}  // namespace lovsjekk::model
