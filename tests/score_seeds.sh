#!/usr/bin/env bash
# Scores pages with the project's scorer and fails below issue 2's bar: by default the seeds,
# or INPUTS against GOLD (tests/pages: pages of our own making in the shapes of issue 3). Needs
# ../shared beside the checkout (as CI has it) for the scorer; without it the test is skipped
# (exit 77).
#   score_seeds.sh GANGMU SHARED [INPUTS GOLD]
set -euo pipefail
bin=$1 shared=$2
inputs=${3:-$shared/seeds} gold=${4:-$shared/gold/seeds}
[ -f "$shared/gold/score.py" ] || { echo "no $shared/gold/score.py: skipped"; exit 77; }
out=$(mktemp -d)
"$bin" extract "$inputs" --format jsonl > "$out/pages.jsonl"
python3 "$shared/gold/score.py" "$gold" "$out/pages.jsonl" --verbose | grep -v "^  *$" | tail -40
python3 - "$gold" "$out/pages.jsonl" "$shared/gold/score.py" <<'PY'
import json, subprocess, sys
gold, pred, score = sys.argv[1:4]
s = json.loads(subprocess.check_output([sys.executable, score, gold, pred, '--json']))
bar = {'heading_f1': 0.99, 'parent_accuracy': 0.99, 'title_accuracy': 1.0,
       'metadata_recall': 0.95, 'furniture_removed': 1.0, 'body_kept': 1.0}
bad = [f'{k}={s[k]} < {v}' for k, v in bar.items() if s[k] < v]
n, files = s['article_count_exact'].split('/')
if n != files:
    bad.append(f"article_count_exact={s['article_count_exact']}")
print('\n'.join(bad) if bad else 'the pages meet the bar')
sys.exit(1 if bad else 0)
PY
