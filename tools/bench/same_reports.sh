#!/bin/sh
# Whether two builds of lovsjekk write byte-identical JSON reports: over the
# bundled rules at two dates, and over generated corpora (seeded, so both
# builds read the same files). For a change meant to alter speed, not output:
#   cp build/lovsjekk /some/where/lovsjekk.before   # before the change
#   tools/bench/same_reports.sh /some/where/lovsjekk.before build/lovsjekk
# Both read the rules, corpus and messages of this source tree
# (LOVSJEKK_DATA_DIR), whichever tree they were built from.
# Options: --sizes 16000,64000 (generated norms; "" for none), --work DIR.
set -eu
usage() { echo "usage: $0 BEFORE AFTER [--sizes N,N…] [--work DIR]" >&2; exit 2; }
[ $# -ge 2 ] || usage
before=$1; after=$2; shift 2
sizes=16000,64000
here=$(cd "$(dirname "$0")/../.." && pwd)
work=
while [ $# -gt 0 ]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) usage ;;
    esac
done
[ -n "$work" ] || work=$(mktemp -d)
mkdir -p "$work"
gen=$(dirname "$after")/tools/gen_corpus/gen_corpus
export LOVSJEKK_DATA_DIR="$here"
failed=0
compare() {  # NAME ARGS…: runs both builds, compares standard output and exit code
    name=$1; shift
    set +e
    "$before" report --format json "$@" >"$work/$name.before.json" 2>/dev/null; rc_before=$?
    "$after" report --format json "$@" >"$work/$name.after.json" 2>/dev/null; rc_after=$?
    set -e
    if [ "$rc_before" = "$rc_after" ] && cmp -s "$work/$name.before.json" "$work/$name.after.json"; then
        echo "same: $name ($(wc -c <"$work/$name.after.json") bytes, exit $rc_after)"
    else
        echo "DIFFERENT: $name (exit $rc_before vs $rc_after; $work/$name.before.json, $work/$name.after.json)"
        failed=1
    fi
}
compare bundled-2026-11-22 --at 2026-11-22
compare bundled-2022-07-31 --at 2022-07-31
for n in $(echo "$sizes" | tr ',' ' '); do
    [ -f "$work/n$n/done" ] || { "$gen" --norms "$n" --out "$work/n$n" >/dev/null && touch "$work/n$n/done"; }
    compare "generated-$n" --at 2026-11-22 --corpus "$work/n$n/corpus" "$work/n$n/rules"
done
[ "$failed" = 0 ] && echo "all reports byte-identical" || exit 1
