#!/usr/bin/env bash
# The README's second command (and CI's): install what is missing, build, run every test:
# the suite (unit, golden, CLI, Python, Dask, analytics, install-tree consumer, seeds' score),
# the same suite under ASan + UBSan, the threaded parts under ThreadSanitizer, and each fuzz
# target for FUZZ_SECONDS (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
scripts/sanitize.sh
scripts/tsan.sh
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
echo "all tests passed" >&2
