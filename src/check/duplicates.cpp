// The same provision encoded twice: a folder of one's own checked together
// with the bundled rules often repeats a norm the bundle already has. The
// repeat is one norm to every other check (never a divergence with itself)
// and a note naming both rules.
#include "base/kinds.hpp"
#include "check/check.hpp"
#include "check/finding.hpp"

#include <string_view>
#include <unordered_map>

namespace lovsjekk::check {

namespace {

/// Whether two citations name the same provision: law, section and ledd
/// agree, and punktum and letter where both give one.
bool same_provision(const model::Citation& a, const model::Citation& b) {
    auto agree = [](const auto& x, const auto& y) { return !x || !y || *x == *y; };
    return a.law == b.law && a.section == b.section && a.section_last == b.section_last && a.ledd == b.ledd &&
           agree(a.punktum, b.punktum) && agree(a.letter, b.letter) && agree(a.nummer, b.nummer);
}

bool same_norm(const model::Norm& a, const model::Norm& b) {
    return a.span.file != b.span.file && a.topic == b.topic && a.actor == b.actor && a.modality == b.modality &&
           a.sole == b.sole && !a.sources.empty() && !b.sources.empty() &&
           same_provision(a.sources.front(), b.sources.front());
}

/// Where a norm's possible repeats are looked for: topic, actor and the first
/// citation's law, section and ledd, as views into the norm (which outlives the
/// lookup). Hashed, so a norm costs one lookup whatever the size of the rule set.
struct EncodingKey {
    std::string_view topic, actor, law, section;
    int ledd = 0;
    bool operator==(const EncodingKey&) const = default;
};

struct EncodingKeyHash {
    std::size_t operator()(const EncodingKey& k) const {
        std::size_t h = std::hash<int>{}(k.ledd);
        for (std::string_view part : {k.topic, k.actor, k.law, k.section})
            h = h * 1000003 ^ std::hash<std::string_view>{}(part);
        return h;
    }
};

}  // namespace

std::vector<std::pair<const model::Norm*, const model::Norm*>> drop_duplicate_encodings(
    std::vector<const model::Norm*>& norms) {
    std::vector<std::pair<const model::Norm*, const model::Norm*>> duplicates;
    std::unordered_map<EncodingKey, std::vector<const model::Norm*>, EncodingKeyHash> kept;
    kept.reserve(norms.size());
    std::vector<const model::Norm*> out;
    for (const model::Norm* n : norms) {
        const model::Citation* first = n->sources.empty() ? nullptr : &n->sources.front();
        auto& candidates = kept[{n->topic, n->actor, first ? std::string_view(first->law) : std::string_view(),
                                 first ? std::string_view(first->section) : std::string_view(),
                                 first && first->ledd ? *first->ledd : 0}];
        const model::Norm* original = nullptr;
        bool file_has_same = false;  // keeps the candidates few when one file repeats a citation
        for (const model::Norm* k : candidates) {
            if (!original && same_norm(*k, *n)) original = k;
            if (k->span.file == n->span.file && first && same_provision(k->sources.front(), *first) &&
                k->sources.front().punktum == first->punktum && k->sources.front().letter == first->letter &&
                k->sources.front().nummer == first->nummer && k->actor == n->actor && k->modality == n->modality)
                file_has_same = true;
        }
        if (original) {
            duplicates.emplace_back(n, original);
            continue;
        }
        if (!file_has_same) candidates.push_back(n);
        out.push_back(n);
    }
    norms = std::move(out);
    return duplicates;
}

void check_duplicate_encodings(const Context& ctx, std::vector<Diagnostic>& out) {
    for (const auto& [repeat, original] : ctx.duplicates) {
        const std::string ages = describe_age_rule(*repeat), original_ages = describe_age_rule(*original);
        Diagnostic d = make_finding(ctx, kinds::reference, *repeat, {original}, "finding.reference.duplicate_encoding",
                                    {{"rule", repeat->id},
                                     {"other", original->id},
                                     {"provision", original->sources.front().text()},
                                     {"same_ages", ages == original_ages ? "yes" : "no"},
                                     {"ages", ages},
                                     {"other_ages", original_ages}},
                                    "duplicate-encoding");
        d.severity = ages == original_ages ? Severity::note : Severity::warning;
        out.push_back(std::move(d));
    }
}

}  // namespace lovsjekk::check
