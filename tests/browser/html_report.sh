#!/bin/sh
# Browser test of the HTML report: renders it in headless Chromium, checks
# the DOM after the page's script ran (rows, timeline marks, and that the
# kind and sector filters hide the right rows), and keeps a screenshot.
#
#   html_report.sh LOVSJEKK SOURCE_DIR OUT_DIR
#
# Exits 77 (CTest's SKIP_RETURN_CODE) when /usr/bin/chromium is missing.
set -eu

lovsjekk=$1
source_dir=$2
out_dir=$3
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
    echo "SKIP: $chromium not found; install Debian's chromium package to run the HTML report in a browser"
    exit 77
fi

mkdir -p "$out_dir"
report="$out_dir/report.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

cd "$source_dir"
"$lovsjekk" report --format html --at 2026-11-22 -o "$report" tests/cases/report-html.regel

browser() {
    # No network, no first-run work, a throwaway profile; a timeout in case
    # the browser hangs on a machine without a display.
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>"$out_dir/chromium.log"
}

fail() {
    echo "FAIL: $*"
    exit 1
}

# What the page holds before any script runs, counted in the file itself.
rows=$(grep -c '<tr data-kind=' "$report" || true)
# The rows are in reading order (severity, then topic); the kind the self-test
# picks is the first one the filter offers (its options are sorted).
kind=$(sed -n '/<select id="filter-kind"/,/<\/select>/p' "$report" | grep -o '<option value="[^"]\+"' | head -n 1 |
    sed 's/.*value="//; s/"$//')
kind_rows=$(grep -c "<tr data-kind=\"$kind\"" "$report" || true)
marks=$(grep -c 'class="mark [a-z_]* \(lower\|upper\)"' "$report" || true)
legend_marks=4
legend_marks=$((legend_marks + 1))  # the hollow upper-bound example
[ "$rows" -gt 1 ] || fail "expected several findings in the report, found $rows"

browser --dump-dom "file://$report#selftest" >"$out_dir/report.dom.html" || fail "chromium --dump-dom failed (see $out_dir/chromium.log)"
body=$(grep -o '<body [^>]*>' "$out_dir/report.dom.html" | head -n 1)
attr() { echo "$body" | sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p"; }

[ "$(attr data-selftest)" = done ] || fail "the page's self-test did not run: $body"
[ "$(attr data-selftest-rows)" = "$rows" ] || fail "all filters off: $(attr data-selftest-rows) rows visible, expected $rows"
[ "$(attr data-selftest-kind)" = "$kind" ] || fail "first kind in the filter is '$(attr data-selftest-kind)', expected '$kind'"
[ "$(attr data-selftest-kind-visible)" = "$kind_rows" ] ||
    fail "filtered by kind $kind: $(attr data-selftest-kind-visible) rows visible, expected $kind_rows"
[ "$kind_rows" -lt "$rows" ] || fail "the kind filter hid nothing ($kind_rows of $rows)"
sector=$(attr data-selftest-sector)
sector_rows=$(grep -o '<tr data-kind="[^"]*" data-sector="[^"]*"' "$report" | grep -c "data-sector=\"\\([^\"]* \\)\\?$sector\\( [^\"]*\\)\\?\"" || true)
[ "$(attr data-selftest-sector-visible)" = "$sector_rows" ] ||
    fail "filtered by sector $sector: $(attr data-selftest-sector-visible) rows visible, expected $sector_rows"
[ "$(attr data-selftest-marks)" = "$((marks - legend_marks))" ] ||
    fail "timeline: $(attr data-selftest-marks) bound markers in the DOM, expected $((marks - legend_marks))"
[ "$(attr data-selftest-bands)" -gt 0 ] || fail "timeline: no finding is drawn on the timeline"
grep -q 'Inneholder data under Norsk lisens for offentlige data (NLOD) tilgjengeliggjort av Lovdata' "$out_dir/report.dom.html" ||
    fail "the NLOD attribution is missing from the footer"
# The fixture's rule title holds "<i>&</i>": it must stay text.
grep -q '&lt;i&gt;&amp;&lt;/i&gt;' "$out_dir/report.dom.html" || fail "the rule title with markup characters is missing"
if grep -q '<i>&amp;</i>' "$out_dir/report.dom.html"; then fail "rule text became markup"; fi

browser --screenshot="$out_dir/report.png" --window-size=1400,1000 "file://$report" >/dev/null ||
    fail "chromium --screenshot failed (see $out_dir/chromium.log)"
[ -s "$out_dir/report.png" ] || fail "no screenshot written"

echo "html report in chromium: $rows findings, filter by kind '$kind' shows $kind_rows, by sector '$sector' shows $sector_rows, $((marks - legend_marks)) bound markers; screenshot $out_dir/report.png"
