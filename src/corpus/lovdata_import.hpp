// The Lovdata importer: reads one law or regulation in Lovdata's XML/HTML
// format (the public archives gjeldende-lover, gjeldende-sentrale-forskrifter,
// lovtidend) into a corpus::Law. Local files only: nothing is fetched and no
// entity beyond XML's own five and numeric references is expanded.
#pragma once

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"
#include "text/source.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace lovsjekk::corpus {

struct ImportOptions {
    /// Keep each ledd's and point's own text in Ledd::text / Point::text (for
    /// the text cross-check and tests). The index never stores it.
    bool keep_text = false;
};

/// Imports a file already loaded into `sources` (its NFC, LF-normalised
/// content is what is parsed, so XML error offsets are spans into it).
/// Errors are diagnostics of kind "lovdata"; nullopt when the file is
/// unusable (malformed XML, not a Lovdata document).
std::optional<Law> import_lovdata(std::uint32_t file, const text::SourceManager& sources, Diagnostics& diags,
                                  const ImportOptions& options = {});

/// Loads `path` into `sources`, then imports it.
std::optional<Law> import_lovdata(const std::filesystem::path& path, text::SourceManager& sources,
                                  Diagnostics& diags, const ImportOptions& options = {});

/// Convenience without a SourceManager: the diagnostics' spans cannot point
/// into the file, so the position is written into the message instead
/// ("… (line 1, column 5)") and the span is left invalid.
std::optional<Law> import_lovdata(const std::filesystem::path& path, Diagnostics& diags);

/// The acts of one amendment note, in the order written: "Tilføyd ved lov 24
/// juni 2011 nr. 30 (ikr. 1 jan 2012 …), endret ved lover 21 juni 2013 nr. 79
/// (ikr. 1 nov 2015 …)" gives an addition and a change. Acts inside the
/// parentheses (royal resolutions) and changes of an amending act ("… som
/// endret ved lov …") are not the section's history and are left out.
std::vector<Amendment> read_amendments(std::string_view note);

}  // namespace lovsjekk::corpus
