#!/usr/bin/env python3
"""Retrieval over outlined pages: gangmu's chunks in SQLite FTS5, each hit with its heading path.

usage: search_chunks.py QUERY [PAGES_OR_FOLDERS...]   (default: the bundled example pages)

Runs `gangmu extract --format chunks` on the pages, loads the chunks into an in-memory FTS5
table (the trigram tokenizer, so that any Chinese substring of three or more characters
matches), and prints the best hits: the article's title, the section's heading path (二、… >
(三)…), the input lines and the chunk's text. Only the standard library is used.
"""
import json
import os
import pathlib
import sqlite3
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
GANGMU = os.environ.get('GANGMU_CLI', str(ROOT / 'build' / 'gangmu'))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.split('\n\n')[1])
    query = sys.argv[1]
    pages = sys.argv[2:] or [str(ROOT / 'examples'), str(ROOT / 'tests' / 'golden' / 'input')]
    out = subprocess.run([GANGMU, 'extract', *pages, '--format', 'chunks', '--chunk-chars', '300',
                          '-q'], capture_output=True, check=True).stdout.decode()
    db = sqlite3.connect(':memory:')
    db.execute("CREATE VIRTUAL TABLE chunks USING fts5("
               "text, title, path, input UNINDEXED, lines UNINDEXED, tokenize='trigram')")
    rows = []
    for line in out.splitlines():
        c = json.loads(line)
        rows.append((c['text'], c['title'] or '', ' > '.join(c['heading_path']), c['input'],
                     f"{c['first_line']}-{c['last_line']}"))
    db.executemany('INSERT INTO chunks VALUES (?, ?, ?, ?, ?)', rows)
    print(f'{len(rows)} chunks from {len(pages)} input(s); query: {query}')
    hits = db.execute('SELECT title, path, input, lines, text FROM chunks WHERE chunks MATCH ? '
                      'ORDER BY rank LIMIT 5', (json.dumps(query, ensure_ascii=False),)).fetchall()
    for title, path, source, lines, text in hits:
        print(f'\n《{title}》 {path or "(before the first heading)"}')
        print(f'  {pathlib.Path(source).name}, lines {lines}')
        print(f'  {text[:120]}{"…" if len(text) > 120 else ""}')
    if not hits:
        print('no hits')


if __name__ == '__main__':
    main()
