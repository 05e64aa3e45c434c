#!/usr/bin/env bash
# Session POSTs under load (issue 18), in one run beside a bare Quarkus endpoint making the same
# inserts over plain JDBC (the headline ratio) and pgbench doing them on the same PostgreSQL, and
# the time from commit to the event on limber.sessions.v1. Prints throughput, p50/p99 and
# PASS/FAIL per target. Needs pgbench and psql (Debian's postgresql-client). Options go to the
# driver, e.g. --duration 30 --callers 16.
# The whole suite by default, as an operator runs it. For the write path only (no reminder-service
# consuming the same events on the same 2 cores): SUITE_SERVICES=content-service,session-service.
# If the suite is already running, this script uses what is running.
source "$(dirname "$0")/suite.sh"
command -v pgbench > /dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
start_baseline
bench sessions --keys .limber/keys "$@"
