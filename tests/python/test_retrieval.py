"""The retrieval example: chunks in SQLite FTS5, each hit shown with its heading path.

Run by CTest (python_retrieval) with GANGMU_CLI=build/gangmu.
"""
import os
import pathlib
import subprocess
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]


class RetrievalExampleTest(unittest.TestCase):
    def test_hits_carry_their_heading_path(self):
        out = subprocess.run([sys.executable, str(ROOT / 'examples' / 'retrieval' / 'search_chunks.py'),
                              '联系和服务群众'], capture_output=True, check=True, env=os.environ).stdout.decode()
        lines = out.splitlines()
        self.assertRegex(lines[0], r'^\d+ chunks from 2 input\(s\); query: 联系和服务群众$')
        # The best hit is a section two levels down in the work plan, with its path and lines.
        self.assertEqual(lines[2], '《党群工作要点》 二、进一步落实开展党员联系和服务群众的各项工作 > '
                                   '2、深化以“帮民富民”为主要内容的渔农村党员联系和服务群众活动')
        self.assertRegex(lines[3], r'^  004_38cda12d93ca7869\.txt, lines \d+-\d+$')
        self.assertIn('联系和服务群众', lines[4])


if __name__ == '__main__':
    unittest.main()
