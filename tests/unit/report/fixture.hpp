// Findings built by hand for the report tests: a source file with multi-byte
// and astral characters before the spans, and findings of several kinds.
#pragma once

#include "report/report.hpp"
#include "support.hpp"

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace lovsjekk::testing {

struct ReportFixture {
    text::SourceManager sources;
    model::Model model;
    std::vector<Diagnostic> findings;
    Date at = *Date::parse("2026-11-22");

    /// Line 1: "sektor helse", line 2: a line whose span ("fylt 7 år") follows
    /// "æ😀 alder ", which is 9 graphemes but 10 UTF-16 code units.
    ReportFixture() {
        Diagnostics diags;
        sources.add("rules/helse.regel", "sektor helse\næ😀 alder fylt 7 år\n", diags);
        sources.add("rules/vidaregåande skule.regel", "sektor utdanning\n", diags);
    }

    static std::uint32_t offset_of(const text::SourceFile& f, std::string_view needle) {
        return static_cast<std::uint32_t>(f.content().find(needle));
    }

    /// A finding at "fylt 7 år" in rules/helse.regel with a note on line 1.
    Diagnostic& add(std::string kind, Severity severity, std::string message, std::string id) {
        const text::SourceFile& f = sources.file(0);
        const std::uint32_t begin = offset_of(f, "fylt");
        const std::uint32_t end = begin + static_cast<std::uint32_t>(std::string_view("fylt 7 år").size());
        Diagnostic d;
        d.kind = std::move(kind);
        d.severity = severity;
        d.span = Span::at(0, begin, end);
        d.message = std::move(message);
        d.id = std::move(id);
        d.notes.push_back({Span::at(0, 0, 6), "the sector is declared here"});
        d.details.topic = "bli-hørt";
        d.details.sectors = {"familie", "helse"};
        d.details.rules = {"familie/høres", "helse/høres"};
        d.details.provisions = {"bl § 31", "pbrl § 4-4"};
        findings.push_back(std::move(d));
        return findings.back();
    }

    report::ReportInput input() const { return {findings, sources, model, at}; }
};

/// Runs `lovsjekk ARGS…` in process from the source folder; stdout, stderr and the exit code.
struct CliRun {
    std::string out;
    std::string err;
    int code = 0;
};
CliRun run_cli(const std::vector<std::string>& args);

/// The official SARIF schema in ../shared/schemas, when the clone has it beside it.
inline std::filesystem::path sarif_schema_path() {
    return source_dir().parent_path() / "shared" / "schemas" / "sarif-schema-2.1.0.json";
}
inline bool no_sarif_schema() { return !std::filesystem::exists(sarif_schema_path()); }

}  // namespace lovsjekk::testing
