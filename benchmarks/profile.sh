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
. "$here/packaged_service.sh"
start_packaged "$build" "$db" "$port"
pid=$service_pid
export HAMYAR_AUTH=intake:intake-test
wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" > /dev/null
out=/tmp/hamyar-profile.collapsed
# jcmd reads key=value pairs as its own arguments unless the agent options are quoted
jcmd "$pid" JVMTI.agent_load "$lib/linux-x64/libasyncProfiler.so" "\"start,event=itimer,interval=1ms,threads\"" > /dev/null
wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" | tail -n 1
jcmd "$pid" JVMTI.agent_load "$lib/linux-x64/libasyncProfiler.so" "\"stop,file=$out,collapsed\"" > /dev/null
curl -s -u admin:intake-test "localhost:$port/q/metrics" | grep -E '^hamyar_audit_(append_seconds|group_decisions)_(count|sum|max)|quantile' \
  | grep -E 'hamyar_audit' || true
kill "$pid"; wait "$pid" 2>/dev/null || true
python3 "$here/profile_summary.py" "$out"
