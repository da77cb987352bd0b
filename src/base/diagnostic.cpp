#include "base/diagnostic.hpp"

#include <algorithm>

namespace lovsjekk {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
    for (Severity s : {Severity::note, Severity::warning, Severity::error})
        if (name == severity_name(s)) return s;
    return std::nullopt;
}

Diagnostic& Diagnostics::add(std::string_view kind, Severity severity, Span span, std::string message) {
    Diagnostic d;
    d.kind = std::string(kind);
    d.severity = severity;
    d.span = span;
    d.message = std::move(message);
    items_.push_back(std::move(d));
    return items_.back();
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::array<std::int64_t, 3> severity_tally(const std::vector<Diagnostic>& diags) {
    std::array<std::int64_t, 3> counts{0, 0, 0};
    for (const Diagnostic& d : diags) ++counts[static_cast<std::size_t>(d.severity)];
    return counts;
}

std::string stable_id(const std::string& kind, const std::vector<std::string>& parts) {
    // FNV-1a, 64 bit: small, stable across platforms and runs.
    std::uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&](const std::string& s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ull;
        }
        h ^= 0xff;
        h *= 0x100000001b3ull;
    };
    mix(kind);
    for (const auto& p : parts) mix(p);
    static const char* digits = "0123456789abcdef";
    std::string out(12, '0');
    for (int i = 11; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 0xf];
    return out;
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace lovsjekk
