// The age thresholds in force: the table legal advisers read and the
// lovsjekk.ages/1 JSON contract other tools read.
#pragma once

#include "base/date.hpp"
#include "model/model.hpp"
#include "text/messages.hpp"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace lovsjekk::report {

struct AgesQuery {
    model::Evaluation when;
    std::optional<int> age;          ///< only thresholds that cover this nominal age
    std::optional<std::string> topic;
    std::optional<Date> born;        ///< with `on`: the dates one child reaches each threshold
};

struct Threshold {
    const model::Norm* norm = nullptr;
    std::optional<Date> from_date;   ///< for one child (`born`)
    std::optional<Date> to_date;     ///< first day no longer covered
    bool applies = false;            ///< for one child on the evaluation date
};

/// Norms in force that set an age threshold, filtered and sorted by topic, age, sector, id.
std::vector<Threshold> select_thresholds(const model::Model& model, const AgesQuery& query);

/// The table for people, its words from `messages` (ages.text.*); bounds,
/// counting and rule ids as the rules write them.
void write_ages_text(std::ostream& out, const model::Model& model, const AgesQuery& query,
                     const std::vector<Threshold>& thresholds, const text::Catalogue& messages);
void write_ages_json(std::ostream& out, const model::Model& model, const AgesQuery& query,
                     const std::vector<Threshold>& thresholds);

}  // namespace lovsjekk::report
