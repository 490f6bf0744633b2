#!/usr/bin/env bash
# Scores the seeds with the project's scorer and fails below issue 2's bar. Needs ../shared
# beside the checkout (as CI has it); without it the test is skipped (exit 77).
set -euo pipefail
bin=$1 shared=$2
[ -f "$shared/gold/score.py" ] || { echo "no $shared/gold/score.py: skipped"; exit 77; }
out=$(mktemp -d)
"$bin" extract "$shared/seeds" --format jsonl > "$out/seeds.jsonl"
python3 "$shared/gold/score.py" "$shared/gold/seeds" "$out/seeds.jsonl" | tail -1
python3 - "$shared/gold/seeds" "$out/seeds.jsonl" "$shared/gold/score.py" <<'PY'
import json, subprocess, sys
gold, pred, score = sys.argv[1:4]
s = json.loads(subprocess.check_output([sys.executable, score, gold, pred, '--json']))
bar = {'heading_f1': 0.99, 'parent_accuracy': 0.99, 'title_accuracy': 1.0,
       'metadata_recall': 0.95, 'furniture_removed': 1.0, 'body_kept': 1.0}
bad = [f'{k}={s[k]} < {v}' for k, v in bar.items() if s[k] < v]
n, files = s['article_count_exact'].split('/')
if n != files:
    bad.append(f"article_count_exact={s['article_count_exact']}")
print('\n'.join(bad) if bad else 'seeds meet the bar')
sys.exit(1 if bad else 0)
PY
