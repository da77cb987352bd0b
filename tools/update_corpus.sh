#!/bin/sh
# Rebuilds corpus/ from Lovdata's public archives (never run in CI).
#
#   tools/update_corpus.sh [--from DIR] [--date YYYY-MM-DD] [--lovsjekk BIN]
#
# Without --from, fetches gjeldende-lover.tar.bz2 and
# gjeldende-sentrale-forskrifter.tar.bz2 from Lovdata's public data API
# (https://api.lovdata.no/v1/publicData/get/…, free, no key) into a temporary
# folder, with lovtidend-avd1-YEAR.tar.bz2 (YEAR of --date); --from DIR
# takes them (and any sf-*.xml single files) from DIR instead. Then: every
# current law is imported; of the regulations, those the rules in rules/ cite;
# hand-written entries (repealed laws) are kept for ids Lovdata does not have;
# replacements.json, NOTICE.md and README.md are kept; amendments.json gets
# Lovtidend's acts that touch a law the rules cite; corpus.json records the
# date (--date, default today in UTC) and sources.
# The new corpus is built beside the old and swapped in only when complete.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
from=""
date=$(date -u +%Y-%m-%d)
lovsjekk=""
while [ $# -gt 0 ]; do
    case "$1" in
        --from) from=$2; shift 2 ;;
        --date) date=$2; shift 2 ;;
        --lovsjekk) lovsjekk=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "update_corpus.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
if [ -z "$lovsjekk" ]; then
    if [ -x "$root/build/lovsjekk" ]; then lovsjekk=$root/build/lovsjekk; else lovsjekk=lovsjekk; fi
fi

api=https://api.lovdata.no/v1/publicData/get
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/in" "$work/laws" "$work/regulations" "$work/corpus"

year=$(echo "$date" | cut -c1-4)
for archive in gjeldende-lover.tar.bz2 gjeldende-sentrale-forskrifter.tar.bz2 "lovtidend-avd1-$year.tar.bz2"; do
    if [ -n "$from" ]; then
        if [ -f "$from/$archive" ]; then cp "$from/$archive" "$work/in/"; fi
    else
        curl -fsSL --retry 3 -o "$work/in/$archive" "$api/$archive"
    fi
done
if [ ! -f "$work/in/gjeldende-lover.tar.bz2" ]; then
    echo "update_corpus.sh: no gjeldende-lover.tar.bz2${from:+ in '$from'}" >&2
    exit 2
fi

# Notes and warnings on odd documents go to a log; errors stop the update.
"$lovsjekk" import lovdata "$work/in/gjeldende-lover.tar.bz2" -o "$work/laws" >/dev/null 2>"$work/import.log" || {
    grep ': error:' "$work/import.log" >&2
    exit 2
}
regulation_inputs=""
[ -f "$work/in/gjeldende-sentrale-forskrifter.tar.bz2" ] &&
    regulation_inputs="$work/in/gjeldende-sentrale-forskrifter.tar.bz2"
if [ -n "$from" ]; then
    for f in "$from"/sf-*.xml; do [ -f "$f" ] && regulation_inputs="$regulation_inputs $f"; done
fi
if [ -n "$regulation_inputs" ]; then
    # shellcheck disable=SC2086  # no spaces in these names
    "$lovsjekk" import lovdata $regulation_inputs -o "$work/regulations" >/dev/null 2>>"$work/import.log"
fi

cp "$work/laws"/*.json "$work/corpus/"
# Regulations: only those the rules cite.
for id in $(grep -oh 'FOR-[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}-[0-9]*' "$root"/rules/*.regel | LC_ALL=C sort -u); do
    if [ -f "$work/regulations/$id.json" ]; then
        cp "$work/regulations/$id.json" "$work/corpus/"
    elif [ -f "$root/corpus/$id.json" ]; then
        cp "$root/corpus/$id.json" "$work/corpus/"
        echo "update_corpus.sh: $id is not in Lovdata's data here; kept the old entry" >&2
    fi
done
# Hand-written entries, for the laws Lovdata's current data does not have.
for f in "$root"/corpus/LOV-*.json "$root"/corpus/FOR-*.json; do
    [ -f "$f" ] || continue
    name=$(basename "$f")
    [ -f "$work/corpus/$name" ] && continue
    if grep -q '"source": "hand-written"' "$f"; then
        cp "$f" "$work/corpus/"
    else
        echo "update_corpus.sh: $name is no longer in Lovdata's current data; dropped (repealed?)" >&2
    fi
done
cp "$root/corpus/replacements.json" "$root/corpus/NOTICE.md" "$root/corpus/README.md" "$work/corpus/"

# Lovtidend: the amending acts that touch a law the rules cite.
if [ -f "$work/in/lovtidend-avd1-$year.tar.bz2" ]; then
    law_options=""
    for id in $(grep -oh 'LOV-[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}\(-[0-9]*\)\{0,1\}' "$root"/rules/*.regel | LC_ALL=C sort -u); do
        law_options="$law_options --law $id"
    done
    # shellcheck disable=SC2086  # one word per option
    "$lovsjekk" import lovtidend "$work/in/lovtidend-avd1-$year.tar.bz2" $law_options -o "$work/corpus" >/dev/null
elif [ -f "$root/corpus/amendments.json" ]; then
    cp "$root/corpus/amendments.json" "$work/corpus/"
fi

laws=$(ls "$work/laws" | wc -l | tr -d ' ')
regulations=$(ls "$work/corpus" | grep -c '^FOR-' || true)
acts=0
[ -f "$work/corpus/amendments.json" ] && acts=$(grep -c '"id": ' "$work/corpus/amendments.json" || true)
source_line() {  # name, documents
    printf '    {"name": "%s", "url": "%s/%s", "date": "%s", "documents": %s}' "$1" "$api" "$1" "$date" "$2"
}
{
    printf '{\n  "schema": "lovsjekk.corpus-info/1",\n  "data_date": "%s",\n  "sources": [\n' "$date"
    source_line gjeldende-lover.tar.bz2 "$laws"
    printf ',\n'
    source_line gjeldende-sentrale-forskrifter.tar.bz2 "$regulations"
    if [ "$acts" -gt 0 ]; then
        printf ',\n'
        source_line "lovtidend-avd1-$year.tar.bz2" "$acts"
    fi
    printf '\n  ]\n}\n'
} >"$work/corpus/corpus.json"

# Swap: the old corpus goes only once the new one is complete.
rm -rf "$root/corpus.old"
mv "$root/corpus" "$root/corpus.old"
mv "$work/corpus" "$root/corpus"
rm -rf "$root/corpus.old"
echo "update_corpus.sh: corpus/ rebuilt ($laws laws, $regulations regulations, data of $date); review with git status and git diff --stat"
