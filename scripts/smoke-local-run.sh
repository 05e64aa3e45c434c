#!/usr/bin/env bash
# Smoke test of the run command as a newcomer uses it: ./limber brings all three services to
# ready against its own PostgreSQL and Kafka, a demo token is accepted, and Ctrl-C (SIGINT to
# the terminal's process group) leaves no process of the suite behind. First, a launcher killed
# outright (SIGKILL): its services and broker must stop by themselves, and the next ./limber must
# clear the PostgreSQL it left and start.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
group=
fail() {
  echo "local run smoke: FAILED: $*"
  # Which signals the launcher ignores and catches (hex masks; SIGINT is bit 2): a JVM started with
  # SIGINT ignored never installs its handler, and Ctrl-C does nothing (why the launcher starts with it reset, below).
  if [[ -n $group && -r /proc/$group/status ]]; then grep -E '^Sig(Ign|Cgt):' "/proc/$group/status" | sed 's/^/launcher /' || true; fi
  echo "---- ./limber output (last 60 lines) ----"
  tail -60 "$log"
  [[ -n $group ]] && kill -INT -- "-$group" 2>/dev/null || true
  ./limber down > /dev/null 2>&1 || true
  exit 1
}
# Every process of this suite names this checkout in its command line (jar, data or config path).
suite_processes() { pgrep -f "$PWD/(\.limber|[a-z-]+/target)" | grep -vx "$$" || true; }
services_and_broker() { pgrep -f "$PWD/([a-z-]+-service/target|\.limber/kafka)" || true; }

start_suite() {
  # Job control gives ./limber its own process group, as a terminal does, and keeps SIGINT
  # deliverable (a non-interactive shell would start it with SIGINT ignored).
  set -m
  # A CI harness (or nohup ... &) may start this script with SIGINT ignored, which set -m does not
  # undo: a JVM started so never installs its handler, and Ctrl-C does nothing. A terminal's
  # foreground job always gets SIGINT: reset it for the launcher as a terminal would.
  env --default-signal=INT ./limber up > "$log" 2>&1 &
  group=$!
  set +m
  local started=$(date +%s)
  until grep -q "Limber is ready" "$log"; do
    kill -0 "$group" 2>/dev/null || fail "./limber exited before the suite was ready"
    (( $(date +%s) - started < 300 )) || fail "not ready after 300 s"
    sleep 1
  done
  grep "Limber is ready" "$log"
}

# ./limber execs the launcher JVM, so the job's pid is the launcher's.
start_suite
kill -KILL "$group"
killed=$(date +%s)
until [[ -z $(services_and_broker) ]]; do
  (( $(date +%s) - killed < 60 )) \
    || fail "services or broker still running 60 s after the launcher was SIGKILLed: $(ps -o pid=,args= -p "$(services_and_broker | tr '\n' , | sed 's/,$//')" | cut -c1-160)"
  sleep 1
done
echo "launcher SIGKILLed: services and broker stopped by themselves in $(( $(date +%s) - killed )) s"

: > "$log"
start_suite
grep -q "did not stop cleanly" "$log" || fail "the next ./limber did not say it cleared what the killed one left"

for port in 8081 8082 8083; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/q/health/ready")
  [[ $status == 200 ]] || fail "port $port answered $status to /q/health/ready"
done
token=$(./limber token member)
[[ $token == *.*.* ]] || fail "./limber token did not print a JWT"
./limber status

kill -INT -- "-$group"
for _ in $(seq 60); do
  kill -0 "$group" 2>/dev/null || break
  sleep 1
done
kill -0 "$group" 2>/dev/null && fail "./limber still running 60 s after Ctrl-C"

for _ in $(seq 10); do
  [[ -z $(suite_processes) ]] && break
  sleep 1
done
left=$(suite_processes)
[[ -z $left ]] || fail "processes left after Ctrl-C: $(ps -o pid=,args= -p "$(echo $left | tr ' ' ,)")"
echo "local run smoke: 2 passed, 0 failed"
