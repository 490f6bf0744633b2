"""examples/analytics on the seeds' output: tables, answers and charts.

Run by CTest (python_analytics) with GANGMU_CLI=build/gangmu. The expected numbers are counted
here straight from the JSON, independently of the example's SQL.
"""
import collections
import json
import os
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get('GANGMU_CLI', str(ROOT / 'build' / 'gangmu'))


def depth_of(sections, level=1):
    return max([level] + [depth_of(s['children'], level + 1) for s in sections]) if sections else level - 1


class AnalyticsTest(unittest.TestCase):
    def test_seeds(self):
        with tempfile.TemporaryDirectory() as tmp:
            jsonl = pathlib.Path(tmp, 'seeds.jsonl')
            subprocess.run([CLI, 'extract', str(ROOT / 'tests' / 'golden' / 'input'),
                            '--format', 'jsonl', '-o', str(jsonl), '-q'], check=True)
            out = pathlib.Path(tmp, 'out')
            subprocess.run([sys.executable, str(ROOT / 'examples' / 'analytics' / 'analyze.py'),
                            str(jsonl), '--out', str(out)], check=True, capture_output=True)
            summary = json.loads((out / 'summary.json').read_text(encoding='utf-8'))

            docs = [json.loads(l) for l in jsonl.read_text(encoding='utf-8').split('\n') if l]
            articles = [a for d in docs for a in d['articles'] if a['duplicate_of'] is None]
            self.assertEqual(summary['articles'], len(articles))
            self.assertGreater(len(articles), 5)  # The seeds hold compilations.
            self.assertEqual(summary['share_with_authors'],
                             round(sum(bool(a['authors']) for a in articles) / len(articles), 4))
            depths = collections.Counter(str(depth_of(a['sections'])) for a in articles)
            self.assertEqual(summary['depth'], dict(depths))
            per = collections.Counter(((a['source'] or {}).get('name'),
                                       int(a['date'][:4]) if a['date'] else None) for a in articles)
            self.assertEqual({(r['source'], r['year']): r['articles'] for r in summary['per_source_year']},
                             dict(per))
            tops = collections.Counter(h for a in articles for h in {s['heading'] for s in a['sections']})
            self.assertEqual(summary['top_headings'][0]['articles'], max(tops.values()))

            db = sqlite3.connect(out / 'outline.sqlite')
            all_articles = sum(len(d['articles']) for d in docs)
            self.assertEqual(db.execute('SELECT COUNT(*) FROM articles').fetchone()[0], all_articles)
            # Every section but the top ones has a parent in the same article.
            self.assertEqual(db.execute(
                'SELECT COUNT(*) FROM sections s JOIN sections p ON p.id = s.parent_id'
                ' WHERE p.article_id != s.article_id OR p.depth != s.depth - 1').fetchone()[0], 0)
            self.assertEqual(db.execute(
                'SELECT COUNT(*) FROM sections WHERE parent_id IS NULL AND depth != 1').fetchone()[0], 0)
            for png in ('depth.png', 'top_headings.png'):
                self.assertEqual((out / png).read_bytes()[:8], b'\x89PNG\r\n\x1a\n')


if __name__ == '__main__':
    unittest.main()
