#!/usr/bin/env bash
# Soak run: generate a deterministic corpus with planted reposts, scan it with the release CLI under
# /usr/bin/time -v, report throughput and peak memory, and check that every planted repost was found.
#
#   benchmarks/scripts/soak.sh [COUNT=100000] [PLANTS=COUNT/20] [WORKDIR=/tmp/reusedetect-soak] [SEED=1]
#
# The full soak is the default (100,000 articles); pass a smaller COUNT on a loaded machine.
set -euo pipefail
COUNT=${1:-100000}
PLANTS=${2:-$((COUNT / 20))}
WORK=${3:-/tmp/reusedetect-soak}
SEED=${4:-1}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS="$WORK/corpus-$COUNT-$SEED"
OUT="$WORK/out-$COUNT-$SEED"
TRUTH="$WORK/truth-$COUNT-$SEED.tsv"

mkdir -p "$WORK"
if [ ! -f "$TRUTH" ]; then
  rm -rf "$CORPUS"
  python3 "$REPO/benchmarks/scripts/soak_corpus.py" generate "$CORPUS" "$COUNT" "$PLANTS" "$SEED" "$TRUTH"
fi
dotnet build "$REPO/src/ReuseDetect.Cli" -c Release -v q -nologo >/dev/null
REUSE="$REPO/artifacts/bin/ReuseDetect.Cli/release/reuse"
BYTES=$(du -sb "$CORPUS" | cut -f1)
rm -rf "$OUT"
set +e
/usr/bin/time -v "$REUSE" scan "$CORPUS" --out "$OUT" --no-store -q 2> "$WORK/time-$COUNT-$SEED.txt" >/dev/null
RC=$?
set -e
grep -E "Elapsed|Maximum resident|Exit status" "$WORK/time-$COUNT-$SEED.txt" || cat "$WORK/time-$COUNT-$SEED.txt"
python3 - "$WORK/time-$COUNT-$SEED.txt" "$COUNT" "$BYTES" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
secs = (int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))) if m else float("nan")
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
n, b = int(sys.argv[2]), int(sys.argv[3])
print(f"soak: {n} articles, {b / 1e6:.1f} MB in {secs:.1f} s: {n / secs:.0f} docs/s, {b / 1e6 / secs:.2f} MB/s; peak RSS {rss:.0f} MiB")
PY
[ "$RC" -eq 0 ] || { echo "reuse scan exited with $RC"; exit "$RC"; }
python3 "$REPO/benchmarks/scripts/soak_corpus.py" check "$OUT/report.json" "$TRUTH"
