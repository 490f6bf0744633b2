#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/ and runs
# the test suite there. The 100 MB hostile input shrinks to 10 MB (sanitized code is ~10x
# slower); the install-tree consumer is left out (it links without the sanitizer runtime).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGANGMU_SANITIZE=ON \
  -DGANGMU_PYTHON=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
cd build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export GANGMU_HOSTILE_MB=10
ctest --output-on-failure -j"$(nproc)" -E install_consumer
