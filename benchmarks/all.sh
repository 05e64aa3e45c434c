#!/usr/bin/env bash
# Every benchmark in one go, as a newcomer would trust it (issue 18): the whole suite started
# fresh with ./limber (unless one is running), then catalog reads right after the start, session
# writes, and 100,000 due prompts, each beside its yardstick in the same run. Prints each figure
# with PASS/FAIL, writes the run's rows to benchmarks/results/<run>.csv, appends them to
# benchmarks/results/history.csv and redraws benchmarks/results/history.png (the ratios to the
# yardsticks, run by run), so a change that costs speed shows. Options go to every driver.
# Exit status: 0 when every target was met.
source "$(dirname "$0")/suite.sh"
command -v pgbench > /dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
start_baseline

run=$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p benchmarks/results
export LIMBER_BENCH_RUN=$run
export LIMBER_BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
export LIMBER_BENCH_RESULTS=benchmarks/results/$run.csv

failed=0
for benchmark in catalog sessions prompts; do
  echo
  echo "=== $benchmark ==="
  bench "$benchmark" --keys .limber/keys "$@" || failed=$((failed + 1))
done

history=benchmarks/results/history.csv
if [[ -f $history ]]; then
  tail -n +2 "$LIMBER_BENCH_RESULTS" >> "$history"
else
  cp "$LIMBER_BENCH_RESULTS" "$history"
fi
bench chart --history "$history" --out benchmarks/results/history.png
echo
echo "Results: $LIMBER_BENCH_RESULTS (history: $history, chart: benchmarks/results/history.png)"
echo "benchmarks: $((3 - failed)) of 3 met every target"
exit $((failed > 0))
