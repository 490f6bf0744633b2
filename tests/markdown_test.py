#!/usr/bin/env python3
"""--format markdown is CommonMark that says what the JSON says.

For every bundled page (tests/golden/input, tests/pages/input, examples) and the seeds (when
../shared is beside the project), renders gangmu's Markdown with Debian's cmark and checks that
the HTML's headings, in order and with their levels, are the outline's (collection title, article
titles, sections one level deeper than their parent with their markers, 参考文献), and that every
paragraph of the JSON is in the HTML's text as it is (escaping kept it a paragraph).

usage: markdown_test.py GANGMU SOURCE_DIR
"""
import html
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata

gangmu, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
dirs = [root / 'tests' / 'golden' / 'input', root / 'tests' / 'pages' / 'input', root / 'examples']
seeds = root.parent / 'shared' / 'seeds'
if seeds.is_dir():
    dirs.append(seeds)


def joined(marker, heading):
    if not heading:
        return marker
    last = marker[-1:] if marker else ''
    spaced = bool(last) and (last.isascii() and last.isalnum() or 'CJK' in unicodedata.name(last, ''))
    return marker + (' ' if spaced else '') + heading


def expected(doc):
    out = []
    base = 1
    if doc['collection']:
        out.append((1, doc['collection']['title'] or ''))
        base = 2
    for a in doc['articles']:
        out.append((base, a['title'] or ''))
        todo = [(s, base + 1) for s in reversed(a['sections'])]
        while todo:
            s, level = todo.pop()
            if level <= 6:
                out.append((level, joined(s['marker'], s['heading'])))
            todo.extend((c, level + 1) for c in reversed(s['children']))
        if a['references']:
            out.append((base + 1, '参考文献'))
    return out


def paragraphs(doc):
    for a in doc['articles']:
        yield from a['preamble']
        todo = list(a['sections'])
        while todo:
            s = todo.pop()
            yield from s['paragraphs']
            todo.extend(s['children'])


failures = pages = 0
with tempfile.TemporaryDirectory() as tmp:
    # Paragraphs that Markdown would read as markup unless escaped.
    tricky = pathlib.Path(tmp) / 'tricky'
    tricky.mkdir()
    (tricky / 'tricky.txt').write_text(
        '标题写在这里\n# 井号开头的一段话。\n- 减号开头的一段话。\n1. 数字开头的一段话。\n'
        '> 大于号开头的一段话。\n一、第一部分\n*星号*与_下划线_和[方括号](链接)以及<标签>和&amp;。\n'
        '    四个空格开头的一段话。\n= 等号开头的一段话。\n', encoding='utf-8')
    dirs.append(tricky)
    for d in dirs:
        for page in sorted(d.glob('*.txt')):
            pages += 1
            doc = json.loads(subprocess.check_output([gangmu, 'extract', str(page)]))
            md = subprocess.check_output([gangmu, 'extract', str(page), '--format', 'markdown'])
            out = subprocess.check_output(['cmark'], input=md).decode()
            got = [(int(m.group(1)), html.unescape(re.sub(r'<[^>]+>', '', m.group(2))).strip())
                   for m in re.finditer(r'<h([1-6])>(.*?)</h\1>', out)]
            want = [(level, ' '.join(text.split())) for level, text in expected(doc)]
            got = [(level, ' '.join(text.split())) for level, text in got]
            problems = []
            if got != want:
                for i, (g, w) in enumerate(zip(got + [None] * len(want), want + [None] * len(got))):
                    if g != w:
                        problems.append(f'heading {i}: got {g}, want {w}')
                        break
            text = ' '.join(html.unescape(re.sub(r'<[^>]+>', ' ', out)).split())
            for p in paragraphs(doc):
                p = ' '.join(p.split())
                if p and p not in text:
                    problems.append(f'paragraph missing or changed: {p[:60]}')
                    break
            if problems:
                failures += 1
                print(f'{page}: ' + '; '.join(problems))
print(f'markdown: {pages} pages, {failures} failing')
sys.exit(1 if failures or pages == 0 else 0)
