#!/usr/bin/env bash
# Builds the seed corpora for the fuzz harnesses from the project's own files:
#   fuzz_regel, fuzz_pipeline  <- rules/*.regel, tests/cases/**/*.regel
#   fuzz_citation              <- every `kilde` / `erstattet` citation in them
#   fuzz_lovdata               <- ../shared/lovdata/*.xml (when present)
# into OUT/<harness>/ (default: build-fuzz/seeds beside the clone). The
# generated seeds are never committed (Lovdata's files are theirs, and the
# set is large); the small hand-made seeds in tools/fuzz/seeds/ are, and
# run.sh passes both directories to each harness.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
out="${1:-$src/../build-fuzz/seeds}"
mkdir -p "$out"/{fuzz_regel,fuzz_pipeline,fuzz_citation,fuzz_lovdata}

n=0
while IFS= read -r -d '' f; do
  name="$(echo "${f#"$src"/}" | tr '/' '_')"
  cp "$f" "$out/fuzz_regel/$name"
  cp "$f" "$out/fuzz_pipeline/$name"
  n=$((n + 1))
done < <(find "$src/rules" "$src/tests/cases" -name '*.regel' -type f -print0 | sort -z)

# One file per distinct citation: what follows `kilde`, `erstattet … av`,
# without comments, split at top-level commas.
find "$src/rules" "$src/tests/cases" -name '*.regel' -type f -print0 | sort -z |
  xargs -0 grep -IhE '^\s*(kilde|erstattet)\s' |
  sed -E 's/#.*//; s/^\s*(kilde|erstattet)\s+//; s/\s+av\s+/,/' | tr ',' '\n' |
  sed -E 's/^\s+//; s/\s+$//' | grep -v '^$' | sort -u |
  while IFS= read -r c; do
    printf '%s' "$c" > "$out/fuzz_citation/$(printf '%s' "$c" | sha1sum | cut -c1-16)"
  done

if [ -d "$src/../shared/lovdata" ]; then
  cp "$src/../shared/lovdata/"*.xml "$out/fuzz_lovdata/" 2>/dev/null || true
else
  echo "make_seeds: ../shared/lovdata absent; fuzz_lovdata gets only the hand-made seeds" >&2
fi
echo "make_seeds: $n rule files, $(ls "$out/fuzz_citation" | wc -l) citations," \
     "$(ls "$out/fuzz_lovdata" | wc -l) Lovdata files in $out"
