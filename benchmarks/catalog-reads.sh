#!/usr/bin/env bash
# Catalog reads under load (issue 3): search, get by slug and a conditional get answered 304,
# beside a bare Quarkus endpoint returning constant JSON, from a separate process on loopback.
# Prints requests/s and latency percentiles, then PASS/FAIL per target. Options go to the
# driver, e.g. --duration 30 --rate 1000 --callers 16.
source "$(dirname "$0")/suite.sh"

java -Xms64m -Xmx384m -XX:+UseSerialGC -jar benchmarks/baseline/target/quarkus-app/quarkus-run.jar > .limber/baseline.log 2>&1 &
baseline=$!
trap 'kill $baseline 2>/dev/null; stop_suite' EXIT
until curl -sf localhost:8090/constant > /dev/null; do
  kill -0 $baseline 2>/dev/null || { cat .limber/baseline.log; exit 1; }
  sleep 0.5
done
bench catalog "$@"
