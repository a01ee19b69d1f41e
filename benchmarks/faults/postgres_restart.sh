#!/usr/bin/env bash
# Fault check: PostgreSQL stopped (immediate) and started again while the packaged service is under load.
#   benchmarks/faults/postgres_restart.sh [target/quarkus-app]
# Expect: 503 problem+json while the database is down (fast, not hanging), readiness DOWN then UP, no restart needed,
# and every decision answered 200 on record with a valid chain afterwards. Stops and starts the local cluster: run it
# on a development machine only. Needs wrk and curl.
set -u
build=$(cd "${1:-target/quarkus-app}" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
cluster=$(ls /etc/postgresql | head -n 1)
db=hamyar_fault_pg; port=8183
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d); cd "$workdir"
java -Dhamyar.audit.checkpoint.key=$(openssl rand -hex 32) -Dhamyar.privacy.master-key=$(openssl rand -hex 32) -Dquarkus.http.port=$port -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  '-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
  -Dhamyar.security.users.intake.roles=intake \
  '-Dhamyar.security.users.auditor.password-hash=$2a$04$Tud6Bur..E.UJtQ2YxIYEu9epTW7R2tmFY2QXQHeFiwaY6IS3NBqC' \
  -Dhamyar.security.users.auditor.roles=auditor \
  -jar "$build/quarkus-run.jar" > service.log 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.5; done

HAMYAR_AUTH=intake:intake-test wrk -t2 -c8 -d24s -s "$here/family-decision.lua" "http://127.0.0.1:$port" > wrk.txt &
load=$!
( for i in $(seq 1 48); do
    printf '%s %s\n' "$(date +%T.%N | cut -c1-10)" \
      "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/q/health/ready")"; sleep 0.5; done ) > ready.txt &
sleep 6
echo "$(date +%T) stopping PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$cluster" main stop -m immediate
sleep 6
# a decision while the database is down: how fast, and what answer
curl -s -o down.json -w 'while down: HTTP %{http_code} in %{time_total}s\n' -u intake:intake-test \
  -H 'Content-Type: application/json' --data-binary @/work/main/src/test/resources/fixtures/helper.json \
  "localhost:$port/api/v1/decisions/helper"
head -c 300 down.json; echo
echo "$(date +%T) starting PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
wait $load
sleep 1
echo "load: $(tail -n 1 wrk.txt)"
echo "readiness (time, HTTP status): $(awk '{print $2}' ready.txt | uniq -c | tr '\n' ' ')"
curl -s -o /dev/null -w 'after restart: HTTP %{http_code}\n' -u intake:intake-test -H 'Content-Type: application/json' \
  --data-binary @/work/main/src/test/resources/fixtures/helper.json "localhost:$port/api/v1/decisions/helper"
echo "verify: $(curl -s -u auditor:auditor-test "localhost:$port/api/v1/audit/verify")"
kill "$pid"; wait "$pid" 2>/dev/null
echo "service log: $workdir/service.log"
