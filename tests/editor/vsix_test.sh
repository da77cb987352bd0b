#!/bin/sh
# The VS Code extension packages into a .vsix (`npm ci`, then `vsce package`,
# in a copy of tools/editor so the source tree stays clean) that holds the
# manifest, the bundled client, the grammar, the language configuration and
# the licences, and no node_modules. Exit 77 (skipped) without node and npm
# or without the npm registry, or with a Node older than 20.
#
#   sh tests/editor/vsix_test.sh SOURCE_DIR
set -eu
source_dir=$(cd "$1" && pwd)
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "vsix test: skipped: $tool is not installed"; exit 77; }
done
# @vscode/vsce 3 needs Node 20 (Debian 12 ships 18: use NodeSource's or a newer Debian's).
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || { echo "vsix test: skipped: node $(node --version) is older than 20, which @vscode/vsce needs"; exit 77; }
npm ping >/dev/null 2>&1 || { echo "vsix test: skipped: the npm registry cannot be reached"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "vsix test: FAIL: $*" >&2; exit 1; }

mkdir "$tmp/editor"
(cd "$source_dir/tools/editor" && tar cf - --exclude=./node_modules --exclude=./dist --exclude='*.vsix' .) |
  (cd "$tmp/editor" && tar xf -)
cd "$tmp/editor"
npm ci --no-audit --no-fund >"$tmp/npm.log" 2>&1 || { cat "$tmp/npm.log" >&2; fail "npm ci failed"; }
npm run package -- -o "$tmp/lovsjekk-regel.vsix" >"$tmp/vsce.log" 2>&1 || { cat "$tmp/vsce.log" >&2; fail "vsce package failed"; }
if grep -qi "warning" "$tmp/vsce.log"; then cat "$tmp/vsce.log" >&2; fail "vsce warned"; fi

cmake -E tar tf "$tmp/lovsjekk-regel.vsix" | sort >"$tmp/contents"
echo "vsix test: $(wc -c <"$tmp/lovsjekk-regel.vsix") bytes:" $(cat "$tmp/contents")
for f in extension/package.json extension/dist/extension.js extension/regel.tmLanguage.json \
         extension/language-configuration.json extension/LICENSE.md extension/dist/THIRD-PARTY-NOTICES.txt; do
  grep -qx "$f" "$tmp/contents" || fail "$f is not in the .vsix"
done
if grep -q "node_modules" "$tmp/contents"; then fail "the .vsix ships node_modules: $(grep node_modules "$tmp/contents" | head -3)"; fi
if grep -qv '^extension/\|^extension.vsixmanifest$\|^\[Content_Types\].xml$' "$tmp/contents"; then
  fail "unexpected entries: $(grep -v '^extension/' "$tmp/contents")"
fi

# What is inside: the grammar as in the source tree, a manifest whose main is the
# bundle, and a bundle that carries the language client rather than requiring it.
mkdir "$tmp/x"
(cd "$tmp/x" && cmake -E tar xf "$tmp/lovsjekk-regel.vsix")
cmp -s "$tmp/x/extension/regel.tmLanguage.json" "$source_dir/tools/editor/regel.tmLanguage.json" ||
  fail "the packaged grammar differs from tools/editor/regel.tmLanguage.json"
main=$(node -p "require('$tmp/x/extension/package.json').main")
[ "$main" = "./dist/extension.js" ] || fail "main is '$main'"
grep -q "LanguageClient" "$tmp/x/extension/dist/extension.js" || fail "the bundle lacks the language client"
if grep -q 'require("vscode-languageclient' "$tmp/x/extension/dist/extension.js"; then
  fail "the bundle requires vscode-languageclient instead of carrying it"
fi
grep -q "vscode-languageclient" "$tmp/x/extension/dist/THIRD-PARTY-NOTICES.txt" || fail "no notice for vscode-languageclient"
echo "vsix test: ok"
