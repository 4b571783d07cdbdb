#!/usr/bin/env python3
"""Deterministic soak corpus for ReuseDetect: generate articles with planted reposts, and check a report.

  soak_corpus.py generate DIR COUNT PLANTS SEED TRUTH.tsv
      COUNT articles of 150-400 words from a synthetic vocabulary under DIR/outletK/aNNNNNN.txt; PLANTS passages of
      50-90 words appended to a random source article and, with up to two words changed, to a random other article.
      Ground truth (source id, target id) goes to TRUTH.tsv.
  soak_corpus.py check REPORT.json TRUTH.tsv
      Counts the plants found: both documents in one passage cluster. Exit 1 when any is missing.
"""
import json, random, sys, os

SYLLABLES = ["ka", "lo", "mi", "ran", "te", "vos", "du", "pel", "sir", "ma", "no", "gat", "be", "fu", "zor", "li", "qe", "ish"]

def vocabulary():
    r = random.Random(7)
    words = set()
    while len(words) < 5000:
        words.add("".join(r.choice(SYLLABLES) for _ in range(r.randint(1, 4))))
    return sorted(words)

def article(r, vocab, n):
    out, sentence = [], 0
    for i in range(n):
        w = r.choice(vocab)
        if sentence == 0:
            w = w[0].upper() + w[1:]
        sentence += 1
        if sentence >= 8 + r.randint(0, 12) or i == n - 1:
            w += "."
            sentence = 0
        out.append(w)
    return " ".join(out)

def ident(i):
    return f"outlet{i % 17}/a{i:06d}.txt"

def generate(root, count, plants, seed, truth_path):
    r = random.Random(seed)
    vocab = vocabulary()
    texts = [article(r, vocab, r.randint(150, 400)) for _ in range(count)]
    truth = []
    for _ in range(plants):
        s, t = r.randrange(count), r.randrange(count)
        if s == t:
            continue
        original = article(r, vocab, r.randint(50, 90))
        words = original.split(" ")
        for _ in range(r.randint(0, 2)):
            words[r.randint(5, len(words) - 6)] = r.choice(vocab)
        texts[s] += "\n\n" + original
        texts[t] += "\n\n" + " ".join(words)
        truth.append((ident(s), ident(t)))
    for i, text in enumerate(texts):
        path = os.path.join(root, ident(i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(truth_path, "w", encoding="utf-8") as f:
        for s, t in truth:
            f.write(f"{s}\t{t}\n")
    print(f"generated {count} articles, {len(truth)} planted reposts in {root}")

def check(report_path, truth_path):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    linked = set()
    for c in report["clusters"]:
        if c["kind"] != "passage":
            continue
        ids = sorted({m["id"] for m in c["members"]})
        for a in ids:
            for b in ids:
                linked.add((a, b))
    truth = [tuple(line.rstrip("\n").split("\t")) for line in open(truth_path, encoding="utf-8") if line.strip()]
    missing = [p for p in truth if p not in linked]
    s = report["summary"]
    print(f"documents {s['documents']}, skipped {s['skipped']}, passage clusters {s['passageClusters']}")
    print(f"planted reposts found: {len(truth) - len(missing)} of {len(truth)}")
    for p in missing[:20]:
        print(f"  missing: {p[0]} -> {p[1]}")
    return 1 if missing else 0

if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    else:
        print(__doc__)
        sys.exit(2)
