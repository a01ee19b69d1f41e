#!/usr/bin/env bash
# Where a decision's CPU goes at saturation: starts a packaged build on a fresh database, warms it up under wrk,
# then profiles it with async-profiler (from Maven Central) for the measured window and prints the top frames by
# part of the work, and the writer's own metrics.
#   benchmarks/profile.sh target/quarkus-app [connections, 32] [seconds profiled, 30] [warm-up seconds, 120]
# Writes the collapsed stacks to /tmp/hamyar-profile.collapsed (open with any flame graph tool).
set -euo pipefail
build=$(cd "$1" && pwd); connections=${2:-32}; seconds=${3:-30}; warmup=${4:-120}
here=$(cd "$(dirname "$0")" && pwd); db=hamyar_profile; port=8185
version=4.2
jar=~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
[ -f "$jar" ] || "$here/../mvnw" -q dependency:get -Dartifact=tools.profiler:async-profiler:$version
lib=$(mktemp -d); (cd "$lib" && unzip -qo "$jar" linux-x64/libasyncProfiler.so)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d)
(cd "$workdir" && exec java ${JAVA_OPTS:-} -Dhamyar.audit.checkpoint.key="$(openssl rand -hex 32)" \
  -Dhamyar.privacy.master-key="$(openssl rand -hex 32)" -Dquarkus.http.port="$port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  '-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
  -Dhamyar.security.users.intake.roles=intake -Dquarkus.log.level=WARN -jar "$build/quarkus-run.jar") \
  > "$workdir/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.1; done
java_pid=$(pgrep -f "quarkus.http.port=$port" | head -1)
export HAMYAR_AUTH=intake:intake-test
wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" > /dev/null
out=/tmp/hamyar-profile.collapsed
# jcmd reads key=value pairs as its own arguments unless the agent options are quoted
jcmd "$java_pid" JVMTI.agent_load "$lib/linux-x64/libasyncProfiler.so" "\"start,event=itimer,interval=1ms,threads\"" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" | tail -n 1
jcmd "$java_pid" JVMTI.agent_load "$lib/linux-x64/libasyncProfiler.so" "\"stop,file=$out,collapsed\"" > /dev/null
curl -s "localhost:$port/q/metrics" | grep -E '^hamyar_audit_(append_seconds|group_decisions)_(count|sum|max)|quantile' \
  | grep -E 'hamyar_audit' || true
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 "$here/profile_summary.py" "$out"
