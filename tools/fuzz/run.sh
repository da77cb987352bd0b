#!/usr/bin/env bash
# Runs every fuzz harness for SECONDS each on its corpus (CI smoke fuzzing):
#   tools/fuzz/run.sh SECONDS [BUILD_DIR]
# BUILD_DIR (default: build-fuzz in the clone) is configured with clang++ and
# -DLOVSJEKK_FUZZ=ON and built when the harnesses are missing. Needs the
# Debian packages clang and libclang-rt-14-dev; installs nothing itself.
# The corpus a run grows is kept in BUILD_DIR/corpus/HARNESS, crashes in
# BUILD_DIR/artifacts/. Exit status 1 when any harness found a crash, leak
# or timeout (the artifact path is printed), else 0.
set -euo pipefail
seconds="${1:?usage: tools/fuzz/run.sh SECONDS [BUILD_DIR]}"
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
build="${2:-$src/build-fuzz}"
harnesses=(fuzz_regel fuzz_citation fuzz_lovdata fuzz_pipeline)

for tool in clang++; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
done
missing=0
for h in "${harnesses[@]}"; do [ -x "$build/tools/fuzz/$h" ] || missing=1; done
if [ "$missing" = 1 ] || [ "${LOVSJEKK_FUZZ_REBUILD:-0}" = 1 ]; then
  cmake -S "$src" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DLOVSJEKK_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" -j2 --target "${harnesses[@]}"
fi
[ -d "$build/seeds" ] || "$here/make_seeds.sh" "$build/seeds"

status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$build/corpus/$h" "$build/artifacts"
  case "$h" in
    fuzz_lovdata) extra=(-dict="$here/lovdata.dict" -max_len=262144) ;;
    fuzz_citation) extra=(-dict="$here/regel.dict" -max_len=512) ;;
    *) extra=(-dict="$here/regel.dict" -max_len=16384) ;;
  esac
  echo "== $h: ${seconds}s"
  # -timeout: one input taking over 10 s is a hang worth reporting;
  # -rss_limit_mb: a run growing past 2 GiB is unbounded memory use.
  if ! "$build/tools/fuzz/$h" "${extra[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
        "$build/corpus/$h" "$build/seeds/$h" "$here/seeds/$h" 2> "$build/artifacts/$h.log"; then
    echo "run.sh: $h failed; see $build/artifacts/$h.log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$build/artifacts/$h.log" >&2 || true
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+ *DONE' "$build/artifacts/$h.log" || true
done
exit "$status"
