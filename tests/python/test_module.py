"""The Python module: same documents as the CLI, Python exceptions with the CLI's messages.

Run by CTest (python_module) with PYTHONPATH=build/python and GANGMU_CLI=build/gangmu.
"""
import json
import os
import pathlib
import subprocess
import tempfile
import threading
import unittest

import gangmu

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = os.environ.get('GANGMU_CLI', str(ROOT / 'build' / 'gangmu'))
SEEDS = sorted((ROOT / 'tests' / 'golden' / 'input').glob('*.txt'))


def cli_documents(paths, *extra):
    out = subprocess.run([CLI, 'extract', *map(str, paths), '--format', 'jsonl', *extra],
                         capture_output=True, check=True).stdout.decode()
    return [json.loads(line) for line in out.split('\n') if line]


class ModuleTest(unittest.TestCase):
    def test_issue_example(self):
        doc = gangmu.extract('一、标题\n正文。')
        self.assertEqual(doc['articles'][0]['sections'][0]['heading'], '标题')
        self.assertEqual(doc['input'], '-')

    def test_deeply_nested_text_is_a_page_like_any_other(self):
        # A million brackets, or a million enumeration markers in a row: no recursion over
        # the input's depth on the way (extract, tree, conversion to Python objects).
        doc = gangmu.extract('[' * 1000000 + ']' * 1000000)
        self.assertEqual(len(doc['articles']), 1)
        doc = gangmu.extract('\n'.join('(%d)甲' % (i % 9 + 1) for i in range(100000)))
        self.assertTrue(doc['articles'][0]['sections'])

    def test_markdown_and_chunks_equal_cli(self):
        for path in SEEDS:
            doc = gangmu.extract_file(str(path))
            md = subprocess.run([CLI, 'extract', str(path), '--format', 'markdown'],
                                capture_output=True, check=True).stdout.decode()
            self.assertEqual(gangmu.to_markdown(doc), md)
            out = subprocess.run([CLI, 'extract', str(path), '--format', 'chunks', '--chunk-chars', '200'],
                                 capture_output=True, check=True).stdout.decode()
            cli = [json.loads(line) for line in out.split('\n') if line]
            mine = gangmu.chunks(doc, max_chars=200)
            # A document carries no paragraph lines: the module's chunks give the section's line.
            strip = lambda cs: [{k: v for k, v in c.items() if k not in ('first_line', 'last_line')} for c in cs]
            self.assertEqual(strip(mine), strip(cli))
        with self.assertRaises(gangmu.Error):
            gangmu.to_markdown({'input': 'x'})

    def test_extract_file_equals_cli(self):
        self.assertEqual(len(SEEDS), 5)
        for path, expected in zip(SEEDS, cli_documents(SEEDS)):
            self.assertEqual(gangmu.extract_file(str(path)), expected)

    def test_bytes_and_name_equal_cli(self):
        rules = gangmu.Rules.load()
        for path, expected in zip(SEEDS, cli_documents(SEEDS)):
            self.assertEqual(gangmu.extract(path.read_bytes(), rules=rules, name=str(path)),
                             expected)

    def test_gb18030_bytes_and_options(self):
        doc = gangmu.extract('標題\n一、發展\n正文。'.encode('gb18030'), to_simplified=True)
        self.assertEqual(doc['encoding'], 'GB18030')
        self.assertEqual(doc['articles'][0]['sections'][0]['heading'], '发展')

    def test_rules_errors_carry_file_line_column(self):
        with tempfile.TemporaryDirectory() as d:
            pathlib.Path(d, 'headings.yaml').write_text('families:\n  - id: x\n    pattern: "(a"\n')
            with self.assertRaises(gangmu.Error) as caught:
                gangmu.Rules.load(d)
            self.assertIn('headings.yaml:', str(caught.exception))
            self.assertIsInstance(caught.exception, ValueError)

    def test_rules_load_dir_replaces_a_file(self):
        with tempfile.TemporaryDirectory() as d:
            src = (ROOT / 'rules' / 'furniture.yaml').read_text()
            pathlib.Path(d, 'furniture.yaml').write_text(src)
            rules = gangmu.Rules.load(d)
            self.assertEqual(gangmu.extract(SEEDS[0].read_bytes(), rules=rules, name=str(SEEDS[0])),
                             cli_documents(SEEDS[:1])[0])

    def test_binary_input_raises(self):
        with self.assertRaises(gangmu.Error) as caught:
            gangmu.extract(b'\x00\x01\x02' * 100, name='blob.bin')
        self.assertIn('blob.bin', str(caught.exception))
        self.assertIn('not text', str(caught.exception))

    def test_missing_file_and_wrong_type(self):
        with self.assertRaises(FileNotFoundError):
            gangmu.extract_file('/nonexistent/page.txt')
        with self.assertRaises(TypeError):
            gangmu.extract(42)

    def test_threads_share_rules(self):
        rules = gangmu.Rules.load()
        expected = cli_documents(SEEDS)
        results = [None] * len(SEEDS)

        def work(i):
            results[i] = gangmu.extract_file(str(SEEDS[i]), rules=rules)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(SEEDS))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, expected)

    def test_cli_stdin_records(self):
        """The Hadoop Streaming / RDD.pipe route: JSON Lines records in, documents out."""
        records = ''.join(json.dumps({'name': str(p), 'text': p.read_text(encoding='utf-8')},
                                     ensure_ascii=False) + '\n' for p in SEEDS)
        out = subprocess.run([CLI, 'extract', '-', '--input-format', 'jsonl', '--format', 'jsonl'],
                             input=records.encode(), capture_output=True, check=True).stdout
        docs = [json.loads(line) for line in out.decode().split('\n') if line]
        self.assertEqual(docs, cli_documents(SEEDS))


if __name__ == '__main__':
    unittest.main()
