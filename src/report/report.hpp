// The report stage: one sorted vector of findings in, one format out. One
// file per format; none of them decides anything about the law.
#pragma once

#include "base/date.hpp"
#include "base/diagnostic.hpp"
#include "model/model.hpp"
#include "text/source.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace lovsjekk::report {

struct ReportInput {
    const std::vector<Diagnostic>& findings;  ///< sorted
    const text::SourceManager& sources;
    const model::Model& model;
    Date at;
};

/// The formats `lovsjekk report --format` knows, in help order.
const std::vector<std::string>& format_names();

void write_text(std::ostream& out, const ReportInput& input, bool colour);
void write_json(std::ostream& out, const ReportInput& input);

/// Dispatches by format name; false for an unknown one.
bool write(const std::string& format, std::ostream& out, const ReportInput& input, bool colour);

}  // namespace lovsjekk::report
