#!/usr/bin/env bash
# Catalog reads under load (issue 3): search, get by slug and a conditional get answered 304,
# beside a bare Quarkus endpoint returning constant JSON, from a separate process on loopback.
# Prints requests/s and latency percentiles, then PASS/FAIL per target. Options go to the
# driver, e.g. --duration 30 --rate 1000 --callers 16.
source "$(dirname "$0")/suite.sh"
start_baseline
bench catalog "$@"
