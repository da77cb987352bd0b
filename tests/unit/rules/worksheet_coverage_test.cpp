// Every row of the law fact sheets (../shared/law/*.csv) is encoded in
// rules/ (a norm's `faktaark`) or excluded there with a reason (`utelatt`).
#include "cli/pipeline.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace {

/// The first column of each record of a CSV file with quoted fields
/// (quotes may hold commas, doubled quotes and line breaks).
std::vector<std::string> first_column(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::string> ids;
    std::string field;
    bool quoted = false, first_field = true, header = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            if (first_field && !header && !field.empty()) ids.push_back(field);
            first_field = c == '\n';
            if (c == '\n') header = false;
            field.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    return ids;
}

}  // namespace

TEST_CASE("every fact-sheet row is encoded or excluded with a reason" * LOVSJEKK_NEEDS_SHARED) {
    lovsjekk::cli::PipelineOptions options;
    options.no_corpus = true;
    const auto result = lovsjekk::cli::run_pipeline(options);
    REQUIRE(!result.unusable);
    std::set<std::string> covered;
    for (const auto& n : result.model.norms) covered.insert(n.worksheet_rows().begin(), n.worksheet_rows().end());
    for (const auto& e : result.model.excluded) {
        CHECK_MESSAGE(!e.reason.empty(), "excluded row " << e.row << " has no reason");
        covered.insert(e.row);
    }
    const auto law = *lovsjekk::testing::shared_dir() / "law";
    for (const char* sheet : {"age-thresholds.csv", "cooperation.csv"}) {
        const auto ids = first_column(law / sheet);
        CAPTURE(sheet);
        CHECK(ids.size() > 100);
        std::string missing;
        for (const auto& id : ids)
            if (!covered.contains(id)) missing += " " + id;
        CHECK_MESSAGE(missing.empty(), "rows neither encoded nor excluded:" << missing);
    }
}

TEST_CASE("worksheet rows named in rules/ exist in the fact sheets" * LOVSJEKK_NEEDS_SHARED) {
    lovsjekk::cli::PipelineOptions options;
    options.no_corpus = true;
    const auto result = lovsjekk::cli::run_pipeline(options);
    std::set<std::string> known;
    const auto law = *lovsjekk::testing::shared_dir() / "law";
    for (const char* sheet : {"age-thresholds.csv", "cooperation.csv"})
        for (const auto& id : first_column(law / sheet)) known.insert(id);
    std::string unknown;
    for (const auto& n : result.model.norms)
        for (const auto& row : n.worksheet_rows())
            if (!known.contains(row)) unknown += " " + n.id + ":" + row;
    CHECK_MESSAGE(unknown.empty(), "rules name rows the fact sheets do not have:" << unknown);
}
