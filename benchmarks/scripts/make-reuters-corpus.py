#!/usr/bin/env python3
"""Turns Reuters-21578 (../shared/data/reuters21578, research-only: never commit the output) into a folder of
articles, one .txt per <REUTERS> body, for throughput and incremental-scan measurements.

usage: make-reuters-corpus.py <reuters-dir> <out-dir> [--copies N]
--copies N writes the corpus N times under copyK/ folders with a light deterministic edit per copy, to reach a
given size (e.g. ~45 MB) with real reuse between copies.
"""
import html, os, re, sys

def bodies(src):
    for name in sorted(os.listdir(src)):
        if not name.endswith('.sgm'):
            continue
        data = open(os.path.join(src, name), encoding='latin-1').read()
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', data, re.S):
            newid, rec = m.group(1), m.group(2)
            b = re.search(r'<BODY>(.*?)</BODY>', rec, re.S)
            if not b:
                continue
            t = re.search(r'<TITLE>(.*?)</TITLE>', rec, re.S)
            text = (html.unescape(t.group(1)) + '\n\n' if t else '') + html.unescape(b.group(1))
            text = re.sub(r'&#\d+;', '', text).replace('\x03', '').strip()
            yield int(newid), text

def main():
    args = sys.argv[1:]
    copies = 1
    if '--copies' in args:
        i = args.index('--copies'); copies = int(args[i + 1]); del args[i:i + 2]
    src, out = args
    docs = list(bodies(src))
    total = 0
    for c in range(copies):
        folder = os.path.join(out, f'copy{c}') if copies > 1 else out
        os.makedirs(folder, exist_ok=True)
        for newid, text in docs:
            if c > 0:
                # a light edit per copy: drop the first sentence of every third article
                if newid % 3 == c % 3 and '. ' in text:
                    text = text.split('. ', 1)[1]
            path = os.path.join(folder, f'{newid:05d}.txt')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            total += len(text.encode('utf-8'))
    print(f'{len(docs) * copies} articles, {total / 1e6:.1f} MB in {out}')

main()
