#!/usr/bin/env bash
# Smoke test of the Docker Compose way to run the suite, on a real Docker daemon:
#   1. installs what it needs (Debian: docker.io, docker-compose, debootstrap, jq) and starts
#      dockerd unless a daemon already answers;
#   2. builds stand-ins for the official base images from Debian packages (no registry can be
#      pulled from here): a Debian 12 rootfs by debootstrap (cached), OpenJDK 17 for
#      eclipse-temurin:17-jdk/-jre, Debian's PostgreSQL for postgres:17-alpine and Kafka's Maven
#      Central jars for apache/kafka:4.1.2 (see scripts/compose-smoke/README.md);
#   3. docker-compose build + up -d with the *_IMAGE variables pointing at the stand-ins, waits
#      until every container is healthy (one-shot jobs: exited 0);
#   4. drives the stack through its published ports: readiness, a token from the tools
#      container, the seeded catalog, a session recorded and read back, its event on
#      limber.sessions.v1 and its effect in reminder-service;
#   5. prints the figures and PASS or FAIL, and always takes the stack down (down -v) and stops
#      the daemon it started.
# Settings (environment): LIMBER_SMOKE_STANDINS=false uses the official images (a machine that
# can pull), PREBUILT_JARS=false builds the jars inside the images instead of on the host,
# LIMBER_*_PORT the published ports, LIMBER_COMPOSE_SMOKE_CACHE the cache folder.
set -euo pipefail
cd "$(dirname "$0")/.."

started_at=$(date +%s)
here=scripts/compose-smoke
work=.limber/compose-smoke
cache=${LIMBER_COMPOSE_SMOKE_CACHE:-/var/cache/limber-compose-smoke}
standins=${LIMBER_SMOKE_STANDINS:-true}
mkdir -p "$work"

# A project of its own, so "down -v" can never touch the volumes of a stack someone runs, and
# ports of its own, so a ./limber or a test run on this machine does not collide with it.
export COMPOSE_PROJECT_NAME=limber-smoke
export LIMBER_POSTGRES_PORT=${LIMBER_POSTGRES_PORT:-15432}
export LIMBER_KAFKA_PORT=${LIMBER_KAFKA_PORT:-19092}
export LIMBER_CONTENT_PORT=${LIMBER_CONTENT_PORT:-18081}
export LIMBER_SESSION_PORT=${LIMBER_SESSION_PORT:-18082}
export LIMBER_REMINDER_PORT=${LIMBER_REMINDER_PORT:-18083}
export PREBUILT_JARS=${PREBUILT_JARS:-true}

log() { printf '[compose-smoke %3ss] %s\n' "$(($(date +%s) - started_at))" "$*"; }
die() {
  log "FAIL: $*"
  failed=$((failed + 1))
  exit 1
}
seconds_since() { echo $(($(date +%s) - $1)); }

passed=0 failed=0
ok() {
  passed=$((passed + 1))
  log "ok: $*"
}

# ---------------------------------------------------------------------------------------------
# 1. Tools and daemon
# ---------------------------------------------------------------------------------------------
daemon_answers() { docker info > /dev/null 2>&1; }

install_tools() {
  local need=()
  command -v docker > /dev/null && { daemon_answers || command -v dockerd > /dev/null; } || need+=(docker.io)
  command -v docker-compose > /dev/null || need+=(docker-compose)
  command -v jq > /dev/null || need+=(jq)
  [[ $standins != true ]] || command -v debootstrap > /dev/null || need+=(debootstrap)
  ((${#need[@]} == 0)) && return
  log "installing ${need[*]} (apt)"
  [[ $(id -u) == 0 ]] || die "installing ${need[*]} needs root"
  apt-get update -qq > "$work/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" \
    >> "$work/apt.log" 2>&1 || die "apt-get install ${need[*]} failed, see $work/apt.log"
}

dockerd_pid=
start_daemon() {
  daemon_answers && {
    log "using the Docker daemon that answers already"
    return
  }
  [[ $(id -u) == 0 ]] || die "no Docker daemon answers, and starting one needs root"
  # overlay2 where the kernel has overlayfs (it does here), vfs (slow, copies) elsewhere.
  local driver=${LIMBER_DOCKER_STORAGE_DRIVER:-}
  [[ -n $driver ]] || { grep -qw overlay /proc/filesystems && driver=overlay2 || driver=vfs; }
  log "starting dockerd (storage driver $driver, log $work/dockerd.log)"
  setsid dockerd --storage-driver "$driver" > "$work/dockerd.log" 2>&1 < /dev/null &
  dockerd_pid=$!
  for _ in $(seq 60); do
    daemon_answers && return
    kill -0 "$dockerd_pid" 2> /dev/null || die "dockerd exited: $(tail -5 "$work/dockerd.log")"
    sleep 1
  done
  die "dockerd did not answer within 60 s: $(tail -5 "$work/dockerd.log")"
}

stop_daemon() {
  [[ -n $dockerd_pid ]] || return 0
  kill -TERM "$dockerd_pid" 2> /dev/null || return 0
  for _ in $(seq 30); do
    kill -0 "$dockerd_pid" 2> /dev/null || {
      log "dockerd stopped"
      return 0
    }
    sleep 1
  done
  kill -KILL "$dockerd_pid" 2> /dev/null || true
  log "dockerd killed after 30 s"
}

compose() { docker-compose "$@"; }

stack_up=false
# The terminal's stdout and stderr, for the report: a signal can run finish while a command's
# output is redirected to a log file.
exec 8>&1 9>&2
finish() {
  local rc=$?
  trap - EXIT INT TERM
  exec 1>&8 2>&9
  if [[ $stack_up == true ]]; then
    if ((rc != 0 || failed > 0)); then
      compose ps > "$work/ps.txt" 2>&1 || true
      compose logs --no-color --tail 200 > "$work/compose.log" 2>&1 || true
      log "containers at the failure:"
      cat "$work/ps.txt" || true
      log "last log lines of every container (all in $work/compose.log):"
      compose logs --no-color --tail 25 2>&1 || true
    fi
    log "tearing down (down -v)"
    compose down -v --remove-orphans > "$work/down.log" 2>&1 || log "down -v failed, see $work/down.log"
  fi
  # Images a rebuild replaced would pile up run after run on a daemon kept for this test only.
  [[ -z $dockerd_pid ]] || docker image prune -f > /dev/null 2>&1 || true
  stop_daemon
  ((rc == 0 && failed == 0)) || failed=$((failed > 0 ? failed : 1))
  log "total $(seconds_since "$started_at") s"
  if ((failed == 0)); then
    echo "compose smoke: PASS (build ${build_s:-?} s, up to healthy ${healthy_s:-?} s, total $(seconds_since "$started_at") s)"
  else
    echo "compose smoke: FAIL (see $work/)"
  fi
  echo "compose-smoke: $passed passed, $failed failed"
  exit $((failed > 0 ? 1 : 0))
}
trap finish EXIT
trap 'echo "[compose-smoke] interrupted" >&9; exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# 2. Stand-in base images
# ---------------------------------------------------------------------------------------------
build_standins() {
  local t0
  t0=$(date +%s)
  mkdir -p "$cache"
  if ! docker image inspect limber-standin/debian:12 > /dev/null 2>&1; then
    local rootfs_tar=$cache/debian-12-minbase.tar
    if [[ ! -s $rootfs_tar ]]; then
      log "debootstrap: Debian 12 minbase rootfs (cached in $rootfs_tar)"
      local dir=$cache/rootfs.tmp
      rm -rf "$dir"
      debootstrap --variant=minbase bookworm "$dir" "${LIMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
        > "$work/debootstrap.log" 2>&1 || die "debootstrap failed, see $work/debootstrap.log"
      cat > "$dir/etc/apt/sources.list" << EOF
deb ${LIMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian} bookworm main
deb ${LIMBER_DEBIAN_MIRROR:-http://deb.debian.org/debian} bookworm-updates main
deb ${LIMBER_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security} bookworm-security main
EOF
      rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
      tar -C "$dir" -cf "$rootfs_tar.tmp" . && mv "$rootfs_tar.tmp" "$rootfs_tar"
      rm -rf "$dir"
    fi
    log "importing the rootfs as limber-standin/debian:12"
    docker import -c 'CMD ["bash"]' "$rootfs_tar" limber-standin/debian:12 > /dev/null
  fi

  standin() { # tag, context, what it stands in for
    log "stand-in $1 (for $3)"
    docker build -q --label "io.limber.stand-in-for=$3" -t "$1" "$2" > "$work/build-standin.log" 2>&1 \
      || die "building $1 failed: $(tail -20 "$work/build-standin.log")"
  }
  standin limber-standin/jre:17 "$here/jre" eclipse-temurin:17-jre
  standin limber-standin/jdk:17 "$here/jdk" eclipse-temurin:17-jdk
  standin limber-standin/postgres:15 "$here/postgres" postgres:17-alpine

  # Kafka: the broker and tools jars from Maven Central, resolved by the host's Maven.
  local ctx=$cache/kafka-context
  rm -rf "$ctx" && mkdir -p "$ctx"
  cp -r "$here/kafka/Dockerfile" "$here/kafka/bin" "$here/kafka/config" "$here/kafka/run" "$ctx/"
  ./mvnw -q -B -ntp -f "$here/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$ctx/libs" > "$work/kafka-jars.log" 2>&1 \
    || die "resolving the Kafka jars failed, see $work/kafka-jars.log"
  standin limber-standin/kafka:4.1.2 "$ctx" apache/kafka:4.1.2
  standins_s=$(seconds_since "$t0")

  export BUILD_IMAGE=limber-standin/jdk:17 RUN_IMAGE=limber-standin/jre:17
  export POSTGRES_IMAGE=limber-standin/postgres:15 KAFKA_IMAGE=limber-standin/kafka:4.1.2
}

# The jars the images package when PREBUILT_JARS=true; rebuilt when a source is newer than the
# stamp ./limber keeps (.ci/run writes it after ./mvnw verify).
host_build() {
  local stamp=.limber/build.stamp stale=false
  for jar in content-service/target/quarkus-app/quarkus-run.jar session-service/target/quarkus-app/quarkus-run.jar \
    reminder-service/target/quarkus-app/quarkus-run.jar infra/target/limber-infra.jar; do
    [[ -f $jar ]] || stale=true
  done
  [[ -f $stamp ]] || stale=true
  [[ $stale == true || -n $(find pom.xml */pom.xml */src -newer "$stamp" -type f -print -quit 2> /dev/null) ]] || {
    log "host jars are current"
    return
  }
  log "building the jars on the host (./mvnw package -DskipTests)"
  local t0
  t0=$(date +%s)
  ./mvnw -q -B -ntp package -DskipTests -pl content-service,session-service,reminder-service,infra -am \
    > "$work/host-build.log" 2>&1 || die "host build failed, see $work/host-build.log"
  touch "$stamp"
  log "host build took $(seconds_since "$t0") s"
}

# ---------------------------------------------------------------------------------------------
# 3. The stack
# ---------------------------------------------------------------------------------------------
check_ports_free() {
  local port
  for port in "$LIMBER_POSTGRES_PORT" "$LIMBER_KAFKA_PORT" "$LIMBER_CONTENT_PORT" "$LIMBER_SESSION_PORT" \
    "$LIMBER_REMINDER_PORT"; do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      die "port $port is in use; choose others with LIMBER_*_PORT"
    fi
  done
}

# Every running container must have a healthcheck and be healthy; a one-shot job must have
# exited 0. Returns 0 when all are there, 1 while waiting, and fails on a dead container.
stack_state() {
  local services=$1 waiting=0 svc id state
  for svc in $services; do
    id=$(compose ps -q "$svc" 2> /dev/null)
    [[ -n $id ]] || {
      waiting=1
      continue
    }
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}' "$id")
    case $state in
      "running healthy "*) ;;
      "running none "*) die "$svc runs without a healthcheck" ;;
      "running unhealthy "*) die "$svc is unhealthy" ;;
      "exited none 0" | "exited "*" 0") ;;
      exited* | dead*) die "$svc exited: $state" ;;
      *) waiting=1 ;;
    esac
  done
  return $waiting
}

# ---------------------------------------------------------------------------------------------
# 4. Smoke test through the published ports
# ---------------------------------------------------------------------------------------------
http() { # method url [token] [body] -> prints "status body"
  local args=(-s -o "$work/body.json" -w '%{http_code}' -X "$1" "$2")
  [[ -n ${3:-} ]] && args+=(-H "Authorization: Bearer $3")
  [[ -n ${4:-} ]] && args+=(-H 'Content-Type: application/json' --data "$4")
  curl "${args[@]}" || echo 000
}
body() { cat "$work/body.json"; }

smoke() {
  local port status
  for port in "$LIMBER_CONTENT_PORT" "$LIMBER_SESSION_PORT" "$LIMBER_REMINDER_PORT"; do
    status=$(http GET "http://localhost:$port/q/health/ready")
    [[ $status == 200 ]] || die "localhost:$port/q/health/ready answered $status: $(body)"
  done
  ok "readiness 200 on ports $LIMBER_CONTENT_PORT, $LIMBER_SESSION_PORT, $LIMBER_REMINDER_PORT"

  local member=smoke-member-$RANDOM token
  token=$(compose run --rm -T tools token member "$member" 2> "$work/token.err" | tr -d '\r') \
    || die "the tools container gave no token: $(cat "$work/token.err")"
  [[ $token =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "not a JWT from the tools container: $token"
  ok "token for $member from the tools container"

  status=$(http GET "http://localhost:$LIMBER_CONTENT_PORT/api/v1/exercises?size=100")
  [[ $status == 200 ]] || die "GET /api/v1/exercises answered $status: $(body)"
  local total exercise revision slug
  total=$(body | jq -r .total)
  exercise=$(body | jq -r '.items[0].id') revision=$(body | jq -r '.items[0].revision')
  slug=$(body | jq -r '.items[0].slug')
  ((total >= 1)) || die "the published catalog is empty: $(body)"
  status=$(http GET "http://localhost:$LIMBER_CONTENT_PORT/api/v1/exercises/$slug")
  [[ $status == 200 && $(body | jq -r .id) == "$exercise" ]] || die "GET /api/v1/exercises/$slug answered $status"
  ok "content-service publishes $total exercises; $slug (revision $revision) reads back"

  local prefs_url="http://localhost:$LIMBER_REMINDER_PORT/api/v1/me/reminder-preferences"
  status=$(http GET "$prefs_url" "$token")
  [[ $status == 200 && $(body | jq -r .nextPromptAt) == null && $(body | jq -r .enabled) == false ]] \
    || die "reminder preferences of a new member: $status $(body)"
  ok "reminder-service has no schedule for $member yet (prompts are opt-in)"

  # The member opts in: every day, all day, a prompt every 30 minutes.
  local planned
  status=$(http PUT "$prefs_url" "$token" \
    '{"timeZone": "UTC", "workingDays": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
      "workingWindows": [{"start": "00:00", "end": "24:00"}], "intervalMinutes": 30, "dailyCap": 100}')
  planned=$(body | jq -r .nextPromptAt)
  [[ $status == 200 && $planned != null ]] || die "PUT reminder preferences answered $status: $(body)"
  ok "$member opted in; first prompt planned at $planned"
  # The session below must end after the save, so its break visibly moves that prompt later.
  sleep 2

  # The session names a catalog revision session-service learns from the catalog topic: it
  # answers 422 until it has consumed it, so retry for a while.
  local started ended session='' t0
  t0=$(date +%s)
  started=$(date -u -d '-20 min' +%Y-%m-%dT%H:%M:%SZ) ended=$(date -u -d '-1 sec' +%Y-%m-%dT%H:%M:%SZ)
  local payload
  payload=$(jq -nc --arg e "$exercise" --argjson r "$revision" --arg s "$started" --arg f "$ended" \
    '{exerciseId: $e, exerciseRevision: $r, startedAt: $s, endedAt: $f,
      sets: [{side: "both", reps: 8, holdSeconds: 5}], note: "compose smoke"}')
  while :; do
    status=$(http POST "http://localhost:$LIMBER_SESSION_PORT/api/v1/members/$member/sessions" "$token" "$payload")
    [[ $status == 201 ]] && break
    [[ $status == 422 ]] && (($(seconds_since "$t0") < 60)) || die "POST session answered $status: $(body)"
    sleep 1
  done
  session=$(body | jq -r .id)
  status=$(http GET "http://localhost:$LIMBER_SESSION_PORT/api/v1/members/$member/sessions/$session" "$token")
  [[ $status == 200 && $(body | jq -r .totalReps) == 8 ]] || die "GET the session answered $status: $(body)"
  status=$(http GET "http://localhost:$LIMBER_SESSION_PORT/api/v1/members/$member/sessions" "$token")
  [[ $status == 200 && $(body | jq -r '.items[0].id') == "$session" ]] || die "the session list: $status $(body)"
  ok "session $session recorded (201) and read back"

  local record
  record=$(compose exec -T kafka /opt/kafka/bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 \
    --topic limber.sessions.v1 --from-beginning --max-messages 1 --timeout-ms 30000 \
    --property print.headers=true --property print.key=true 2> "$work/consumer.err" | tr -d '\r' || true)
  [[ $record == *"ce_type:limber.session.completed"* && $record == *"$member"* && $record == *"$session"* ]] \
    || die "no limber.session.completed for $member on limber.sessions.v1: ${record:-$(tail -5 "$work/consumer.err")}"
  ok "limber.session.completed for $member is on limber.sessions.v1"

  local next=null t1
  t1=$(date +%s)
  while (($(seconds_since "$t1") < 60)); do
    status=$(http GET "$prefs_url" "$token")
    next=$(body | jq -r .nextPromptAt)
    [[ $status == 200 && $next != null && $next != "$planned" ]] && break
    sleep 1
  done
  [[ $next != null && $next != "$planned" ]] \
    || die "reminder-service did not move $member's prompt ($planned) for the session within 60 s"
  [[ $next > $ended ]] || die "the next prompt ($next) is not after the session's end ($ended)"
  ok "reminder-service consumed the event: next prompt for $member at $next"
}

# ---------------------------------------------------------------------------------------------
install_tools
start_daemon
if [[ $standins == true ]]; then
  build_standins
  log "stand-in images ready in ${standins_s} s"
fi
[[ $PREBUILT_JARS == true ]] && host_build
check_ports_free
compose config -q || die "docker-compose config rejects docker-compose.yml"
# The services "up" starts: all but those behind a profile (tools).
services=$(compose config | awk '/^services:/ { s = 1; next } /^[^ ]/ { s = 0 }
  s && /^  [^ ]/ { name = $1; sub(":$", "", name); keep[name] = 1; order[++n] = name }
  s && /^    profiles:/ { delete keep[name] }
  END { for (i = 1; i <= n; i++) if (order[i] in keep) print order[i] }')
ok "docker-compose config is valid; up starts ${services//$'\n'/ }"

# A stack left by an interrupted run would hold the ports and volumes.
compose down -v --remove-orphans > /dev/null 2>&1 || true
stack_up=true
t=$(date +%s)
log "docker-compose build"
compose build > "$work/build.log" 2>&1 || die "docker-compose build failed: $(tail -30 "$work/build.log")"
build_s=$(seconds_since "$t")
log "images built in $build_s s; docker-compose up -d"
t=$(date +%s)
compose up -d > "$work/up.log" 2>&1 || die "docker-compose up failed: $(tail -30 "$work/up.log")"
until stack_state "$services"; do
  (($(seconds_since "$t") < 300)) || die "not healthy within 300 s"
  sleep 2
done
healthy_s=$(seconds_since "$t")
ok "all containers healthy (one-shot jobs exited 0) $healthy_s s after up"
compose ps

smoke
