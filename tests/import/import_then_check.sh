#!/bin/sh
# The hint of a law missing from the statute index, followed as written:
# `lovsjekk import lovdata FILE.xml -o DIR`, then `check --corpus DIR`, and
# `check --lovdata DIR` over the XML itself. Trossamfunnsloven's text from
# ../shared/lovdata; skipped (77) when that folder is absent.
# Usage: import_then_check.sh LOVSJEKK SOURCE_DIR
set -u
lovsjekk=$1
cd "$2" || exit 1
xml=../shared/lovdata/nl-20200424-031.xml
[ -f "$xml" ] || { echo "skipped: $xml is absent"; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect CODE PATTERN COMMAND...
    code=$1; pattern=$2; shift 2
    "$@" > "$work/out" 2>&1
    status=$?
    if [ "$status" != "$code" ]; then
        echo "FAIL: '$*' exited $status, expected $code"; cat "$work/out"; failures=$((failures + 1))
    elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" "$work/out"; then
        echo "FAIL: '$*' did not print: $pattern"; cat "$work/out"; failures=$((failures + 1))
    fi
}
cat > "$work/navn.regel" <<'RULES'
sektor tro "Tros- og livssynssamfunn"

regel niende {
  kilde    tsl § 2 første ledd niende punktum
  tema     medlemskap.trossamfunn
  barnet   bestemmer alene om å melde seg inn i eller ut av tros- og livssynssamfunn
  alder    fylt 15 år
}
RULES
expect 0 "" "$lovsjekk" import lovdata "$xml" -o "$work/index"
[ -f "$work/index/LOV-2020-04-24-31.json" ] || { echo "FAIL: import wrote no LOV-2020-04-24-31.json"; failures=$((failures + 1)); }
expect 1 "men regelen viser til 9. punktum" "$lovsjekk" check --corpus "$work/index" "$work/navn.regel"
mkdir "$work/xml" && cp "$xml" "$work/xml/"
expect 1 "men regelen viser til 9. punktum" "$lovsjekk" check --lovdata "$work/xml" "$work/navn.regel"
echo "import_then_check: $failures failures"
[ "$failures" -eq 0 ]
