#!/bin/sh
# The Debian package: `cpack -G DEB` from the build folder; its contents (the
# program, the data, the manual pages), a Depends line that names the package
# of every shared library the program loads, and the program unpacked
# elsewhere runs `check` with the source tree switched off. Exit 77 (skipped)
# without dpkg-deb.
#
#   sh tests/install/deb_test.sh BUILD_DIR
set -eu
command -v dpkg-deb >/dev/null 2>&1 || { echo "deb test: skipped: dpkg-deb is missing (not Debian?)"; exit 77; }
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb test: FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$tmp"/out/lovsjekk_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack made no lovsjekk_*.deb: $(ls "$tmp/out")"
echo "deb test: $(basename "$deb"), $(wc -c <"$deb") bytes"

dpkg-deb -c "$deb" >"$tmp/contents"
for f in ./usr/bin/lovsjekk ./usr/share/lovsjekk/rules/vokabular.regel ./usr/share/lovsjekk/corpus/NOTICE.md \
         ./usr/share/lovsjekk/messages/nn/summary.txt ./usr/share/man/man1/lovsjekk.1.gz ./usr/share/man/en/man1/lovsjekk.1.gz; do
  grep -q " $f\$" "$tmp/contents" || fail "$f is not in the package"
done

# Every shared library the program itself needs (its NEEDED entries) belongs
# to a package in Depends; what those libraries need in turn their own
# packages' Depends bring (libarchive13 brings libnettle8, liblzma5 …).
depends=$(dpkg-deb -f "$deb" Depends)
echo "deb test: Depends: $depends"
readelf -d "$build/lovsjekk" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$tmp/needed"
[ -s "$tmp/needed" ] || fail "readelf lists no NEEDED library of $build/lovsjekk"
ldd "$build/lovsjekk" | awk '/=> \// { print $1, $3 }' | while read -r name lib; do
  grep -qx "$name" "$tmp/needed" || continue
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null ||
          dpkg -S "/usr$lib" 2>/dev/null || dpkg -S "${lib#/usr}" 2>/dev/null || true)
  package=${owner%%:*}
  [ -n "$package" ] || fail "no package owns $lib"
  echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$package" ||
    fail "$lib comes from $package, which Depends does not name"
done

# Unpacked anywhere, the program finds the data beside itself.
dpkg-deb -x "$deb" "$tmp/root"
mkdir "$tmp/work"
cd "$tmp/work"
set +e
LOVSJEKK_NO_SOURCE_DATA=1 "$tmp/root/usr/bin/lovsjekk" check --at 2026-11-22 >check.out 2>&1; status=$?
set -e
[ "$status" -le 1 ] || fail "the unpacked program's check exited $status: $(tail -n 5 check.out)"
echo "deb test: ok (unpacked check exit $status: $(tail -n 1 check.out))"
