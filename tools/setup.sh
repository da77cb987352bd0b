#!/usr/bin/env bash
# Installs what lovsjekk needs from Debian (only what is missing), then
# configures and builds it in build/ (Release). Idempotent: a second run
# with nothing changed installs nothing and rebuilds nothing.
#
#   bash tools/setup.sh            # install, configure, build
#   bash tools/setup.sh test       # the same, plus what the tests use (a browser)
#   bash tools/setup.sh fuzz       # the same, plus clang for the fuzz harnesses
#   BUILD_DIR=out bash tools/setup.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-"$here/build"}
build_type=${BUILD_TYPE:-Release}

# libboost1.81-dev must be named: plain libboost-dev brings 1.74 and
# conflicts with it.
packages=(g++ cmake make libboost1.81-dev libpugixml-dev libicu-dev doctest-dev libarchive-dev)
for extra in "$@"; do
  case "$extra" in
    # the HTML report is tested in a real browser; the oracle (tests/oracle) is
    # Python; the install test traces the installed binary's file accesses; the
    # pre-commit hooks are run by pre-commit; the Neovim set-up of tools/editor
    # is tried in Debian's Neovim (0.7)
    test) packages+=(chromium python3 strace pre-commit neovim) ;;
    fuzz) packages+=(clang libclang-rt-14-dev) ;;   # libFuzzer and the sanitizer runtimes (tools/fuzz)
    *) echo "setup: unknown extra '$extra' (test, fuzz)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Configure unless a finished configuration is there (a cache alone may be
# left by a run that failed, e.g. before the packages were installed).
if [ ! -f "$build_dir/CMakeCache.txt" ] || [ ! -f "$build_dir/Makefile" ]; then
  cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
fi
cmake --build "$build_dir" -j"$(nproc)"
