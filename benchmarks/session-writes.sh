#!/usr/bin/env bash
# Session POSTs under load (issue 4), beside pgbench doing the same two inserts against the
# same PostgreSQL, and the time from commit to the event on limber.sessions.v1. Prints
# throughput, p50/p99 and PASS/FAIL per target. Needs pgbench and psql (Debian's
# postgresql-client). Options go to the driver, e.g. --duration 30 --callers 16.
# The write path only (content-service for the catalog the driver looks up, session-service,
# PostgreSQL, the broker): reminder-service, a consumer of limber.sessions.v1 that runs on its own
# machines in production, would take its share of the same 2 cores. To measure with it, start the
# whole suite first (./limber), and this script uses what is running.
SUITE_SERVICES=${SUITE_SERVICES:-content-service,session-service}
source "$(dirname "$0")/suite.sh"
command -v pgbench > /dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
bench sessions --keys .limber/keys "$@"
