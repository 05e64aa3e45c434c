# Sourced by the benchmark scripts: makes sure the suite runs (starting ./limber if it does not,
# and stopping it again on exit) and that the benchmark jars are built. A script may set
# SUITE_SERVICES (LIMBER_SERVICES for ./limber) to start only the services it measures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

started_suite=""
baseline=""
stop_suite() {
  if [[ -n $baseline ]]; then
    kill "$baseline" 2>/dev/null || true
  fi
  if [[ -n $started_suite ]]; then
    kill -INT -- "-$started_suite" 2>/dev/null || true
    wait "$started_suite" 2>/dev/null || true
  fi
}
trap stop_suite EXIT

if ! ./limber status 2>/dev/null | grep -q "launcher pid"; then
  echo "Starting the suite with ./limber (log: .limber/benchmark-suite.log) ..."
  mkdir -p .limber
  set -m
  LIMBER_SERVICES=${SUITE_SERVICES:-} ./limber up > .limber/benchmark-suite.log 2>&1 &
  started_suite=$!
  set +m
  for _ in $(seq 300); do
    grep -q "Limber is ready" .limber/benchmark-suite.log && break
    kill -0 "$started_suite" 2>/dev/null || { tail -30 .limber/benchmark-suite.log; exit 1; }
    sleep 1
  done
  grep -q "Limber is ready" .limber/benchmark-suite.log || { echo "suite not ready"; exit 1; }
else
  echo "Using the suite that is already running:"
  ./limber status | sed 's/^/  /'
fi
jar=benchmarks/load/target/limber-benchmarks.jar
if [[ ! -f $jar || -n $(find benchmarks/load/src benchmarks/baseline/src -newer "$jar" -type f -print -quit) ]]; then
  ./mvnw -q -B package -DskipTests -pl benchmarks/load,benchmarks/baseline -am
fi
bench() { java -Dslf4j.internal.verbosity=ERROR -jar benchmarks/load/target/limber-benchmarks.jar "$@"; }
# The yardstick app (benchmarks/baseline, port 8090): a constant JSON endpoint for reads and the
# session POST's inserts over plain JDBC for writes; stopped on exit.
start_baseline() {
  java -Xms64m -Xmx384m -XX:+UseSerialGC -jar benchmarks/baseline/target/quarkus-app/quarkus-run.jar \
    > .limber/baseline.log 2>&1 &
  baseline=$!
  until curl -sf localhost:8090/constant > /dev/null; do
    kill -0 "$baseline" 2>/dev/null || { cat .limber/baseline.log; exit 1; }
    sleep 0.5
  done
}
