#!/bin/sh
# The hooks in .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo`)
# on a repository holding a copy of the bundled rules: both pass on the rules
# as they are; lovsjekk-fmt fails on a file out of layout and lovsjekk-check
# on a rule that cites a section the law lacks. Exit 77 (skipped) without
# pre-commit or git.
#
#   sh tests/install/precommit_test.sh LOVSJEKK SOURCE_DIR
set -eu
for tool in pre-commit git; do
  command -v "$tool" >/dev/null 2>&1 || { echo "pre-commit test: skipped: $tool is not installed"; exit 77; }
done
lovsjekk=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "pre-commit test: FAIL: $*" >&2; exit 1; }

mkdir "$tmp/bin"
ln -s "$lovsjekk" "$tmp/bin/lovsjekk"
export PATH="$tmp/bin:$PATH" PRE_COMMIT_HOME="$tmp/cache" LOVSJEKK_DATA_DIR="$source_dir"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
mkdir "$tmp/repo"
cp -r "$source_dir/rules" "$tmp/repo/rules"
cd "$tmp/repo"
git init -q .
git add rules
hooks() { pre-commit try-repo "$source_dir" "$1" --all-files >"$tmp/$1.log" 2>&1; }

hooks lovsjekk-check || { cat "$tmp/lovsjekk-check.log" >&2; fail "lovsjekk-check fails on the bundled rules"; }
hooks lovsjekk-fmt || { cat "$tmp/lovsjekk-fmt.log" >&2; fail "lovsjekk-fmt fails on the bundled rules"; }

# Out of layout: two spaces where the field's value starts.
sed -i '0,/^  kilde    /s//  kilde  /' rules/familie.regel
git add rules
if hooks lovsjekk-fmt; then fail "lovsjekk-fmt passes a file out of layout"; fi
grep -q "familie.regel" "$tmp/lovsjekk-fmt.log" || fail "lovsjekk-fmt does not name the file: $(cat "$tmp/lovsjekk-fmt.log")"
git checkout -q rules/familie.regel 2>/dev/null || cp "$source_dir/rules/familie.regel" rules/familie.regel

# A citation of a section the law lacks is an error.
sed -i '0,/^  kilde    bl § [0-9]*/s//  kilde    bl § 999/' rules/familie.regel
git add rules
if hooks lovsjekk-check; then fail "lovsjekk-check passes a citation of bl § 999"; fi
grep -q "999" "$tmp/lovsjekk-check.log" || fail "lovsjekk-check does not report bl § 999: $(tail -n 5 "$tmp/lovsjekk-check.log")"
echo "pre-commit test: ok"
