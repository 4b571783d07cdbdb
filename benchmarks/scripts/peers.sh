#!/usr/bin/env bash
# Whole-corpus comparison with the Debian peers, all in one run on one machine (ratios are only meaningful within a run):
#   ReuseDetect `reuse scan --no-store` with 1 and 2 threads, `sim_text -n` (similarity-tester: runs of equal tokens
#   between every pair of files) and `simhash -w` (shingleprint sketches of every file, no comparison).
# Prints one Markdown table: wall time, CPU time (user + sys), peak RSS, and each tool's time relative to sim_text.
#
#   benchmarks/scripts/peers.sh CORPUS [WORKDIR=/tmp/reusedetect-peers]
#
# Needs: sim_text (apt-get install similarity-tester), simhash (apt-get install simhash), GNU time at /usr/bin/time.
# The corpus is never modified: simhash writes its .sim files beside a copy in WORKDIR.
set -euo pipefail
corpus=${1:?usage: peers.sh CORPUS [WORKDIR]}
work=${2:-/tmp/reusedetect-peers}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work" && mkdir -p "$work"
dotnet build "$root/src/ReuseDetect.Cli" -c Release --nologo -v q >/dev/null
reuse=("dotnet" "$root/artifacts/bin/ReuseDetect.Cli/release/reuse.dll")
files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

measure() { # name, command...: appends "name|wall|cpu|rss" to the table
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  echo "$name|$wall|$(echo "$user + $sys" | bc)|$((rss / 1024))" >>"$work/rows"
}

measure "ReuseDetect, 1 thread" "${reuse[@]}" scan "$corpus" -q --no-store --threads 1 --out "$work/r1"
measure "ReuseDetect, 2 threads" "${reuse[@]}" scan "$corpus" -q --no-store --threads 2 --out "$work/r2"
measure "sim_text -n" sh -c "find '$corpus' -type f | sort | sim_text -n -i"
cp -r "$corpus" "$work/copy"
measure "simhash -w (sketches only)" sh -c "find '$work/copy' -type f | sort | xargs simhash -w"
rm -rf "$work/copy"
cmp -s "$work/r1/report.json" "$work/r2/report.json" && same="identical" || same="DIFFERENT"

echo "Corpus: $corpus, $files files, $bytes bytes; $(nproc) CPUs; $(date -u +%Y-%m-%dT%H:%MZ); reports with 1 and 2 threads: $same"
echo
echo "| Tool | wall s | CPU s (user+sys) | peak RSS MiB | wall vs sim_text | CPU vs sim_text |"
echo "|---|---:|---:|---:|---:|---:|"
ref=$(grep '^sim_text' "$work/rows")
refwall=$(echo "$ref" | cut -d'|' -f2); refcpu=$(echo "$ref" | cut -d'|' -f3)
while IFS='|' read -r name wall cpu rss; do
  echo "| $name | $wall | $cpu | $rss | $(echo "scale=2; $wall / $refwall" | bc)x | $(echo "scale=2; $cpu / $refcpu" | bc)x |"
done <"$work/rows"
t1=$(grep '^ReuseDetect, 1' "$work/rows" | cut -d'|' -f2); t2=$(grep '^ReuseDetect, 2' "$work/rows" | cut -d'|' -f2)
echo
echo "Speed-up from 1 to 2 threads (wall): $(echo "scale=2; $t1 / $t2" | bc)x"
