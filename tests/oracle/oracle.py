#!/usr/bin/env python3
"""The reciprocity and divergence rules in executable form, written without
the checker's code: reads the .regel files itself, applies the rules as the
README states them, and compares the result with `lovsjekk report --format
json --lang en` on the same rules and date. Exit 0 when the findings are the
same, 1 with the differences listed otherwise.

    oracle.py LOVSJEKK VOCABULARY_DIR DATE RULES_PATH [--no-corpus]

The rules it states (README, "Reciprocity" and the divergence row):
  reciprocity  A duty (har plikt til / skal / plikter) in topic group
               samarbeid or taushetsplikt, borne by a body A and owed to a
               body B (an actor without a role is a body), with B not one
               with A, is returned by a duty of the same group borne by a
               body one with B and owed to a body one with A, in force on the
               date. Ages are whole years [from, to); the ages of A's duty
               that no such duty covers are left. One finding per group,
               A and B, listing every duty with ages left.
               "One with X": X, every actor X is part of (del av, at any
               depth), every actor part of X (at any depth).
               "X skal sørge for at Y …" (`utfører Y`): the duty is borne
               by Y, who acts; it returns duties owed to X or to Y.
  divergence   Per topic and kind of norm (right, duty, may, must not,
               power), over the norms in force that set a threshold: when
               at least two sectors do so and their sets of thresholds
               differ, one finding with every such norm.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

FIELDS = {"kilde", "tema", "overfor", "alder", "vekt", "vilkår", "unntak", "gjelder",
          "usikker", "avledet", "merknad", "faktaark", "klarspråk", "utfører"}
RETURNED_GROUPS = {"samarbeid", "taushetsplikt"}
OPEN = 1000


# ---- reading .regel -----------------------------------------------------------

def modality(words):
    """The kind of norm from the words after the actor."""
    text = re.sub(r"[,.;:]", " ", " ".join(words[:4]))
    text = " ".join(text.split())
    for prefix, kind in (("har rett til", "right"), ("har plikt til", "duty"), ("skal ikke", "must_not"),
                         ("kan ikke", "must_not"), ("har ikke lov til", "must_not"), ("skal", "duty"),
                         ("plikter", "duty"), ("kan", "may"), ("bestemmer", "power"), ("avgjør", "power"),
                         ("har myndighet til", "power")):
        if text == prefix or text.startswith(prefix + " "):
            return kind
    return None


def bound(words):
    """(age, basis, is_lower) for a bound's words, e.g. ['fylt', '15', 'år']."""
    w = " ".join(words)
    # Ages in months or days (navneloven § 2: «senest når barnet fyller seks
    # måneder») as fractions of a year: 12 months are a year, as in the rules.
    m = re.fullmatch(r"(fra|fylt|over|til|under) (\d+) (måneder|måned|månader|månad|dager|dag|dagar)", w)
    if m:
        per_year = 12 if m.group(3).startswith("mån") else 365
        return int(m.group(2)) / per_year, "birthday", m.group(1) in ("fra", "fylt", "over")
    for pattern, basis, lower in ((r"fra året (\d+)", "calendar", True),
                                  (r"fra skoleåret som (?:tar|tek) til det året (\d+)", "school", True),
                                  (r"(?:fra|fylt|over) (\d+) år", "birthday", True),
                                  (r"til og med året (\d+)", "calendar", False),
                                  (r"ut skoleåret som (?:tar|tek) til det året (\d+)", "school", False),
                                  (r"(?:til|under) (\d+) år", "birthday", False)):
        m = re.fullmatch(pattern, w)
        if m:
            return int(m.group(1)), basis, lower
    raise ValueError("age bound not understood: " + w)


def age(text):
    """The `alder` field as a dict: lower/upper bounds, maturity, regardless."""
    a = {"lower": None, "upper": None, "maturity": False, "younger": False, "regardless": False}
    if text == "uansett":
        a["regardless"] = True
        return a
    if text.startswith("når "):
        a["maturity"] = True
        return a
    bounds, _, clause = text.partition(",")
    if clause:
        a["maturity"] = True
        a["younger"] = clause.strip().startswith("og yngre når")
    words = bounds.split()
    # Split where the upper bound starts: "til"/"under"/"ut", but not the "til" of "tar til".
    for i in range(1, len(words)):
        if words[i] in ("til", "under", "ut") and words[i - 1] not in ("tar", "tek"):
            a["lower"], a["upper"] = bound(words[:i]), bound(words[i:])
            return a
    b = bound(words)
    a["lower" if b[2] else "upper"] = b
    return a


def read_rules(paths):
    laws, actors, groups, norms = {}, {}, {}, []
    files = []
    for p in paths:
        p = Path(p)
        files += sorted(p.rglob("*.regel")) if p.is_dir() else [p]
    for f in files:
        sector, norm = None, None
        for line in f.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"\s+#.*$|^#.*$", "", line).rstrip() if '"' not in line else line.rstrip()
            if not line.strip():
                continue
            words = line.split()
            if norm is not None:
                if line.strip() == "}":
                    norms.append(norm)
                    norm = None
                elif words[0] in FIELDS:
                    rest = line.strip()[len(words[0]):].strip()
                    norm["fields"].setdefault(words[0], []).append(rest)
                    norm["last"] = words[0]
                elif len(words) > 1 and modality(words[1:]):
                    norm["actor"], norm["modality"] = words[0], modality(words[1:])
                    norm["last"] = None
                elif norm["last"]:  # a field continued on the next line
                    norm["fields"][norm["last"]][-1] += " " + line.strip()
                continue
            if words[0] == "sektor":
                sector = words[1]
            elif words[0] == "lov":
                m = re.search(r"gjelder (fra (\S+)(?: til (\S+))?|til (\S+)|når Kongen bestemmer)", line)
                laws[words[1]] = validity(m.group(1)) if m else (None, None, False)
            elif words[0] == "aktør":
                part = re.search(r'" del av (\S+)', line)
                role = re.search(r'" (?:del av \S+ )?rolle (\S+)', line)
                actors[words[1]] = {"part_of": part.group(1) if part else None, "role": role.group(1) if role else None}
            elif words[0] == "tema":
                g = re.search(r'" gruppe (\S+)', line)
                groups[words[1]] = g.group(1) if g else ""
            elif words[0] == "regel":
                norm = {"id": sector + "/" + words[1], "sector": sector, "fields": {}, "last": None}
    for n in norms:
        f = n.pop("fields")
        first = f["kilde"][0].split(",")[0].split()
        n["law"] = first[1] if first[0] == "jf." else first[0]
        n["topic"] = f["tema"][0]
        n["toward"] = [c.strip() for c in " ".join(f.get("overfor", [])).split(",") if c.strip()]
        n["age"] = age(f["alder"][0]) if "alder" in f else None
        n["weight"] = f["vekt"][0] if "vekt" in f else None
        n["validity"] = validity(f["gjelder"][0]) if "gjelder" in f else None
        n["performer"] = f["utfører"][0].split()[0] if "utfører" in f else None
    return laws, actors, groups, norms


def validity(text):
    """(from, to, pending) from the words after "gjelder"."""
    if text == "når Kongen bestemmer":
        return None, None, True
    m = re.fullmatch(r"(?:fra (\S+))?\s*(?:til (\S+))?", text.strip())
    return m.group(1), m.group(2), False


def in_force(n, laws, date):
    def holds(v):
        start, end, pending = v
        return not pending and (start is None or start <= date) and (end is None or date <= end)
    law = laws.get(n["law"], (None, None, False))
    if not holds(law):
        return False
    return n["validity"] is None or holds(n["validity"])


# ---- the rules ------------------------------------------------------------------

def nominal(n):
    """Whole years [from, to): a calendar or school year bound ends a year later."""
    a = n["age"]
    if a is None:
        return 0, OPEN
    lo = 0 if a["lower"] is None or a["younger"] else a["lower"][0]
    hi = OPEN if a["upper"] is None else a["upper"][0] + (0 if a["upper"][1] == "birthday" else 1)
    return lo, hi


def one_with(actor, actors):
    def wholes(x):
        seen = [x]
        while actors.get(seen[-1], {}).get("part_of") and actors[seen[-1]]["part_of"] not in seen:
            seen.append(actors[seen[-1]]["part_of"])
        return seen
    return set(wholes(actor)) | {a for a in actors if actor in wholes(a)}


def left_uncovered(need, covers):
    ages = set(range(need[0], min(need[1], OPEN + 1)))
    for lo, hi in covers:
        ages -= set(range(lo, hi))
    return ages


def ranges(ages):
    out = []
    for a in sorted(ages):
        if out and out[-1][1] == a:
            out[-1][1] = a + 1
        else:
            out.append([a, a + 1])
    return [tuple(r) for r in out]


def reciprocity(norms, actors, groups):
    body = lambda a: actors.get(a, {}).get("role") is None
    duties = [n for n in norms if n["modality"] == "duty" and groups.get(n["topic"]) in RETURNED_GROUPS]
    found = {}
    doer = lambda n: n["performer"] or n["actor"]
    for n in duties:
        if not body(doer(n)):
            continue
        mine = one_with(doer(n), actors)
        for other in n["toward"]:
            if not body(other) or other in mine:
                continue
            theirs = one_with(other, actors)
            covers = [nominal(r) for r in duties if groups[r["topic"]] == groups[n["topic"]]
                      and {r["actor"], doer(r)} & theirs and mine & set(r["toward"])]
            left = left_uncovered(nominal(n), covers)
            if left:
                key = (groups[n["topic"]], doer(n), other)
                rules, ages = found.setdefault(key, (set(), set()))
                rules.add(n["id"])
                ages |= left
    return {(g, a, o, frozenset(rules), tuple(ranges(ages))) for (g, a, o), (rules, ages) in found.items()}


def threshold(n):
    a = n["age"]
    sets = (a is not None and not a["regardless"] and (a["lower"] or a["upper"] or a["maturity"])) or n["weight"]
    if not sets:
        return None
    b = lambda x: None if x is None else (x[0], x[1])
    return (b(a["lower"]), b(a["upper"]), a["maturity"], a["younger"]) if a else None, n["weight"]


def divergence(norms):
    by = {}
    for n in norms:
        t = threshold(n)
        if t is not None:
            by.setdefault((n["topic"], n["modality"]), []).append((n, t))
    found = set()
    for (topic, _), items in by.items():
        sectors = {}
        for n, t in items:
            sectors.setdefault(n["sector"], set()).add(t)
        if len(sectors) >= 2 and len({frozenset(s) for s in sectors.values()}) > 1:
            found.add((topic, frozenset(n["id"] for n, _ in items)))
    return found


# ---- the tool's findings, read back -----------------------------------------------

VERBS = {"cooperate with": "samarbeid", "keep confidential toward": "taushetsplikt",
         "coordinate services with": "samordning", "share information with": "opplysning", "notify": "melding"}


def tool_findings(lovsjekk, date, paths, extra):
    out = subprocess.run([lovsjekk, "report", "--format", "json", "--lang", "en", "--at", date, *extra, *paths],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"oracle: lovsjekk failed ({out.returncode}): {out.stderr[:500]}")
    recip, div = set(), set()
    verbs = "|".join(map(re.escape, VERBS))
    for f in json.loads(out.stdout)["findings"]:
        # The cross-sector analysis (issue 15) also reports divergences: someone
        # deciding for the child where another sector lets her decide. Not this rule.
        if f["kind"] == "divergence" and " may decide for the child on " not in f["message"]:
            div.add((f["topic"], frozenset(f["rules"])))
        m = re.match(rf"(\S+) must ({verbs}) (\S+) \(.*\), but no rule in force obliges \3 to \2 \1\b",
                     f["message"], re.S)
        if f["kind"] == "gap" and m:
            tail = re.search(r"for children (.*)$", f["message"], re.S)
            ages = set()
            for part in (tail.group(1).split("; ") if tail else ["at all ages"]):
                lo, hi = parse_ages(part.strip(), f)
                ages |= set(range(lo, min(hi, OPEN + 1)))
            recip.add((VERBS[m.group(2)], m.group(1), m.group(3), frozenset(f["rules"]), tuple(ranges(ages))))
    return recip, div


def parse_ages(text, finding):
    for pattern, make in ((r"at all ages", lambda: (0, OPEN)), (r"under age (\d+)", lambda t: (0, int(t))),
                          (r"from age (\d+)", lambda f: (int(f), OPEN)),
                          (r"at ages (\d+)–(\d+)", lambda f, t: (int(f), int(t)))):
        m = re.fullmatch(pattern, text)
        if m:
            return make(*m.groups())
    sys.exit(f"oracle: ages not understood in {finding['id']}: {text}")


def main():
    lovsjekk, vocabulary, date, *paths = sys.argv[1:]
    extra = [p for p in paths if p.startswith("--")]
    paths = [p for p in paths if not p.startswith("--")]
    vocab = sorted(Path(vocabulary).glob("vokabular*.regel"))
    own = [p for p in paths if Path(p).resolve() != Path(vocabulary).resolve()]
    laws, actors, groups, norms = read_rules(vocab + own if own else [vocabulary])
    live = [n for n in norms if in_force(n, laws, date)]
    expected = reciprocity(live, actors, groups), divergence(live)
    got = tool_findings(lovsjekk, date, paths, extra)
    failed = False
    for name, want, have in zip(("reciprocity", "divergence"), expected, got):
        for item in sorted(want - have, key=str):
            print(f"{date} {name}: the oracle finds, lovsjekk does not: {sorted(item, key=str) if isinstance(item, frozenset) else item}")
            failed = True
        for item in sorted(have - want, key=str):
            print(f"{date} {name}: lovsjekk finds, the oracle does not: {item}")
            failed = True
    print(f"{date} {' '.join(paths) or 'rules'}: reciprocity {len(expected[0])}, divergence {len(expected[1])}"
          f"{' — DIFFERENT' if failed else ', the same'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
