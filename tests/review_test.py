#!/usr/bin/env python3
"""`gangmu review` in a real browser: Debian's chromium, headless, loads the review of the seeds
(and the bundled golden pages) and dumps the DOM it built. Checks that the page ran its script
(no script error stopped it), that every non-blank source line of every page is shown with its
fate, and that the outline's headings are there in order, each linking to its source line.
Skipped (exit 77) when chromium is not installed.

usage: review_test.py GANGMU SOURCE_DIR
"""
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

gangmu, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
browser = shutil.which('chromium') or shutil.which('chromium-browser')
if not browser:
    print('no chromium: skipped')
    sys.exit(77)
pages = sorted((root / 'tests' / 'golden' / 'input').glob('*.txt'))
seeds = root.parent / 'shared' / 'seeds'
if seeds.is_dir():
    pages += sorted(seeds.glob('*.txt'))

with tempfile.TemporaryDirectory() as tmp:
    review = pathlib.Path(tmp) / 'review.html'
    subprocess.run([gangmu, 'review', *map(str, pages), '-o', str(review)], check=True,
                   capture_output=True)
    dom = subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu',
                          '--user-data-dir=' + str(pathlib.Path(tmp) / 'profile'),
                          '--dump-dom', review.as_uri()],
                         capture_output=True, timeout=120).stdout.decode()

problems = []
if 'data-ready="yes"' not in dom:
    problems.append('the page script did not run to its end')
for index, page in enumerate(pages):
    section = re.search(r'<section class="page" id="p%d">(.*?)</section>' % index, dom, re.S)
    if not section:
        problems.append(f'{page.name}: not shown')
        continue
    body = section.group(1)
    shown = [html.unescape(t) for t in re.findall(r'<td class="t">(.*?)</td>', body, re.S)]
    explained = subprocess.run([gangmu, 'explain', str(page), '--json'], capture_output=True,
                               check=True).stdout.decode().splitlines()
    want = [json.loads(line)['text'] for line in explained]
    if shown != want:
        problems.append(f'{page.name}: {len(shown)} source lines shown, {len(want)} expected')
    doc = json.loads(subprocess.run([gangmu, 'extract', str(page)], capture_output=True,
                                    check=True).stdout)
    links = re.findall(r'<a class="h" href="#p%d-l(\d+)">' % index, body)
    lines = []
    for article in doc['articles']:
        todo = list(reversed(article['sections']))
        while todo:
            s = todo.pop()
            lines.append(str(s['line']))
            todo.extend(reversed(s['children']))
    if links != lines:
        problems.append(f'{page.name}: headings {links[:5]}…, expected {lines[:5]}…')
    for target in set(links):
        if f'id="p{index}-l{target}"' not in body:
            problems.append(f'{page.name}: heading links to line {target}, which is not shown')
            break
print('\n'.join(problems) or f'review: {len(pages)} pages shown in chromium as expected')
sys.exit(1 if problems else 0)
