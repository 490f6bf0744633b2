#!/usr/bin/env bash
# Builds everything with ThreadSanitizer into build-tsan/ and runs the parts that use threads:
# the ordered pool's tests, the CLI tests (--jobs 1 and 2 give the same output), `extract
# --jobs 2` over every bundled page (golden inputs, tests/pages, the examples and, when
# ../shared is beside the project, the seeds and the dev set) with the rules compiled once and
# shared, and the Python module's test of several threads sharing one rule set with the GIL
# released (the interpreter is not instrumented; libtsan is preloaded into it).
# Any report of a data race fails the run (halt_on_error).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGANGMU_TSAN=ON >/dev/null
cmake --build build-tsan -j"$(nproc)" --target gangmu gangmu_tests gangmu_python >/dev/null
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tests/tsan.supp"
build-tsan/tests/gangmu_tests "[pool],[cli]"
pages=(tests/golden/input tests/pages/input examples)
if [ -d ../shared/seeds ]; then pages+=(../shared/seeds ../shared/gold/dev/raw); fi
build-tsan/gangmu extract "${pages[@]}" --format jsonl --jobs 2 -q > build-tsan/jobs2.jsonl
build-tsan/gangmu extract "${pages[@]}" --format jsonl --jobs 1 -q > build-tsan/jobs1.jsonl
cmp build-tsan/jobs1.jsonl build-tsan/jobs2.jsonl
echo "tsan: --jobs 2 on $(wc -l < build-tsan/jobs2.jsonl) pages, no race" >&2
if ls build-tsan/python/gangmu*.so >/dev/null 2>&1; then
  LD_PRELOAD="$(gcc -print-file-name=libtsan.so)" PYTHONPATH=build-tsan/python \
    GANGMU_CLI=build-tsan/gangmu /usr/bin/python3 -m unittest -q \
    tests/python/test_module.py -k threads
  echo "tsan: Python threads sharing rules, no race" >&2
fi
