#!/usr/bin/env bash
# Proves the CI gate on fresh clones: clones the committed main of this repository N times (one
# after the other, each in a new folder), runs .ci/run in each as CI does (CI=true, no standard
# input, shared/ beside the clone) and prints a table: run, each stage's duration and result, the
# total. Exits non-zero unless every run passed.
#   scripts/ci-repeat.sh 3            # three runs of main
#   scripts/ci-repeat.sh 3 some-branch
# Logs: $LIMBER_CI_REPEAT_DIR (default /tmp/limber-ci-repeat)/run-K/ci.log
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
ref=${2:-main}
[[ $runs =~ ^[1-9][0-9]*$ ]] || {
  echo "usage: scripts/ci-repeat.sh N [ref]  (N a whole number, at least 1)" >&2
  exit 2
}
repo=$(pwd)
work=${LIMBER_CI_REPEAT_DIR:-/tmp/limber-ci-repeat}
commit=$(git rev-parse --short "$ref") || exit 2
mkdir -p "$work"
# CI lays shared/ beside the clone: a copy beside the work folder keeps the same relative path.
if [[ -d ../shared && ! -e $work/shared ]]; then
  cp -r ../shared "$work/shared"
fi

summary=$work/summary.tsv
: > "$summary"
failed=0
for ((k = 1; k <= runs; k++)); do
  dir=$work/run-$k
  rm -rf "$dir"
  git clone -q --no-local --branch "$ref" "$repo" "$dir" 2> /dev/null || git clone -q --no-local "$repo" "$dir"
  git -C "$dir" checkout -q "$commit"
  echo "[ci-repeat] run $k of $runs: $commit in $dir (log: $dir/ci.log)"
  (cd "$dir" && CI=true bash .ci/run < /dev/null > ci.log 2>&1)
  rc=$?
  ((rc == 0)) || failed=$((failed + 1))
  if [[ -f $dir/.limber/ci-stages.tsv ]]; then
    tail -n +2 "$dir/.limber/ci-stages.tsv" | sed "s/^/$k\t/" >> "$summary"
  else
    printf '%s\ttotal\t-\tFAIL(%s, no stage table)\n' "$k" "$rc" >> "$summary"
  fi
  echo "[ci-repeat] run $k: $([[ $rc == 0 ]] && echo pass || echo "FAIL (exit $rc)")"
done

echo
echo "ci-repeat: $runs fresh clone(s) of $commit, $(date -u +%Y-%m-%d)"
# One row per run, one column per stage: seconds and result.
awk -F'\t' '
  { if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } cell[$1, $2] = $3 "s " $4; if ($1 > runs) runs = $1 }
  END {
    printf "| run |"; for (i = 1; i <= n; i++) printf " %s |", order[i]; printf "\n"
    printf "|---|"; for (i = 1; i <= n; i++) printf "---|"; printf "\n"
    for (r = 1; r <= runs; r++) {
      printf "| %d |", r
      for (i = 1; i <= n; i++) printf " %s |", ((r, order[i]) in cell ? cell[r, order[i]] : "-")
      printf "\n"
    }
  }' "$summary"
echo "$((runs - failed)) passed, $failed failed"
((failed == 0))
