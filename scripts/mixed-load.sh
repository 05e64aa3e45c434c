#!/usr/bin/env bash
# A long mixed load shaped like a portal (issue 7 "Load"): catalog list/search/get by slug, session
# POSTs, tolerance reports, progress reads and reminder-preference updates, open loop at a total
# rate. Starts its own PostgreSQL, broker and services (native), prints p99 per endpoint, answers
# by status, resident memory of each service and PostgreSQL connections per database after the
# warm-up and at the end, and PASS/FAIL on: no 5xx, the rate sustained (every p99 under 2 s),
# resident memory grown < 15% after the warm-up and < 5% over the second half, connections per
# database grown by at most 2.
# Options go to the driver: --rate 150 --duration 10m --warmup 180s --sample-every 60s --max-p99-ms 2000
#   (--duration 60s for a quick check)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/load/target/limber-benchmarks.jar
for svc in content-service session-service reminder-service; do
  [[ -f $svc/target/quarkus-app/quarkus-run.jar ]] || missing=1
done
if [[ -n ${missing:-} || ! -f $jar ]]; then
  ./mvnw -q -B package -DskipTests
fi
export LIMBER_INFRA=${LIMBER_INFRA:-embedded}
exec java -Dslf4j.internal.verbosity=ERROR -jar "$jar" soak "$@"
