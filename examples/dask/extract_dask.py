#!/usr/bin/python3
"""Outline a folder of pages on a Dask `distributed` cluster, JSON Lines out, one file per partition.

usage: extract_dask.py INPUT_DIR OUTPUT_DIR [--scheduler tcp://HOST:8786] [--workers 2]
                       [--partitions N] [--rules RULES_DIR]

Without --scheduler a LocalCluster of --workers processes starts on this machine; with it, the
same code runs on that cluster (every worker needs the gangmu module importable and the input
paths readable, e.g. on a shared file system). Each worker loads the rules once per process and
calls gangmu.extract_file on its paths; the GIL is released while a page is extracted.
Writes OUTPUT_DIR/part-00000.jsonl ...; the lines are the documents of `gangmu extract --format
jsonl`, in the order of the sorted inputs within and across partitions.
"""
import argparse
import functools
import json
import pathlib
import sys

import dask.bag as db
from distributed import Client, LocalCluster


@functools.lru_cache(maxsize=None)
def worker_rules(rules_dir):
    """Rules compiled once per worker process, not once per page."""
    import gangmu
    return gangmu.Rules.load(rules_dir)


def outline(path, rules_dir=None):
    import gangmu
    try:
        document = gangmu.extract_file(path, rules=worker_rules(rules_dir))
    except (gangmu.Error, OSError) as e:  # One bad page must not stop the partition.
        return json.dumps({'input': path, 'error': str(e)}, ensure_ascii=False) + '\n'
    return json.dumps(document, ensure_ascii=False, separators=(',', ':')) + '\n'


def run(input_dir, output_dir, client, partitions=None, rules_dir=None):
    """Extracts every *.txt below input_dir; returns the list of files written."""
    paths = sorted(str(p) for p in pathlib.Path(input_dir).rglob('*.txt'))
    if not paths:
        raise SystemExit(f'{input_dir}: no *.txt files')
    workers = max(1, len(client.scheduler_info()['workers']))
    bag = db.from_sequence(paths, npartitions=partitions or min(len(paths), workers * 4))
    out = pathlib.Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    lines = bag.map(outline, rules_dir=rules_dir)
    return lines.to_textfiles(str(out / 'part-*.jsonl'), name_function=lambda i: f'{i:05d}',
                              encoding='utf-8', compute=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('input_dir')
    ap.add_argument('output_dir')
    ap.add_argument('--scheduler', help='address of a running scheduler [default: LocalCluster]')
    ap.add_argument('--workers', type=int, default=2, help='LocalCluster worker processes')
    ap.add_argument('--partitions', type=int)
    ap.add_argument('--rules', help='rules folder, as gangmu extract --rules')
    args = ap.parse_args(argv)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               host='127.0.0.1', dashboard_address=None)
        client = Client(cluster)
    try:
        written = run(args.input_dir, args.output_dir, client, args.partitions, args.rules)
        print(f'{len(written)} partition file(s) in {args.output_dir}', file=sys.stderr)
    finally:
        client.close()
        if cluster:
            cluster.close()


if __name__ == '__main__':
    main()
