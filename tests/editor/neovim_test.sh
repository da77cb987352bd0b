#!/bin/sh
# The Neovim set-up in tools/editor/lovsjekk.lua (the one tools/editor/README.md
# shows) starts `lovsjekk lsp` and gets its diagnostics, in the Neovim on this
# machine (Debian 12's is 0.7): a rule citing bl § 999 is reported. Exit 77
# (skipped) without nvim.
#
#   sh tests/editor/neovim_test.sh LOVSJEKK SOURCE_DIR
set -eu
command -v nvim >/dev/null 2>&1 || { echo "neovim test: skipped: nvim is not installed"; exit 77; }
lovsjekk=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "neovim test: FAIL: $*" >&2; exit 1; }

# The README shows the file as it is.
awk '/^```lua$/ { on = 1; next } /^```$/ { on = 0 } on' "$source_dir/tools/editor/README.md" >"$tmp/readme.lua"
cmp -s "$tmp/readme.lua" "$source_dir/tools/editor/lovsjekk.lua" ||
  fail "the lua block in tools/editor/README.md differs from tools/editor/lovsjekk.lua"

mkdir "$tmp/bin" "$tmp/rules"
ln -s "$lovsjekk" "$tmp/bin/lovsjekk"
cp "$source_dir/rules/familie.regel" "$tmp/rules/familie.regel"
sed -i '0,/^  kilde    bl § 31/s//  kilde    bl § 999/' "$tmp/rules/familie.regel"
cat >"$tmp/check.lua" <<'LUA'
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local found = false
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.message:find("999") then found = true end
end
local out = io.open(os.getenv("RESULT"), "w")
out:write(string.format("%s %d %d\n", tostring(found), #vim.diagnostic.get(0), #vim.lsp.get_active_clients()))
out:close()
vim.cmd("qa!")
LUA
PATH="$tmp/bin:$PATH" LOVSJEKK_DATA_DIR="$source_dir" RESULT="$tmp/result" HOME="$tmp" \
  timeout 60 nvim --headless -i NONE -u "$source_dir/tools/editor/lovsjekk.lua" "$tmp/rules/familie.regel" \
  -c "luafile $tmp/check.lua" >/dev/null 2>&1 || true
[ -f "$tmp/result" ] || fail "nvim wrote no result"
read -r found count clients <"$tmp/result"
[ "$clients" = 1 ] || fail "$clients language clients running (want 1)"
[ "$found" = true ] || fail "no diagnostic about bl § 999 among $count"
echo "neovim test: ok ($(nvim --version | head -n 1): $count diagnostics, bl § 999 among them)"
