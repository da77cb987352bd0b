#include "generator.hpp"

#include "base/date.hpp"
#include "corpus/corpus.hpp"
#include "corpus/index_io.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lovsjekk::gen {

namespace fs = std::filesystem;

namespace {

// splitmix64: the same stream on every platform and standard library, which
// std::uniform_int_distribution does not promise.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& items) { return items[below(N)]; }
    template <class T>
    const T& pick(const std::vector<T>& items) { return items[below(items.size())]; }

private:
    std::uint64_t state_;
};

// The bundled vocabulary's actors (rules/vokabular*.regel is always loaded).
const std::array<const char*, 14> services = {"barnevern", "barnehage", "skole",     "ppt",
                                              "helse-kommune", "helse-spesialist", "tannhelse", "nav",
                                              "kommune",   "fylkeskommune", "familievern", "krisesenter",
                                              "integrering", "helsepersonell"};
const std::array<const char*, 10> sector_bases = {"helse", "barnevern", "utdanning", "arbeid-velferd", "integrering",
                                                  "familie", "vergemål", "tro", "straff", "forvaltning"};
const std::array<const char*, 10> directorates = {"Helsedirektoratet", "Bufdir", "Utdanningsdirektoratet",
                                                  "Arbeids- og velferdsdirektoratet", "IMDi", "Bufdir",
                                                  "Statens sivilrettsforvaltning", "Barne- og familiedepartementet",
                                                  "Justisdepartementet", "Justisdepartementet"};
const std::array<int, 9> common_ages = {7, 12, 12, 15, 15, 16, 16, 18, 18};
const std::array<const char*, 4> ordinals = {"første", "andre", "tredje", "fjerde"};

enum class Group { medvirkning, tjeneste, samarbeid, samordning, melding, oppfolging, none };

const char* group_name(Group g) {
    switch (g) {
        case Group::medvirkning: return "medvirkning";
        case Group::tjeneste: return "tjeneste";
        case Group::samarbeid: return "samarbeid";
        case Group::samordning: return "samordning";
        case Group::melding: return "melding";
        case Group::oppfolging: return "oppfølging";
        case Group::none: return "";
    }
    return "";
}

Group group_for(Random& rng) {
    const std::size_t r = rng.below(100);
    if (r < 40) return Group::medvirkning;
    if (r < 55) return Group::tjeneste;
    if (r < 70) return Group::samarbeid;
    if (r < 80) return Group::samordning;
    if (r < 85) return Group::melding;
    if (r < 90) return Group::oppfolging;
    return Group::none;
}

struct GenLaw {
    std::string short_name;
    std::size_t sector = 0;
    bool repealed = false;  ///< an old law, repealed 2015-12-31, cited by ended versions only
    corpus::Law index;
};

struct GenSector {
    std::string id;
    std::string name;
    std::string directorate;
    std::vector<std::size_t> laws;      ///< current laws
    std::optional<std::size_t> old_law;
    std::vector<std::string> norm_texts;
};

std::string hex16(Random& rng) {
    static const char digits[] = "0123456789abcdef";
    std::string s(16, '0');
    std::uint64_t v = rng.next();
    for (char& c : s) {
        c = digits[v & 15];
        v >>= 4;
    }
    return s;
}

corpus::Law make_law_index(Random& rng, std::size_t number, const std::string& short_name, Date in_force,
                           std::optional<Date> repealed) {
    corpus::Law law;
    const int day_of_year = static_cast<int>(number % 300);
    const Date enacted = in_force.add_days(-30 - day_of_year % 60);
    law.id = "LOV-" + enacted.iso() + "-" + std::to_string(number + 1);
    law.refid = "lov/" + enacted.iso() + "-" + std::to_string(number + 1);
    law.source = "lovdata";
    law.title = "Syntetisk lov nr. " + std::to_string(number + 1) + " (" + short_name + ")";
    law.short_title = "Syntetisk lov " + std::to_string(number + 1);
    law.abbreviation = short_name;
    law.in_force_text = in_force.iso();
    law.in_force = {in_force};
    law.repealed = repealed;
    const int chapters = 2 + static_cast<int>(rng.below(5));
    for (int c = 1; c <= chapters; ++c) {
        const int in_chapter = 4 + static_cast<int>(rng.below(10));
        for (int k = 1; k <= in_chapter; ++k) {
            corpus::Section s;
            s.number = std::to_string(c) + "-" + std::to_string(k);
            s.url_name = "§" + s.number;
            s.heading = "Paragraf " + s.number;
            s.chapter = std::to_string(c);
            s.hash = hex16(rng);
            const int ledd = 1 + static_cast<int>(rng.below(4));
            for (int l = 1; l <= ledd; ++l) {
                corpus::Ledd ld;
                ld.number = l;
                ld.sentences = 1 + static_cast<int>(rng.below(3));
                ld.hash = hex16(rng);
                if (rng.chance(25))
                    for (const char* label : {"a", "b", "c"}) {
                        corpus::Point p;
                        p.label = label;
                        p.sentences = 1;
                        p.hash = hex16(rng);
                        ld.points.push_back(std::move(p));
                    }
                s.ledd.push_back(std::move(ld));
            }
            law.sections.push_back(std::move(s));
        }
    }
    return law;
}

/// An age phrase the statute would use for a bound, in the index's form.
corpus::AgeMention mention_for(const std::string& wording, int age) {
    corpus::AgeMention m;
    m.age = age;
    const std::string n = std::to_string(age);
    if (wording == "over") {
        m.wording = corpus::AgeWording::over;
        m.phrase = "over " + n + " år";
    } else if (wording == "under" || wording == "til") {
        m.wording = corpus::AgeWording::under;
        m.phrase = "under " + n + " år";
    } else if (wording == "året") {
        m.wording = corpus::AgeWording::calendar_year;
        m.phrase = "det året barnet fyller " + n + " år";
    } else if (wording == "skoleåret") {
        m.wording = corpus::AgeWording::school_year;
        m.phrase = "skoleåret som tek til det året eleven fyller " + n + " år";
    } else {
        m.wording = corpus::AgeWording::fylt;
        m.phrase = "fylt " + n + " år";
    }
    return m;
}

void add_mention(std::vector<corpus::AgeMention>& mentions, corpus::AgeMention m) {
    if (std::find(mentions.begin(), mentions.end(), m) == mentions.end()) mentions.push_back(std::move(m));
}

/// One bound as the rule writes it, and the wording key its statute phrase needs.
struct BoundText {
    std::string text;
    std::string wording;
    int age = 0;
};

struct AgeLine {
    std::string text;               ///< after "alder", empty: no alder line
    std::vector<BoundText> bounds;  ///< what the cited text must mention
    int from = 0;                   ///< nominal, for exceptions and sanity
};

AgeLine age_line(Random& rng, Group group) {
    AgeLine line;
    const int a = rng.pick(common_ages);
    auto lower = [&](int age) -> BoundText {
        switch (rng.below(6)) {
            case 0: return {"over " + std::to_string(age) + " år", "over", age};
            case 1: return {"fylt " + std::to_string(age) + " år", "fylt", age};
            case 2: return {"fra året " + std::to_string(age), "året", age};
            case 3:
                return {"fra skoleåret som tar til det året " + std::to_string(age), "skoleåret", age};
            default: return {"fra " + std::to_string(age) + " år", "fra", age};
        }
    };
    auto upper = [&](int age) -> BoundText {
        switch (rng.below(5)) {
            case 0: return {"til og med året " + std::to_string(age), "året", age};
            case 1: return {"ut skoleåret som tek til det året " + std::to_string(age), "skoleåret", age};
            case 2: return {"til " + std::to_string(age) + " år", "til", age};
            default: return {"under " + std::to_string(age) + " år", "under", age};
        }
    };
    const std::size_t kind = rng.below(100);
    if (group == Group::samarbeid || group == Group::samordning || group == Group::melding ||
        group == Group::oppfolging) {
        if (kind < 50) return line;
        if (kind < 75) return {"uansett", {}, 0};
        line.bounds = {upper(18)};
        line.text = line.bounds[0].text;
        return line;
    }
    if (group == Group::tjeneste || kind < 25) {
        // A service with an age range: [from, to).
        const int from = static_cast<int>(rng.below(3)) * 3 + (group == Group::tjeneste ? 0 : 6);
        const int to = from + 6 + static_cast<int>(rng.below(14));
        if (from == 0) {
            line.bounds = {upper(to)};
        } else {
            line.bounds = {lower(from), upper(to)};
        }
        line.from = from;
    } else if (kind < 60) {
        line.bounds = {lower(a)};
        line.from = a;
    } else if (kind < 75) {
        line.bounds = {upper(a)};
    } else if (kind < 85) {
        line.text = "når barnet kan danne seg egne synspunkter";
        return line;
    } else if (kind < 93) {
        line.bounds = {{"fra 7 år", "fra", 7}};
        line.text = "fra 7 år, og yngre når barnet er i stand til å danne seg egne synspunkter";
        return line;
    } else if (kind < 96) {
        return {"uansett", {}, 0};
    } else {
        return line;
    }
    for (const BoundText& b : line.bounds) line.text += (line.text.empty() ? "" : " ") + b.text;
    return line;
}

struct Statement {
    std::string actor;
    std::string modality;
    std::string what;
    std::vector<std::string> toward;
};

std::vector<std::string> some_services(Random& rng, const std::string& not_this, std::size_t most) {
    std::vector<std::string> out;
    const std::size_t count = 1 + rng.below(most);
    for (std::size_t i = 0; i < count * 2 && out.size() < count; ++i) {
        std::string s = rng.pick(services);
        if (s != not_this && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Statement statement_for(Random& rng, Group group, const std::string& topic) {
    const std::string service = rng.pick(services);
    const std::size_t r = rng.below(100);
    switch (group) {
        case Group::samarbeid:
            return {service, r < 70 ? "har plikt til" : "skal", "å samarbeide med andre tjenester om " + topic,
                    some_services(rng, service, 3)};
        case Group::samordning:
            return {service, "skal", "samordne tjenestene til barnet og sørge for en koordinator",
                    some_services(rng, service, 2)};
        case Group::melding:
            return {service, "skal", "uten hinder av taushetsplikt melde fra til barneverntjenesten", {"barnevern"}};
        case Group::oppfolging:
            return {"barnevern", "skal", "gjennomgå meldinger og vurdere om de skal følges opp", {}};
        case Group::tjeneste:
            if (r < 80) return {"barnet", "har rett til", "tjenester og tiltak innen " + topic, {}};
            return {service, "har plikt til", "gi et tilbud innen " + topic, {"barnet"}};
        case Group::medvirkning:
        case Group::none:
            break;
    }
    if (r < 45) return {"barnet", "har rett til", "å bli hørt og få informasjon om " + topic, {}};
    if (r < 55) return {"barnet", rng.chance(50) ? "bestemmer alene" : "bestemmer", "selv om " + topic, {}};
    if (r < 62) return {"foreldre", "kan", "samtykke på vegne av barnet", {}};
    if (r < 66) return {"foreldre", "bestemmer alene", "om " + topic + " for barnet", {}};
    if (r < 84) return {service, "skal", "informere barnet om " + topic, {"barnet"}};
    return {service, "skal ikke", "gi opplysninger til foreldrene uten at barnet samtykker", {"foreldre"}};
}

struct Cited {
    std::size_t law;
    std::size_t section;
    std::optional<int> ledd;
    std::optional<std::string> letter;
};

std::string citation_text(const GenLaw& law, const Cited& c, Random& rng) {
    const corpus::Section& s = law.index.sections[c.section];
    std::string t = law.short_name + " § " + s.number;
    if (c.ledd) {
        if (c.letter && rng.chance(50)) return t + " (" + std::to_string(*c.ledd) + ") " + *c.letter;
        t += std::string(" ") + ordinals[static_cast<std::size_t>(*c.ledd - 1)] + " ledd";
        if (c.letter) t += " bokstav " + *c.letter;
    }
    return t;
}

/// Adds the age phrases a norm's bounds need to the provision it cites.
void record_mentions(GenLaw& law, const Cited& c, const std::vector<BoundText>& bounds) {
    corpus::Section& s = law.index.sections[c.section];
    for (const BoundText& b : bounds) {
        corpus::AgeMention m = mention_for(b.wording, b.age);
        if (!c.ledd) {
            add_mention(s.ledd.front().age_mentions, std::move(m));
            continue;
        }
        corpus::Ledd& ledd = s.ledd[static_cast<std::size_t>(*c.ledd - 1)];
        if (c.letter) {
            for (corpus::Point& p : ledd.points)
                if (p.label == *c.letter) add_mention(p.age_mentions, m);
        } else {
            add_mention(ledd.age_mentions, std::move(m));
        }
    }
}

Cited cite(Random& rng, const std::vector<GenLaw>& laws, std::size_t law_index) {
    const corpus::Law& law = laws[law_index].index;
    Cited c{law_index, rng.below(law.sections.size()), std::nullopt, std::nullopt};
    const corpus::Section& s = law.sections[c.section];
    if (rng.chance(85)) {
        c.ledd = 1 + static_cast<int>(rng.below(s.ledd.size()));
        const corpus::Ledd& l = s.ledd[static_cast<std::size_t>(*c.ledd - 1)];
        if (!l.points.empty() && rng.chance(60)) c.letter = l.points[rng.below(l.points.size())].label;
    }
    return c;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

GenSummary generate_corpus(const GenOptions& options, const fs::path& out) {
    Random rng(options.seed);
    GenSummary summary;
    const std::size_t n = options.norms;
    std::error_code ec;
    fs::remove_all(out, ec);

    // ---- Sectors and laws ---------------------------------------------------
    const std::size_t sector_count = std::clamp<std::size_t>(n / 4000, 10, 250);
    std::vector<GenSector> sectors(sector_count);
    for (std::size_t i = 0; i < sector_count; ++i) {
        const std::size_t base = i % sector_bases.size();
        // Municipal and Nordic variants of the ten sectors, one per ten.
        sectors[i].id = std::string(sector_bases[base]) + (i < sector_bases.size() ? "" : "-k" + std::to_string(i / 10));
        sectors[i].name = "Sektor " + sectors[i].id;
        sectors[i].directorate = directorates[base];
    }
    const std::size_t law_count = std::max<std::size_t>(sector_count * 2, n / 100);
    std::vector<GenLaw> laws;
    for (std::size_t k = 0; k < law_count; ++k) {
        GenLaw law;
        law.sector = k % sector_count;
        law.short_name = "gl" + std::to_string(k + 1);
        const Date in_force = Date::from_ymd(1995 + static_cast<int>(rng.below(20)), 1 + static_cast<unsigned>(rng.below(12)), 1);
        law.index = make_law_index(rng, k, law.short_name, in_force, std::nullopt);
        sectors[law.sector].laws.push_back(laws.size());
        laws.push_back(std::move(law));
    }
    // One repealed law per sector, cited only by versions that ended with it,
    // and a replacement map entry for each of its sections.
    std::vector<corpus::Replacement> replacements;
    for (std::size_t i = 0; i < sector_count; ++i) {
        GenLaw law;
        law.sector = i;
        law.repealed = true;
        law.short_name = "gl" + std::to_string(law_count + i + 1) + "-gammel";
        law.index = make_law_index(rng, law_count + i, law.short_name, Date::from_ymd(1990, 1, 1),
                                   Date::from_ymd(2016, 1, 1));
        const GenLaw& successor = laws[sectors[i].laws.front()];
        for (std::size_t s = 0; s < law.index.sections.size(); ++s)
            replacements.push_back({law.index.id, law.index.sections[s].number, successor.index.id,
                                    successor.index.sections[s % successor.index.sections.size()].number,
                                    "synthetic"});
        sectors[i].old_law = laws.size();
        laws.push_back(std::move(law));
    }

    // ---- Topics and norms ---------------------------------------------------
    const std::size_t topic_count = std::max<std::size_t>(10, n / options.norms_per_topic);
    std::string vocabulary = "# Synthetic topics (tools/gen_corpus): not law.\n\n";
    std::vector<std::pair<std::string, Group>> topics;
    for (std::size_t t = 0; t < topic_count; ++t) {
        const Group g = group_for(rng);
        // Some names carry æ, ø, å, as the real vocabulary does.
        static const std::array<const char*, 6> stems = {"tema", "høring", "tiltak", "områdeplan", "særskilt", "vern"};
        std::string id = std::string(stems[t % stems.size()]) + ".s" + std::to_string(t + 1);
        vocabulary += "tema " + id + " \"syntetisk tema " + std::to_string(t + 1) + "\"";
        if (g != Group::none) vocabulary += std::string(" gruppe ") + group_name(g);
        vocabulary += "\n";
        topics.emplace_back(std::move(id), g);
    }
    write_file(out / "rules" / "tema.regel", vocabulary);

    struct Placed {
        std::size_t sector;
        std::string local_id;
    };
    std::vector<std::vector<Placed>> by_topic(topic_count);
    for (std::size_t i = 0; i < n; ++i) {
        // Topic sizes vary (1 to about 3 times the mean) but stay bounded.
        const std::size_t t = rng.below(topic_count);
        const auto& [topic, group] = topics[t];
        const std::size_t sector = rng.below(sector_count);
        GenSector& sec = sectors[sector];
        const bool ended = sec.old_law && rng.chance(5);
        const std::size_t law_index = ended ? *sec.old_law : sec.laws[rng.below(sec.laws.size())];
        GenLaw& law = laws[law_index];
        const std::string local_id =
            std::string(i % 7 == 0 ? "høres-" : (i % 7 == 3 ? "plikt-" : "r")) + std::to_string(i + 1);

        const Statement st = statement_for(rng, group, topic);
        const AgeLine age = age_line(rng, group);
        std::string text = "regel " + local_id + " \"Syntetisk regel " + std::to_string(i + 1) + "\" {\n";
        std::vector<Cited> cited{cite(rng, laws, law_index)};
        if (rng.chance(15)) cited.push_back(cite(rng, laws, law_index));
        text += "  kilde    ";
        for (std::size_t c = 0; c < cited.size(); ++c) {
            text += (c ? ", " : "") + citation_text(law, cited[c], rng);
            record_mentions(law, cited[c], age.bounds);
        }
        text += "\n  tema     " + topic + "\n";
        text += "  " + st.actor + " " + st.modality + " " + st.what + "\n";
        if (!st.toward.empty()) {
            text += "  overfor  ";
            for (std::size_t k = 0; k < st.toward.size(); ++k) text += (k ? ", " : "") + st.toward[k];
            text += "\n";
        }
        if (!age.text.empty()) text += "  alder    " + age.text + "\n";
        if (group == Group::medvirkning && rng.chance(10)) text += "  vekt     stor vekt fra 12 år\n";
        if (rng.chance(20))
            text += std::string("  vilkår   ") + (rng.chance(50) ? "skjønn " : "") +
                    "\"når det er nødvendig og til barnets beste\"\n";
        if (st.modality == "skal ikke" && !by_topic[t].empty() && rng.chance(50)) {
            const Placed& general = by_topic[t][rng.below(by_topic[t].size())];
            text += "  unntak   fra " + sectors[general.sector].id + "/" + general.local_id + "\n";
        }
        const Date law_from = law.index.in_force.front();
        if (ended) {
            text += "  gjelder  fra " + law_from.add_years(5).iso() + " til 2015-12-31\n";
        } else if (rng.chance(20)) {
            text += "  gjelder  fra " + law_from.add_years(1 + static_cast<int>(rng.below(8))).iso() + "\n";
        }
        if (rng.chance(5)) text += "  merknad  \"syntetisk merknad\"\n";
        text += "}\n\n";
        sec.norm_texts.push_back(std::move(text));
        by_topic[t].push_back({sector, local_id});
    }

    // ---- Rule files: a sector's norms in files of at most norms_per_file ------
    for (std::size_t i = 0; i < sector_count; ++i) {
        const GenSector& sec = sectors[i];
        std::string header = "sektor " + sec.id + " \"" + sec.name + "\" direktorat \"" + sec.directorate + "\"\n\n";
        auto declare = [&](std::size_t law_index) {
            const GenLaw& law = laws[law_index];
            const Date from = law.index.in_force.front();
            header += "lov " + law.short_name + " \"" + law.index.title + "\" " + law.index.id + " gjelder fra " +
                      from.iso() + (law.repealed ? " til 2015-12-31" : "") + "\n";
        };
        for (std::size_t l : sec.laws) declare(l);
        if (sec.old_law) declare(*sec.old_law);
        header += "\n";
        const std::size_t files = std::max<std::size_t>(1, (sec.norm_texts.size() + options.norms_per_file - 1) /
                                                               options.norms_per_file);
        for (std::size_t f = 0; f < files; ++f) {
            std::string text = header;
            const std::size_t begin = f * options.norms_per_file;
            const std::size_t end = std::min(sec.norm_texts.size(), begin + options.norms_per_file);
            for (std::size_t k = begin; k < end; ++k) text += sec.norm_texts[k];
            char name[32];
            std::snprintf(name, sizeof name, "del-%03zu.regel", f + 1);
            write_file(out / "rules" / sec.id / name, text);
            summary.rule_bytes += text.size();
            ++summary.rule_files;
        }
    }
    summary.rule_bytes += vocabulary.size();
    ++summary.rule_files;

    // ---- The statute index ---------------------------------------------------
    fs::create_directories(out / "corpus");
    for (const GenLaw& law : laws) write_file(out / "corpus" / corpus::index_file_name(law.index), corpus::serialise_law(law.index));
    write_file(out / "corpus" / std::string(corpus::replacements_file), corpus::serialise_replacements(replacements));

    summary.norms = n;
    summary.sectors = sector_count;
    summary.laws = laws.size();
    summary.topics = topic_count;
    return summary;
}

}  // namespace lovsjekk::gen
