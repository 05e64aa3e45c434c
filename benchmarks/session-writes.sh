#!/usr/bin/env bash
# Session POSTs under load (issue 4), beside pgbench doing the same two inserts against the
# same PostgreSQL, and the time from commit to the event on limber.sessions.v1. Prints
# throughput, p50/p99 and PASS/FAIL per target. Needs pgbench and psql (Debian's
# postgresql-client). Options go to the driver, e.g. --duration 30 --callers 16.
source "$(dirname "$0")/suite.sh"
command -v pgbench > /dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
bench sessions --keys .limber/keys "$@"
