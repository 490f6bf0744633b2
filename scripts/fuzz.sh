#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for
# SECONDS (default 60). Crashes are written to build-fuzz/crashes/; turn each into a regression
# test under tests/ (see README.md, "Fuzzing").
#   bash scripts/fuzz.sh 600            # ten minutes per target
#   bash scripts/fuzz.sh 60 extract     # one target
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=${2:-"extract rules validate record"}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGANGMU_FUZZ=ON \
  -DBUILD_TESTING=OFF -DGANGMU_PYTHON=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target extract_fuzzer rules_fuzzer validate_fuzzer record_fuzzer \
  >/dev/null

# Seed corpora: real pages; the rule files, each behind the byte that selects it; real outputs
# as one document (byte 0) and as JSON Lines (byte 1); the pages as JSON Lines records.
mkdir -p build-fuzz/corpus/extract build-fuzz/corpus/rules build-fuzz/corpus/validate \
  build-fuzz/corpus/record build-fuzz/crashes
cp tests/golden/input/*.txt examples/*.txt build-fuzz/corpus/extract/
if [ -d ../shared/seeds ]; then cp ../shared/seeds/*.txt build-fuzz/corpus/extract/; fi
i=0
for f in $(ls rules/*.yaml | sort); do
  { printf "\\$(printf %03o "$i")"; cat "$f"; } > "build-fuzz/corpus/rules/$(basename "$f")"
  i=$((i + 1))
done
cp tests/fuzz/corpus/rules/* build-fuzz/corpus/rules/
for f in tests/golden/expected/*.json examples/article.json; do
  { printf '\000'; cat "$f"; } > "build-fuzz/corpus/validate/$(basename "$f")"
  { printf '\001'; python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$f"; } \
    > "build-fuzz/corpus/validate/$(basename "$f" .json).jsonl"
done
for f in tests/golden/input/*.txt examples/*.txt; do
  python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "text": open(sys.argv[1], encoding="utf-8", errors="replace").read()}, ensure_ascii=False))' "$f" \
    > "build-fuzz/corpus/record/$(basename "$f" .txt).jsonl"
done

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in $targets; do
  echo "fuzzing $t for ${seconds}s" >&2
  # -rss_limit_mb: the pipeline's memory is linear in the input; 2 GB flags a blow-up.
  build-fuzz/${t}_fuzzer build-fuzz/corpus/$t -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix=build-fuzz/crashes/$t- -print_final_stats=1 \
    2> build-fuzz/$t.log || { tail -50 build-fuzz/$t.log >&2; exit 1; }
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|cov:" build-fuzz/$t.log | tail -3 >&2
done
