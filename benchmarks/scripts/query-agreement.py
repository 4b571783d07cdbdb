#!/usr/bin/env python3
"""How well `reuse query` agrees with the scan: for N documents of a scanned folder that the scan links to others
(pairs aligned in a passage cluster of report.json), query each one against the scan's store and count the linked
documents the query finds (as matches or as identical copies) and the documents it matches that the scan does not link.

usage: query-agreement.py FOLDER N [REUSE_DLL_DIR] [--examples K]
FOLDER must have been scanned with its defaults (FOLDER.reuse/report.json and FOLDER.reuse/store). The sample is
drawn with a fixed seed, so two builds are compared on the same documents.
"""
import json, os, random, subprocess, sys

def main():
    args = sys.argv[1:]
    examples = 0
    if '--examples' in args:
        i = args.index('--examples'); examples = int(args[i + 1]); del args[i:i + 2]
    root, n = args[0].rstrip('/'), int(args[1])
    cli = args[2] if len(args) > 2 else os.path.join(os.path.dirname(__file__), '../../artifacts/bin/ReuseDetect.Cli/release')
    report = json.load(open(root + '.reuse/report.json'))
    links = {}
    for c in report['clusters']:
        if c['kind'] != 'passage' or c['boilerplate']:
            continue
        ms = c['members']
        for al in c['alignments']:
            a, b = ms[al['a']]['id'], ms[al['b']]['id']
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    random.seed(7)
    sample = random.sample(sorted(links), min(n, len(links)))
    total = found = extra = 0
    missing, others = [], []
    for d in sample:
        out = subprocess.run(['dotnet', os.path.join(cli, 'reuse.dll'), 'query', os.path.join(root, d), '--store', root + '.reuse/store', '--json'],
                             capture_output=True, text=True)
        q = json.loads(out.stdout)
        got = {m['id'] for m in q['matches']} | set(q.get('identical', []))
        expected = links[d]
        total += len(expected)
        found += len(expected & got)
        extra += len(got - expected - {d})
        missing += [(d, x) for x in sorted(expected - got)]
        others += [(d, m['id'], m['passages'][0]['queryText'][:80].replace('\n', ' '), m['passages'][0]['documentText'][:80].replace('\n', ' '))
                   for m in q['matches'] if m['id'] not in expected]
    print(f'{len(sample)} documents queried; the scan links them to {total} documents; the query finds {found} of them, and {extra} others')
    for m in missing[:examples]:
        print('not found', *m)
    for o in others[:examples]:
        print('other', *o)

if __name__ == '__main__':
    main()
