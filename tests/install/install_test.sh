#!/bin/sh
# The installed lovsjekk works on its own: `cmake --install` into a temporary
# prefix, move the prefix, and run check, report --format sarif, summary and
# the language server's initialize from there, in a folder outside the source
# tree, with the source-tree fallback switched off (LOVSJEKK_NO_SOURCE_DATA).
# Then: a lone copy of the binary fails cleanly (exit 2, a message, no abort)
# and works with LOVSJEKK_DATA_DIR; and, where strace can run, the installed
# binary opens nothing in the source tree even with the fallback allowed.
#
#   sh tests/install/install_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: FAIL: $*" >&2; exit 1; }
at=--at=2026-11-22

cmake --install "$build" --prefix "$tmp/staged" >/dev/null
mv "$tmp/staged" "$tmp/moved"
prefix=$tmp/moved
for f in bin/lovsjekk share/lovsjekk/rules/vokabular.regel share/lovsjekk/corpus/NOTICE.md \
         share/lovsjekk/messages/nb/cli.txt share/lovsjekk/messages/en/findings.txt \
         share/man/man1/lovsjekk.1.gz share/man/nn/man1/lovsjekk.1.gz share/man/en/man1/lovsjekk.1.gz; do
  [ -f "$prefix/$f" ] || fail "$f is not installed"
done

# The manual pages: a section per command `lovsjekk --help` lists, every option of check, in each language.
for page in man1 nn/man1 en/man1; do
  gzip -dc "$prefix/share/man/$page/lovsjekk.1.gz" >"$tmp/page.1"
  for command in check report diff ages summary explain fmt lsp import; do
    grep -qx ".SS $command" "$tmp/page.1" || fail "share/man/$page/lovsjekk.1 has no section for $command"
  done
  for option in fail-on policy severity assume-in-force lang; do
    roffed=$(printf '.B %s' "--$option" | sed 's/-/\\-/g')
    grep -qF "$roffed" "$tmp/page.1" || fail "share/man/$page/lovsjekk.1 lacks --$option"
  done
  if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -man -Tutf8 -ww -z "$tmp/page.1" 2>&1)
    [ -z "$warnings" ] || fail "groff warns about share/man/$page/lovsjekk.1: $warnings"
  fi
done
grep -q "^\.SH NAME" "$tmp/page.1" || fail "the English page has no NAME section"

mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
unset LOVSJEKK_DATA_DIR
export LOVSJEKK_NO_SOURCE_DATA=1
installed=$prefix/bin/lovsjekk

# check (which writes to standard error): the same exit status and summary line as the build tree's binary.
set +e
"$installed" check $at >check.out 2>&1; status=$?
(cd "$source_dir" && env -u LOVSJEKK_NO_SOURCE_DATA "$build/lovsjekk" check $at >"$tmp/built.out" 2>&1); built_status=$?
set -e
[ "$status" = "$built_status" ] || fail "installed check exited $status, the build tree's $built_status: $(tail -n 3 check.out)"
[ "$status" -le 1 ] || fail "installed check exited $status: $(tail -n 3 check.out)"
[ "$(tail -n 1 check.out)" = "$(tail -n 1 "$tmp/built.out")" ] ||
  fail "check's summary differs: '$(tail -n 1 check.out)' vs '$(tail -n 1 "$tmp/built.out")'"

# report --format sarif: a SARIF log over the installed rules, naming none of the source tree.
"$installed" report --format sarif $at -o report.sarif || fail "report --format sarif exited $?"
grep -q '"version": *"2.1.0"' report.sarif || fail "report.sarif is not SARIF 2.1.0"
grep -q 'vokabular.regel\|\.regel' report.sarif || fail "report.sarif names no rule file"
if grep -q "$source_dir" report.sarif; then fail "report.sarif names the source tree"; fi

# summary: byte for byte what the build tree says.
"$installed" summary --age 16 $at >summary.out || fail "summary --age 16 exited $?"
(cd "$source_dir" && env -u LOVSJEKK_NO_SOURCE_DATA "$build/lovsjekk" summary --age 16 $at >"$tmp/built-summary.out")
cmp -s summary.out "$tmp/built-summary.out" || fail "summary --age 16 differs from the build tree's"

# the language server: initialize, shutdown, exit.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
{
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
} >lsp.in
"$installed" lsp <lsp.in >lsp.out 2>lsp.err || fail "lsp exited $?: $(cat lsp.err)"
grep -q '"id":1' lsp.out && grep -q '"capabilities"' lsp.out || fail "no initialize result: $(cat lsp.out)"
grep -q '"id":2' lsp.out || fail "no shutdown result: $(cat lsp.out)"

# A lone copy of the binary, no data anywhere: a message and exit 2, never an abort.
mkdir "$tmp/lone"
cp "$installed" "$tmp/lone/lovsjekk"
set +e
"$tmp/lone/lovsjekk" check $at >lone.out 2>lone.err; status=$?
set -e
[ "$status" = 2 ] || fail "a lone binary exited $status (want 2): $(cat lone.err)"
grep -q "cannot find lovsjekk's data" lone.err || fail "a lone binary said: $(cat lone.err)"
grep -q "LOVSJEKK_DATA_DIR" lone.err || fail "a lone binary does not mention LOVSJEKK_DATA_DIR"
[ ! -s lone.out ] || fail "a lone binary wrote to standard output"
set +e
LOVSJEKK_DATA_DIR=$tmp/nowhere "$tmp/lone/lovsjekk" check $at >/dev/null 2>lone.err; status=$?
set -e
[ "$status" = 2 ] && grep -q "LOVSJEKK_DATA_DIR is" lone.err || fail "a wrong LOVSJEKK_DATA_DIR gave $status: $(cat lone.err)"
set +e
LOVSJEKK_DATA_DIR=$prefix/share/lovsjekk "$tmp/lone/lovsjekk" check $at >lone.out 2>&1; status=$?
set -e
[ "$status" = "$built_status" ] && [ "$(tail -n 1 lone.out)" = "$(tail -n 1 "$tmp/built.out")" ] ||
  fail "LOVSJEKK_DATA_DIR: exited $status: $(tail -n 3 lone.out)"

# With the fallback allowed, the installed binary still opens nothing in the source tree.
if command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true 2>/dev/null; then
  env -u LOVSJEKK_NO_SOURCE_DATA strace -f -e trace=open,openat,stat,newfstatat,statx,access,readlink \
    -o trace.log "$installed" check $at >/dev/null 2>&1 || true
  grep -q "$prefix/share/lovsjekk" trace.log || fail "strace shows no read of the installed data"
  if grep -q "\"$source_dir/" trace.log; then fail "the installed binary touched the source tree: $(grep "\"$source_dir/" trace.log | head -3)"; fi
  echo "install test: strace: the installed data read, the source tree never touched"
else
  echo "install test: strace is missing or cannot trace here; the source tree was kept out by LOVSJEKK_NO_SOURCE_DATA alone"
fi
echo "install test: ok (check exit $status, SARIF, summary, lsp initialize, lone binary)"
