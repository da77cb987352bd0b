#!/bin/sh
# The oracle (oracle.py) against lovsjekk: the bundled rules at dates around
# the 2022 and 2024 changes and today, the golden cases of the two families,
# and generated corpora (tools/gen_corpus) at three dates.
# Any difference fails; no python3 skips (exit 77).
#   run.sh LOVSJEKK GEN_CORPUS SOURCE_DIR WORK_DIR
set -u
lovsjekk=$1 gen_corpus=$2 source=$3 work=$4
if ! command -v python3 >/dev/null 2>&1; then
  echo "oracle: skipped: python3 is not installed (tools/setup.sh test installs it)"
  exit 77
fi
cd "$source" || exit 2
status=0
for date in 2020-01-01 2022-07-31 2022-08-01 2024-08-01 "$(date -u +%F)"; do
  python3 tests/oracle/oracle.py "$lovsjekk" rules "$date" rules || status=1
done
# The golden cases of the two families, each at the date its ARGS line gives.
for case in tests/cases/gap-*.regel tests/cases/divergence-*.regel; do
  date=$(sed -n 's/^# ARGS: check .*--at \([0-9-]*\).*/\1/p' "$case")
  [ -n "$date" ] || continue
  python3 tests/oracle/oracle.py "$lovsjekk" rules "$date" "$case" --no-corpus || status=1
done
for seed in 1 2; do
  rm -rf "$work/corpus-$seed"
  "$gen_corpus" --norms 600 --seed "$seed" --out "$work/corpus-$seed" >/dev/null || exit 2
  for date in 2000-01-01 2015-06-30 2026-12-07; do
    python3 tests/oracle/oracle.py "$lovsjekk" rules "$date" "$work/corpus-$seed/rules" --no-corpus || status=1
  done
done
exit $status
