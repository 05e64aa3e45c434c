#!/usr/bin/env bash
# Faults under a steady load of session POSTs and prompt dispatch (issue 7): the Kafka broker
# SIGKILLed for 30 s and restarted, PostgreSQL stopped in immediate mode for 15 s and restarted on
# its data, session-service and reminder-service SIGKILLed and started again (3,000 members falling
# due during each), reminder-service SIGKILLed in the middle of 30,000 due prompts, and one of two
# reminder-service replicas SIGKILLed in the middle of 20,000 (each member must get exactly one).
# The client retries a POST without a 2xx with its Idempotency-Key for up to 30 s; answers are
# counted by status. Starts its own PostgreSQL, broker and services (native), prints the figures
# per scenario and a PASS/FAIL line.
# Options go to the driver: --rate 40 --before 10 --outage 30 --postgres-outage 15 --after 20
#   --scenarios kafka,postgres,session-service,reminder-service,reminder-dispatch,reminder-replicas
#   --due-prompts 30000 --prompts-under-load 3000 --replica-prompts 20000
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
