#include "report/ages.hpp"

#include "text/source.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <ostream>
#include <tuple>

namespace lovsjekk::report {

namespace json = boost::json;

namespace {

bool has_threshold(const model::Norm& n) {
    return n.age.specified && !n.age.regardless && (n.age.from || n.age.to || n.age.maturity);
}

/// The norm's period in force: its own dates, else its law's.
model::Validity period(const model::Model& model, const model::Norm& n) {
    model::Validity v = n.validity;
    if (const model::Law* law = model.find_law(n.law())) {
        if (!v.from) v.from = law->validity.from;
        if (!v.to) v.to = law->validity.to;
    }
    return v;
}

std::string bound_text(const std::optional<model::Bound>& b) {
    return b ? model::bound_text(*b) : std::string();
}

/// Pads to a width counted in characters, not bytes (æ, ø, å, §).
std::string pad(const std::string& s, std::size_t width) {
    const std::size_t shown = text::grapheme_count(s);
    return shown + 2 > width ? s + "  " : s + std::string(width - shown, ' ');
}

/// How the ages count, in the reader's language ("fødselsdag"), or
/// "fødselsdag → kalenderår" when the two bounds count differently.
std::string basis_text(const model::Norm& n, const text::Catalogue& messages) {
    auto word = [&](model::Basis b) { return messages.format("ages.text.basis", {{"basis", model::basis_name(b)}}); };
    std::string s = word(n.age.basis());
    if (n.age.from && n.age.to && n.age.from->basis() != n.age.to->basis()) s += " → " + word(n.age.to->basis());
    return s;
}

}  // namespace

std::vector<Threshold> select_thresholds(const model::Model& model, const AgesQuery& query) {
    std::vector<Threshold> out;
    for (const model::Norm& n : model.norms) {
        if (!has_threshold(n) || !model::in_force(model, n, query.when)) continue;
        if (query.topic && n.topic != *query.topic) continue;
        if (query.age) {
            const int from = n.age.from && !n.age.maturity_lowers_floor ? n.age.from_age() : 0;
            if (*query.age < from || *query.age >= n.age.to_age()) continue;
        }
        Threshold t{&n, {}, {}, false};
        if (query.born) {
            if (n.age.from) t.from_date = n.age.from->date_for(*query.born);
            if (n.age.to) t.to_date = n.age.to->date_for(*query.born);
            t.applies = n.age.covers(*query.born, query.when.at);
        }
        out.push_back(t);
    }
    std::stable_sort(out.begin(), out.end(), [](const Threshold& a, const Threshold& b) {
        auto key = [](const Threshold& t) {
            const auto& n = *t.norm;
            return std::make_tuple(n.topic, n.age.from ? n.age.from->nominal_months() : -1, n.age.to ? n.age.to->nominal_months() : 1000 * 12,
                                   n.sector, n.id);
        };
        return key(a) < key(b);
    });
    return out;
}

void write_ages_text(std::ostream& out, const model::Model& model, const AgesQuery& query,
                     const std::vector<Threshold>& thresholds, const text::Catalogue& messages) {
    out << messages.format("ages.text.heading",
                           {{"at", query.when.at.iso()},
                            {"child", query.born ? "yes" : "no"},
                            {"born", query.born ? query.born->iso() : std::string()},
                            {"age", std::int64_t{query.born ? age_on(*query.born, query.when.at) : 0}},
                            {"n", static_cast<std::int64_t>(thresholds.size())}})
        << "\n\n";
    if (!thresholds.empty())
        out << "  " << pad(messages.format("ages.text.column.age"), 34) << pad(messages.format("ages.text.column.basis"), 15)
            << pad(messages.format("ages.text.column.sector"), 16) << pad(messages.format("ages.text.column.provision"), 42)
            << messages.format("ages.text.column.rule") << "\n";
    std::string topic;
    for (const Threshold& t : thresholds) {
        const model::Norm& n = *t.norm;
        if (n.topic != topic) {
            topic = n.topic;
            auto it = model.topics.find(topic);
            out << topic << (it != model.topics.end() ? " — " + it->second.description : std::string()) << "\n";
        }
        std::string ages = bound_text(n.age.from);
        if (n.age.to) ages += (ages.empty() ? "" : " ") + bound_text(n.age.to);
        if (n.age.maturity) ages += (ages.empty() ? "når " : ", modenhet: ") + n.age.maturity_text;
        out << "  " << pad(ages, 34) << pad(basis_text(n, messages), 15) << pad(n.sector, 16)
            << pad(n.sources.empty() ? "" : n.sources.front().text(), 42) << n.id;
        if (query.born) {
            out << "\n    "
                << messages.format("ages.text.child",
                                   {{"applies", t.applies ? "yes" : "no"},
                                    {"has_from", t.from_date ? "yes" : "no"},
                                    {"from", t.from_date ? t.from_date->iso() : std::string()},
                                    {"has_to", t.to_date ? "yes" : "no"},
                                    {"last_day", t.to_date ? t.to_date->add_days(-1).iso() : std::string()}});
        }
        out << '\n';
    }
}

void write_ages_json(std::ostream& out, const model::Model& model, const AgesQuery& query,
                     const std::vector<Threshold>& thresholds) {
    json::array list;
    for (const Threshold& t : thresholds) {
        const model::Norm& n = *t.norm;
        const model::Law* law = model.find_law(n.law());
        const model::Citation* c = n.sources.empty() ? nullptr : &n.sources.front();
        const model::Validity v = period(model, n);
        json::object o;
        o["rule"] = n.id;
        o["sector"] = n.sector;
        o["law"] = n.law();
        o["law_name"] = law ? json::value(law->name) : json::value(nullptr);
        o["lovdata_id"] = law ? json::value(law->lovdata_id) : json::value(nullptr);
        o["section"] = c ? json::value(c->section) : json::value(nullptr);
        o["ledd"] = c && c->ledd ? json::value(*c->ledd) : json::value(nullptr);
        o["letter"] = c && c->letter ? json::value(*c->letter) : json::value(nullptr);
        o["topic"] = n.topic;
        o["actor"] = n.actor;
        o["modality"] = model::modality_name(n.modality);
        o["from"] = n.age.from ? json::value(n.age.from->age) : json::value(nullptr);
        o["to"] = n.age.to ? json::value(n.age.to->age) : json::value(nullptr);
        // An age in months or days says its unit; in years (every age before) nothing is added.
        if (n.age.from && n.age.from->unit != model::AgeUnit::years) o["from_unit"] = model::unit_name(n.age.from->unit);
        if (n.age.to && n.age.to->unit != model::AgeUnit::years) o["to_unit"] = model::unit_name(n.age.to->unit);
        o["basis"] = model::basis_name(n.age.basis());
        o["maturity"] = n.age.maturity;
        o["in_force_from"] = v.from ? json::value(v.from->iso()) : json::value(nullptr);
        o["in_force_to"] = v.to ? json::value(v.to->iso()) : json::value(nullptr);
        if (query.born) {
            o["from_date"] = t.from_date ? json::value(t.from_date->iso()) : json::value(nullptr);
            o["to_date"] = t.to_date ? json::value(t.to_date->iso()) : json::value(nullptr);
            o["applies"] = t.applies;
        }
        list.emplace_back(std::move(o));
    }
    json::object root;
    root["schema"] = "lovsjekk.ages/1";
    root["at"] = query.when.at.iso();
    if (query.born) root["child"] = json::object{{"born", query.born->iso()}, {"age", age_on(*query.born, query.when.at)}};
    root["thresholds"] = std::move(list);
    out << json::serialize(root) << '\n';
}

}  // namespace lovsjekk::report
