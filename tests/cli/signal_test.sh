#!/bin/bash
# A signal mid-batch: the run stops with 128 + N, leaves no partial or temporary file, and says
# how many inputs it wrote; each file it wrote is whole. usage: signal_test.sh GANGMU INPUT_DIR
set -uo pipefail
set -m  # background jobs of a script ignore SIGINT otherwise
gangmu=$1 dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Enough pages (thousands) that the run is still going when the signal comes.
inputs=()
for i in $(seq 600); do inputs+=("$dir"); done
fail() { echo "$*" >&2; cat "$work/err" >&2; exit 1; }
# Starts gangmu with the given arguments, sends signal $1 a second later, sets $code.
run_and_signal() {
  local signal=$1
  shift
  "$gangmu" "$@" 2>"$work/err" &
  local pid=$!
  sleep 1
  kill -"$signal" $pid
  wait $pid
  code=$?
}

# JSON Lines to a file: nothing is written, not even the temporary file.
run_and_signal TERM extract "${inputs[@]}" --format jsonl -j 1 -o "$work/out.jsonl"
[ "$code" -eq 143 ] || fail "jsonl: exit code $code, expected 143"
[ ! -e "$work/out.jsonl" ] || fail "jsonl: out.jsonl exists"
[ ! -e "$work/out.jsonl.tmp" ] || fail "jsonl: out.jsonl.tmp left behind"
grep -Eq "^gangmu: stopped by SIGTERM after [0-9]+ input\(s\); $work/out.jsonl not written$" \
  "$work/err" || fail "jsonl: unexpected message"

# One file per input: the message counts the files, each of which is whole JSON.
python3 -c '
import pathlib, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
dst.mkdir()
for f in sorted(src.glob("*.txt")):
    for i in range(800):
        (dst / f"{i}_{f.name}").write_bytes(f.read_bytes())' "$dir" "$work/copies"
run_and_signal INT extract "$work/copies" --format json -j 2 -o "$work/out"
[ "$code" -eq 130 ] || fail "json: exit code $code, expected 130"
written=$(sed -nE "s/^gangmu: stopped by SIGINT: ([0-9]+) input\(s\) written to .*/\1/p" "$work/err")
[ -n "$written" ] || fail "json: unexpected message"
count=$(find "$work/out" -name '*.json' | wc -l)
[ "$count" -eq "$written" ] || fail "json: $count files, message says $written"
[ "$count" -lt "$(ls "$work/copies" | wc -l)" ] || fail "json: the run finished before the signal"
[ -z "$(find "$work/out" -name '*.tmp')" ] || fail "json: temporary file left behind"
python3 -c '
import json, pathlib, sys
for f in pathlib.Path(sys.argv[1]).glob("*.json"):
    json.loads(f.read_text())' "$work/out" || fail "json: a file written is not whole"
echo "signals: stopped cleanly, $written file(s) written"
