#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (-fno-sanitize-recover: the first report fails the test), in its own build
# folder so the Release build stays as it is:
#
#   bash tools/sanitize.sh            # build-asan/ beside build/
#   BUILD_DIR=out bash tools/sanitize.sh
#
# Needs what tools/setup.sh installs (run that first); CI runs both.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-"$here/build-asan"}

if [ ! -f "$build_dir/CMakeCache.txt" ] || [ ! -f "$build_dir/Makefile" ]; then
  cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOVSJEKK_SANITIZE=ON >/dev/null
fi
cmake --build "$build_dir" -j"$(nproc)"
# detect_leaks: LeakSanitizer too; abort_on_error gives a core-style stop.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The .vsix packaging test builds the editor extension with npm and runs no
# C++ code: it tells nothing more under the sanitizers, and costs minutes.
ctest --test-dir "$build_dir" --output-on-failure -E '^vsix$'
