#!/bin/bash
# A reader that goes away early (gangmu ... | head -1) ends the run quietly: no message, no
# signal death. usage: broken_pipe_test.sh GANGMU INPUT_DIR
set -uo pipefail
gangmu=$1 dir=$2
err=$(mktemp)
trap 'rm -f "$err"' EXIT
# Enough documents that gangmu is still writing when head has gone.
"$gangmu" extract "$dir" "$dir" "$dir" "$dir" "$dir" "$dir" "$dir" "$dir" --format jsonl 2>"$err" | head -c 10 >/dev/null
code=${PIPESTATUS[0]}
if [ -s "$err" ]; then
  echo "stderr was not empty:" >&2
  cat "$err" >&2
  exit 1
fi
if [ "$code" -ne 1 ]; then
  echo "exit code $code, expected 1 (stopped early)" >&2
  exit 1
fi
echo "broken pipe: quiet, exit 1"
