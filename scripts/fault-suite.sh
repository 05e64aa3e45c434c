#!/usr/bin/env bash
# Faults under a steady load of session POSTs (issue 7): the Kafka broker SIGKILLed for 30 s and
# restarted, session-service and reminder-service SIGKILLed and started again, and reminder-service
# SIGKILLed in the middle of 30,000 due prompts (each member must get exactly one). Starts its own
# PostgreSQL, broker and services (native), prints the figures per scenario and a PASS/FAIL line.
# Options go to the driver: --rate 40 --before 10 --outage 30 --after 20
#   --scenarios kafka,session-service,reminder-service,reminder-dispatch --due-prompts 30000
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
exec java -Dslf4j.internal.verbosity=ERROR -jar "$jar" faults "$@"
