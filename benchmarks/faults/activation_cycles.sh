#!/usr/bin/env bash
# Leak check for ruleset swaps: N activation/rollback cycles and M fresh drafts compiled, against the packaged service;
# heap after a full GC, metaspace and loaded classes are sampled as it goes and must level off.
#   benchmarks/faults/activation_cycles.sh [target/quarkus-app] [cycles=500] [drafts=30]
# Needs jq, curl and the JDK's jcmd.
set -u
build=$(cd "${1:-target/quarkus-app}" && pwd); cycles=${2:-500}; drafts=${3:-30}
rules=$(cd "$(dirname "$0")/../../rules" && pwd)
db=hamyar_fault_cycles; port=8184; url="http://127.0.0.1:$port"
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d); cd "$workdir"
java -Dhamyar.audit.checkpoint.key=$(openssl rand -hex 32) -Dhamyar.privacy.master-key=$(openssl rand -hex 32) -Dquarkus.http.port=$port -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  '-Dhamyar.security.users.policy.password-hash=$2a$04$30vJjUUZiuJCrst4q9VUVeahIXkoSv5crwTOaAedfoZQ.M/g3mtSG' \
  -Dhamyar.security.users.policy.roles=policy \
  '-Dhamyar.security.users.admin.password-hash=$2a$04$30vJjUUZiuJCrst4q9VUVeahIXkoSv5crwTOaAedfoZQ.M/g3mtSG' \
  -Dhamyar.security.users.admin.roles=admin -Dquarkus.log.level=WARN \
  -jar "$build/quarkus-run.jar" > service.log 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "$url/q/health/ready" > /dev/null && break; sleep 0.5; done
P=policy:policy-test
sample() {
  jcmd "$pid" GC.run > /dev/null
  local metrics; metrics=$(curl -s -u admin:policy-test "$url/q/metrics")
  local heap; heap=$(grep '^jvm_memory_used_bytes{area="heap"' <<<"$metrics" | awk '{s += $NF} END {printf "%.0f", s/1048576}')
  local meta; meta=$(grep '^jvm_memory_used_bytes{area="nonheap",id="Metaspace"}' <<<"$metrics" | awk '{printf "%.0f", $2/1048576}')
  local classes; classes=$(grep '^jvm_classes_loaded_classes ' <<<"$metrics" | awk '{printf "%.0f", $2}')
  printf '%-28s heap after GC %5s MiB  metaspace %4s MiB  classes %6s\n' "$1" "$heap" "$meta" "$classes"
}
draft() {  # a new version: the README changed by a marker
  jq -n --arg readme "$(cat "$rules/README.md")
<!-- cycle draft $1 -->" '{baseVersion: 1, files: {"README.md": $readme}}' \
    | curl -s -u $P -H 'Content-Type: application/json' --data-binary @- "$url/api/v1/rulesets" | jq -r .version
}
activate() {
  curl -s -o /dev/null -w '%{http_code}' -u $P -H 'Content-Type: application/json' \
    -d '{"comment":"cycle"}' "$url/api/v1/rulesets/$1/activate"
}
sample "start"
two=$(draft 0)
failures=0
for i in $(seq 1 "$cycles"); do
  [ "$(activate "$two")" = 200 ] || failures=$((failures + 1))
  [ "$(activate 1)" = 200 ] || failures=$((failures + 1))
  if (( i % (cycles / 5) == 0 )); then sample "after $i cycles"; fi
done
for i in $(seq 1 "$drafts"); do
  v=$(draft "$i"); [ "$(activate "$v")" = 200 ] || failures=$((failures + 1))
  if (( i % (drafts / 3) == 0 )); then sample "after $i new drafts active"; fi
done
echo "failed activations: $failures"
kill "$pid"; wait "$pid" 2>/dev/null
