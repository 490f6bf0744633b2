"""examples/dask on a LocalCluster of 2 worker processes on loopback: same documents as the CLI.

Run by CTest (python_dask) with PYTHONPATH=build/python and GANGMU_CLI=build/gangmu.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

from distributed import Client, LocalCluster

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'examples' / 'dask'))
import extract_dask  # noqa: E402

CLI = os.environ.get('GANGMU_CLI', str(ROOT / 'build' / 'gangmu'))


class DaskTest(unittest.TestCase):
    def test_local_cluster_equals_cli(self):
        with tempfile.TemporaryDirectory() as tmp:
            pages = pathlib.Path(tmp, 'pages')
            pages.mkdir()
            # A small corpus: the seeds, three times, under distinct names.
            for copy in range(3):
                for seed in sorted((ROOT / 'tests' / 'golden' / 'input').glob('*.txt')):
                    shutil.copy(seed, pages / f'{copy}-{seed.name}')
            cli = subprocess.run([CLI, 'extract', str(pages), '--format', 'jsonl'],
                                 capture_output=True, check=True).stdout.decode()
            expected = [l for l in cli.split('\n') if l]

            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              host='127.0.0.1', dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                self.assertEqual(len(client.scheduler_info()['workers']), 2)
                written = extract_dask.run(str(pages), str(pathlib.Path(tmp, 'out')), client)
            self.assertGreaterEqual(len(written), 2)
            lines = []
            for f in written:
                # split('\n'), not splitlines(): a page's U+2028 stays raw inside a JSON string.
                lines += [l for l in pathlib.Path(f).read_text(encoding='utf-8').split('\n') if l]
            self.assertEqual(len(lines), 15)
            # Same documents, order aside (compared as parsed JSON: key order is no matter).
            key = lambda d: d['input']  # noqa: E731
            self.assertEqual(sorted(map(json.loads, lines), key=key),
                             sorted(map(json.loads, expected), key=key))


if __name__ == '__main__':
    unittest.main()
