// Small text functions shared by the importer and the text cross-check:
// whitespace collapsing, the stable text hash, and punktum counting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lovsjekk::corpus {

/// Turns every run of white space (ASCII, no-break and other Unicode spaces)
/// into one ASCII space and trims both ends.
std::string collapse_whitespace(std::string_view text);

/// 64-bit FNV-1a of the bytes.
std::uint64_t fnv1a64(std::string_view bytes);

/// The index's text hash: FNV-1a of the NFC, whitespace-collapsed text, as
/// 16 lower-case hex digits. Stable across runs, platforms and compilers.
std::string text_hash(std::string_view text);

/// Number of punktum (sentences) in collapsed text. A sentence ends at ".",
/// "?" or "!" followed by a space and an upper-case letter (or "«"/"(" and
/// one), except after the abbreviations jf., jfr., nr., bl.a., f.eks., pkt.,
/// kap., dvs., iflg., res., ikr., ca., t.o.m., f.o.m. and after a bare
/// number of up to three digits (an ordinal: "13. juni", "1. Lov …").
/// "mv.", "m.m.", "o.l." and "lov." do end a sentence when a capital follows:
/// in the 25 Lovdata sample files every such case was a sentence end.
/// Empty text has 0 sentences.
int count_sentences(std::string_view collapsed);

}  // namespace lovsjekk::corpus

namespace lovsjekk::corpus {

/// Untrusted text (an archive entry's name, a document's id) as one safe
/// line for a message: control characters and bytes of invalid UTF-8 become
/// '?', and it is cut at 200 bytes ("…" added).
std::string printable(std::string_view untrusted);

}  // namespace lovsjekk::corpus
