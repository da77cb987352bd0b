// The bundled corpus against the fact sheets in ../shared/law: every law the
// CSVs cite is indexed, and every plainly cited section ("§ 4-3") exists.
#include "corpus/index_io.hpp"

#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

using namespace lovsjekk;
using namespace lovsjekk::corpus;

namespace {

// RFC 4180 rows: quoted fields may hold commas, doubled quotes and newlines.
std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string s = buffer.str();
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

// "§ 2-5 c" → "2-5 c"; empty for "§§ 299-303", "§ 9-5 (UNCERTAIN)", "UNCERTAIN", "ch. 5 …".
std::string plain_section(const std::string& cited) {
    if (cited.rfind("\xC2\xA7 ", 0) != 0) return {};
    const std::string rest = cited.substr(3);
    for (char c : rest)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == ' '))
            return {};
    return rest;
}

}  // namespace

TEST_CASE("corpus: every law and plainly cited section of the fact sheets is indexed" * LOVSJEKK_NEEDS_SHARED) {
    text::SourceManager sources;
    Diagnostics diags;
    const Corpus corpus = load_corpus(testing::source_dir() / "corpus", sources, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::size_t checked = 0;
    for (const char* sheet : {"age-thresholds.csv", "cooperation.csv"}) {
        const auto rows = read_csv(*testing::shared_dir() / "law" / sheet);
        REQUIRE(rows.size() > 1);
        const auto& head = rows[0];
        const auto column = [&head](const char* name) {
            return static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin());
        };
        const std::size_t id_col = column("id"), law_col = column("lovdata_id"), section_col = column("section");
        REQUIRE(law_col < head.size());
        REQUIRE(section_col < head.size());
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const auto& row = rows[r];
            if (row.size() != head.size() || row[law_col].empty()) continue;
            CAPTURE(std::string(sheet) + " " + row[id_col]);
            // The fact sheet dates navneloven 7 May; Lovdata's text is of
            // 7 June 2002 (LOV-2002-06-07-19), which the corpus holds.
            const std::string id = row[law_col] == "LOV-2002-05-07-19" ? "LOV-2002-06-07-19" : row[law_col];
            const Law* law = corpus.find(id);
            REQUIRE_MESSAGE(law, id);
            const std::string section = plain_section(row[section_col]);
            if (section.empty()) continue;
            CHECK_MESSAGE(law->find_section(section), law->id << " § " << section);
            ++checked;
        }
    }
    CHECK(checked > 200);
}
