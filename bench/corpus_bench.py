#!/usr/bin/env python3
"""Corpus benchmark: gangmu --jobs 1, gangmu --jobs 2 and the Python baseline on the same pages.

usage: bench/corpus_bench.py [--mb 50] [--rounds 3] [--gangmu build/gangmu] [--work DIR]
                             [--extra-rules] [--compare OTHER_GANGMU]

Builds a deterministic corpus with ../shared/bench/make_corpus.py (once per size), then runs
the three commands in turn, round after round, so that a busy machine slows all of them alike.
Each run writes JSON Lines to /dev/null. Reports the best and median wall time per command,
MB/s, documents/s, peak RSS (from wait4) and the ratios the issue asks for. Only the standard
library is used, so it runs with any python3.

--extra-rules adds a run of gangmu --jobs 1 with 200 extra furniture phrase rules and 50 extra
line rules (generated below: literals of the kind sites print, which few pages hold) and
reports how much throughput they cost. --compare runs another gangmu binary (a build of an
older commit) with --jobs 1 in the same rounds.
"""
import argparse
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared' / 'bench'


def run(cmd):
    """Runs cmd with stdout to /dev/null; returns (seconds, peak RSS in MB)."""
    with open(os.devnull, 'wb') as null:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err = proc.stderr.read().decode(errors='replace')
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f'failed: {" ".join(cmd[:4])} ...\n{err}')
    return seconds, usage.ru_maxrss / 1024


NOUNS = ['公众号', '客户端', '小程序', '会员', '积分', '优惠券', '直播间', '专栏', '频道', '论坛',
         '资料包', '题库', '课程', '讲座', '活动', '抽奖', '红包', '礼包', '订阅号', '服务号']
VERBS = ['关注', '下载', '领取', '扫码进入', '点击打开', '免费获取', '立即加入', '长按识别', '预约',
         '转发分享']


def extra_rules(work):
    """A rules folder: the built-in furniture.yaml with 200 phrase and 50 line rules more."""
    folder = pathlib.Path(work) / 'extra-rules'
    folder.mkdir(parents=True, exist_ok=True)
    text = (ROOT / 'rules' / 'furniture.yaml').read_text(encoding='utf-8')
    phrases, lines = [], []
    for i in range(200):
        verb, noun = VERBS[i % len(VERBS)], NOUNS[(i // len(VERBS)) % len(NOUNS)]
        phrases.append(f"  - id: extra_phrase_{i}\n    pattern: '{verb}{noun}(?:第{i}期)?'\n")
    for i in range(50):
        verb, noun = VERBS[(i * 3) % len(VERBS)], NOUNS[(i * 7) % len(NOUNS)]
        lines.append(f"  - id: extra_line_{i}\n    pattern: '^(?:本站)?{noun}{verb}\\s*\\d{{0,4}}$'\n")
    text = text.replace('\nlines:\n', '\nlines:\n' + ''.join(lines), 1)
    text = text.replace('\nphrases:\n', '\nphrases:\n' + ''.join(phrases), 1)
    (folder / 'furniture.yaml').write_text(text, encoding='utf-8')
    return folder


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mb', type=float, default=50)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--gangmu', default=str(ROOT / 'build' / 'gangmu'))
    ap.add_argument('--work', default='/tmp/gangmu-bench')
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--extra-rules', action='store_true')
    ap.add_argument('--compare', help='another gangmu binary, run with --jobs 1 alongside')
    args = ap.parse_args()

    corpus = pathlib.Path(args.work) / f'corpus-{args.mb:g}mb'
    if not corpus.is_dir():
        subprocess.run([args.python, str(SHARED / 'make_corpus.py'), str(corpus), str(args.mb)],
                       check=True)
    files = sorted(str(p) for p in corpus.glob('*.txt'))
    size_mb = sum(os.path.getsize(f) for f in files) / 1e6

    commands = {
        'gangmu --jobs 1': [args.gangmu, 'extract', str(corpus), '--format', 'jsonl', '-q',
                            '--jobs', '1'],
        'gangmu --jobs 2': [args.gangmu, 'extract', str(corpus), '--format', 'jsonl', '-q',
                            '--jobs', '2'],
        'python baseline': [args.python, str(SHARED / 'baseline_outline.py'), '--jsonl'] + files,
    }
    if args.extra_rules:
        commands['gangmu --jobs 1, +250 rules'] = commands['gangmu --jobs 1'] + [
            '--rules', str(extra_rules(args.work))]
    if args.compare:
        commands['other --jobs 1'] = [args.compare] + commands['gangmu --jobs 1'][1:]
    times = {name: [] for name in commands}
    rss = {name: 0.0 for name in commands}
    for r in range(args.rounds):
        for name, cmd in commands.items():
            seconds, peak = run(cmd)
            times[name].append(seconds)
            rss[name] = max(rss[name], peak)
            print(f'round {r + 1}: {name}: {seconds:.2f} s, {peak:.1f} MB', file=sys.stderr)

    commit = subprocess.run(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD'],
                            capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo')
                if l.startswith('model name')), platform.processor())
    print(f'date {time.strftime("%Y-%m-%d")}, commit {commit}, {os.cpu_count()} cores, {cpu}')
    print(f'corpus: {len(files)} files, {size_mb:.1f} MB; {args.rounds} rounds, best (median)\n')
    print('| command | seconds | MB/s | documents/s | peak RSS MB |')
    print('|---|---|---|---|---|')
    best = {}
    for name in commands:
        best[name] = min(times[name])
        med = statistics.median(times[name])
        print(f'| {name} | {best[name]:.2f} ({med:.2f}) | {size_mb / best[name]:.1f} '
              f'| {len(files) / best[name]:.0f} | {rss[name]:.1f} |')
    print()
    print(f'gangmu --jobs 1 / baseline throughput: {best["python baseline"] / best["gangmu --jobs 1"]:.2f}x')
    print(f'gangmu --jobs 2 / --jobs 1 throughput: {best["gangmu --jobs 1"] / best["gangmu --jobs 2"]:.2f}x')
    for name in commands:
        if name.startswith('gangmu --jobs 1,') or name.startswith('other'):
            one = statistics.median(times['gangmu --jobs 1'])
            print(f'{name} / gangmu --jobs 1, median time: {statistics.median(times[name]) / one:.3f}')


if __name__ == '__main__':
    main()
