#!/usr/bin/python3
"""Load gangmu's JSON Lines into SQLite and answer a researcher's first questions, with charts.

usage: analyze.py OUTLINES.jsonl [MORE.jsonl ...] --out DIR

Writes DIR/outline.sqlite with the tables

  articles(id, input, position, title, source, issue, year, date, has_authors, depth, duplicate_of)
  authors(article_id, name)
  sections(id, article_id, parent_id, path, depth, marker, kind, number, heading)
  paragraphs(id, article_id, section_id, text)      -- section_id NULL: the article's preamble

and prints, and saves as DIR/summary.json:
  - articles per source and year,
  - the depth of outlines (deepest section level per article, 0 without sections),
  - the most frequent top-level headings,
  - the share of articles with authors;
and draws DIR/depth.png (articles by outline depth) and DIR/top_headings.png.
Duplicate articles of compilations (duplicate_of set) are loaded but left out of the counts.
"""
import argparse
import json
import pathlib
import sqlite3
import sys

SCHEMA = '''
CREATE TABLE articles (id INTEGER PRIMARY KEY, input TEXT, position INTEGER, title TEXT,
                       source TEXT, issue TEXT, year INTEGER, date TEXT, has_authors INTEGER,
                       depth INTEGER, duplicate_of INTEGER);
CREATE TABLE authors (article_id INTEGER REFERENCES articles(id), name TEXT);
CREATE TABLE sections (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id),
                       parent_id INTEGER REFERENCES sections(id), path TEXT, depth INTEGER,
                       marker TEXT, kind TEXT, number INTEGER, heading TEXT);
CREATE TABLE paragraphs (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id),
                         section_id INTEGER REFERENCES sections(id), text TEXT);
'''


def load(db, documents):
    cur = db.cursor()

    def add_sections(article_id, parent_id, parent_path, sections, depth):
        deepest = 0
        for i, s in enumerate(sections, 1):
            path = f'{parent_path}.{i}' if parent_path else str(i)
            cur.execute('INSERT INTO sections (article_id, parent_id, path, depth, marker, kind,'
                        ' number, heading) VALUES (?,?,?,?,?,?,?,?)',
                        (article_id, parent_id, path, depth, s['marker'], s['kind'], s['number'],
                         s['heading']))
            sid = cur.lastrowid
            cur.executemany('INSERT INTO paragraphs (article_id, section_id, text) VALUES (?,?,?)',
                            [(article_id, sid, p) for p in s['paragraphs']])
            deepest = max(deepest, depth, add_sections(article_id, sid, path, s['children'],
                                                       depth + 1))
        return deepest

    for doc in documents:
        for position, a in enumerate(doc['articles']):
            source = a['source'] or {}
            date = a['date']
            cur.execute('INSERT INTO articles (input, position, title, source, issue, year, date,'
                        ' has_authors, duplicate_of) VALUES (?,?,?,?,?,?,?,?,?)',
                        (doc['input'], position, a['title'], source.get('name'),
                         source.get('issue'), int(date[:4]) if date else None, date,
                         int(bool(a['authors'])), a['duplicate_of']))
            aid = cur.lastrowid
            cur.executemany('INSERT INTO authors VALUES (?,?)', [(aid, n) for n in a['authors']])
            cur.executemany('INSERT INTO paragraphs (article_id, section_id, text) VALUES (?,?,?)',
                            [(aid, None, p) for p in a['preamble']])
            depth = add_sections(aid, None, '', a['sections'], 1)
            cur.execute('UPDATE articles SET depth = ? WHERE id = ?', (depth, aid))
    db.commit()


def questions(db):
    q = lambda sql: db.execute(sql).fetchall()  # noqa: E731
    own = 'duplicate_of IS NULL'
    total, with_authors = q(f'SELECT COUNT(*), SUM(has_authors) FROM articles WHERE {own}')[0]
    return {
        'articles': total,
        'sections': q(f'SELECT COUNT(*) FROM sections JOIN articles a ON a.id = article_id'
                      f' WHERE a.{own}')[0][0],
        'per_source_year': [
            {'source': s, 'year': y, 'articles': n} for s, y, n in q(
                f'SELECT source, year, COUNT(*) FROM articles WHERE {own}'
                ' GROUP BY source, year ORDER BY COUNT(*) DESC, source, year')],
        'depth': {str(d): n for d, n in q(
            f'SELECT depth, COUNT(*) FROM articles WHERE {own} GROUP BY depth ORDER BY depth')},
        'top_headings': [
            {'heading': h, 'articles': n} for h, n in q(
                f'SELECT heading, COUNT(DISTINCT article_id) n FROM sections'
                f' JOIN articles a ON a.id = article_id WHERE sections.depth = 1 AND a.{own}'
                ' GROUP BY heading ORDER BY n DESC, heading LIMIT 10')],
        'share_with_authors': round((with_authors or 0) / total, 4) if total else 0.0,
    }


def charts(answers, out):
    import matplotlib
    matplotlib.use('Agg')
    from matplotlib import font_manager
    import matplotlib.pyplot as plt
    # Headings are Chinese: use a CJK font when one is installed (fonts-wqy-zenhei).
    for name in ('WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Noto Sans CJK JP'):
        if any(f.name == name for f in font_manager.fontManager.ttflist):
            plt.rcParams['font.family'] = name
            break
    depth = answers['depth']
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.bar(list(depth.keys()), list(depth.values()), color='#4c72b0')
    ax.set_xlabel('deepest section level')
    ax.set_ylabel('articles')
    ax.set_title('Depth of outlines')
    fig.tight_layout()
    fig.savefig(out / 'depth.png', dpi=100)
    plt.close(fig)

    top = answers['top_headings'][::-1]
    fig, ax = plt.subplots(figsize=(7, 0.4 * max(len(top), 3) + 1))
    ax.barh([t['heading'][:18] for t in top], [t['articles'] for t in top], color='#dd8452')
    ax.set_xlabel('articles')
    ax.set_title('Most frequent top-level headings')
    fig.tight_layout()
    fig.savefig(out / 'top_headings.png', dpi=100)
    plt.close(fig)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('inputs', nargs='+', help='JSON Lines from gangmu extract --format jsonl')
    ap.add_argument('--out', required=True, help='folder for outline.sqlite, summary.json, PNGs')
    args = ap.parse_args(argv)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / 'outline.sqlite'
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.executescript(SCHEMA)
    documents = []
    for path in args.inputs:
        with open(path, encoding='utf-8') as f:
            documents += [json.loads(line) for line in f.read().split('\n') if line.strip()]
    load(db, documents)
    answers = questions(db)
    db.close()
    (out / 'summary.json').write_text(json.dumps(answers, ensure_ascii=False, indent=2) + '\n',
                                      encoding='utf-8')
    charts(answers, out)
    print(json.dumps(answers, ensure_ascii=False, indent=2))
    print(f'wrote {db_path}, summary.json, depth.png, top_headings.png', file=sys.stderr)


if __name__ == '__main__':
    main()
