#!/usr/bin/env bash
# Starts a packaged build against a fresh database, measures decisions/s with benchmarks/throughput.sh, stops it.
#   benchmarks/packaged_throughput.sh target/quarkus-app hamyar_bench 8181 [connections] [seconds] [warm-up seconds]
# The database is dropped first; the service creates it. JAVA_OPTS adds JVM options (e.g. -Xmx256m). Users: the test intake user (password intake-test).
set -u
build=$(cd "$1" && pwd); db=$2; port=$3
here=$(cd "$(dirname "$0")" && pwd)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d)
cd "$workdir"
java ${JAVA_OPTS:-} -Dvertx.disableURIValidation=true -Dhamyar.audit.checkpoint.key=$(openssl rand -hex 32) -Dhamyar.privacy.master-key=$(openssl rand -hex 32) -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  '-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
  -Dhamyar.security.users.intake.roles=intake -Dquarkus.log.level=WARN \
  -jar "$build/quarkus-run.jar" > "$workdir/service.log" 2>&1 &
pid=$!
started=$(date +%s%N)
for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.1; done
echo "ready $(( ($(date +%s%N) - started) / 1000000 )) ms after launch"
HAMYAR_AUTH=intake:intake-test "$here/throughput.sh" "http://127.0.0.1:$port" "${4:-32}" "${5:-20}" "${6:-120}"
echo "service RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
echo "decisions recorded: $(psql -h 127.0.0.1 -U postgres -Atc 'select count(*) from decision' "$db")"
kill "$pid"; wait "$pid" 2>/dev/null || true
