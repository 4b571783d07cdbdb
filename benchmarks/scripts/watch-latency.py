#!/usr/bin/env python3
"""How soon `reuse watch` answers a new article in changes.jsonl.

Starts `reuse watch FOLDER --out OUT --debounce-ms D`, waits for its initial scan, then N times copies an article of
the folder (one word edited) to a new file (written beside it, then renamed, as editors and downloaders do), times
how long after the rename a line for it appears in OUT/changes.jsonl (polled every 5 ms), and how long after the rename
the rescan that follows has written the full reports (its log line, polled every 5 ms). The worker's own figure (from the end of the quiet time to the line written) is read from its log. The
added files are removed at the end (the worker answers and rescans that too) and the worker is stopped.

    python3 benchmarks/scripts/watch-latency.py --reuse 'dotnet artifacts/bin/ReuseDetect.Cli/release/reuse.dll' \\
        --folder /tmp/corpus20k/reuters --out /tmp/corpus20k/reuters.reuse --count 12 --debounce-ms 200
"""
import argparse, glob, os, random, re, shlex, subprocess, sys, tempfile, time


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuse", required=True, help="the command that runs reuse, e.g. 'dotnet .../reuse.dll'")
    ap.add_argument("--folder", required=True, help="the watched folder of .txt articles")
    ap.add_argument("--out", required=True, help="the reports folder (its store makes the start warm)")
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--debounce-ms", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    log_path = os.path.join(tempfile.mkdtemp(prefix="watch-latency-"), "watch.log")
    log = open(log_path, "w")
    cmd = shlex.split(a.reuse) + ["watch", a.folder, "--out", a.out, "--debounce-ms", str(a.debounce_ms)]
    worker = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)

    def text():
        with open(log_path) as f:
            return f.read()

    def wait(pred, timeout=600):
        start = time.time()
        while time.time() - start < timeout:
            if pred():
                return True
            time.sleep(0.005)
        return False

    changes = os.path.join(a.out, "changes.jsonl")

    def lines():
        if not os.path.exists(changes):
            return 0
        with open(changes) as f:
            return sum(1 for _ in f)

    added = []
    try:
        if not wait(lambda: "Scan (initial scan)" in text()):
            sys.exit("no initial scan; see " + log_path)
        sources = sorted(glob.glob(os.path.join(a.folder, "*.txt")))
        rng = random.Random(a.seed)
        latencies, rescans = [], []
        for i in range(a.count):
            with open(rng.choice(sources)) as f:
                body = f.read().replace(" the ", " a ", 1)
            name = os.path.join(a.folder, f"zz-latency-{i}.txt")
            before, scans = lines(), text().count("Scan (change in")
            with open(name + ".tmp", "w") as f:
                f.write(body)
            os.rename(name + ".tmp", name)
            added.append(name)
            start = time.time()
            if not wait(lambda: lines() > before, 60):
                sys.exit("no line in changes.jsonl; see " + log_path)
            latencies.append((time.time() - start) * 1000)
            if not wait(lambda: text().count("Scan (change in") > scans):
                sys.exit("no rescan; see " + log_path)
            rescans.append((time.time() - start) * 1000)
    finally:
        for name in added:
            os.remove(name)
        if added:
            scans = text().count("Scan (change in")
            wait(lambda: text().count("Scan (change in") > scans, 120)
        worker.terminate()
        worker.wait()
    # The first COUNT answers are the added files' (the last one answers their removal).
    inner = sorted(float(m) for m in re.findall(r"with matches in the index \(([\d.]+) ms\)", text())[: a.count])
    latencies.sort()
    print(f"rename -> line seen, ms: median {latencies[len(latencies) // 2]:.0f}, min {latencies[0]:.0f}, "
          f"max {latencies[-1]:.0f} ({a.count} files, --debounce-ms {a.debounce_ms})")
    rescans.sort()
    print(f"rename -> full reports rewritten by the rescan, ms: median {rescans[len(rescans) // 2]:.0f}, min {rescans[0]:.0f}, "
          f"max {rescans[-1]:.0f}")
    if inner:
        print(f"worker, end of the quiet time -> line written, ms: median {inner[len(inner) // 2]:.1f}, "
              f"min {inner[0]:.1f}, max {inner[-1]:.1f}")


if __name__ == "__main__":
    main()
