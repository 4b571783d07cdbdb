#!/usr/bin/env bash
# Runs the ReuseDetect benchmarks with pinned BenchmarkDotNet arguments and files the GitHub-markdown
# reports under benchmarks/results/<cpu-name>/ (and, with --history, a JSON run under benchmarks/history/).
#
#   benchmarks/bench.sh                      all stages, --job short
#   benchmarks/bench.sh --smoke              all stages, --job dry (one invocation each: checks it runs, measures nothing)
#   benchmarks/bench.sh --filter '*MinHash*' one class (BenchmarkDotNet glob on Namespace.Class.Method)
#   benchmarks/bench.sh --history            also record the run in benchmarks/history/ and compare with earlier runs
#   benchmarks/bench.sh -- --iterationCount 5  extra arguments after -- go to BenchmarkDotNet unchanged
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

job=short
filter='*'
history=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) job=dry ;;
    --job) job=$2; shift ;;
    --filter) filter=$2; shift ;;
    --history) history=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//; s/[^A-Za-z0-9.]\+/-/g; s/-$//')
cpu=${cpu:-unknown-cpu}
fam=$(grep -m1 '^cpu family' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | tr -d ' ')
model=$(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | tr -d ' ')
[ -n "$fam" ] && cpu="$cpu-f${fam}m${model}" # a bare 'AMD EPYC' (as a VM reports it) says nothing of the generation
artifacts="$root/artifacts/bdn"
rm -rf "$artifacts/results"

dotnet build benchmarks/ReuseDetect.Benchmarks -c Release --nologo -v q
dotnet run -c Release --no-build --project benchmarks/ReuseDetect.Benchmarks -- \
  --filter "$filter" --job "$job" --artifacts "$artifacts" "${extra[@]}"

if [ "$job" = dry ]; then
  echo "smoke run (--job dry): nothing filed"
  exit 0
fi
out="benchmarks/results/$cpu"
mkdir -p "$out"
for f in "$artifacts"/results/*-report-github.md; do
  [ -e "$f" ] || continue
  name=$(basename "$f" | sed 's/^ReuseDetect\.Benchmarks\.Stages\.//; s/-report-github//')
  cp "$f" "$out/$name"
  echo "filed $out/$name"
done
if [ "$history" = 1 ]; then
  dotnet run -c Release --no-build --project benchmarks/ReuseDetect.Benchmarks -- \
    history record --results "$artifacts/results" --commit "$(git rev-parse --short HEAD)" --machine "$cpu"
  dotnet run -c Release --no-build --project benchmarks/ReuseDetect.Benchmarks -- history compare
fi
