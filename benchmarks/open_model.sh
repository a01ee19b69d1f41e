#!/usr/bin/env bash
# The open model as docs/performance.md measures it: starts a packaged build on a fresh database with the documented
# heap, warms it up under wrk (32 connections), then sends a fixed rate with benchmarks/load/open.mjs (a request every
# 1/rate s whatever the answers do, each checked on record once) and prints its latencies, the service's own split
# and the RSS.
#   benchmarks/open_model.sh <quarkus-app> [rate, default 1000] [seconds, default 30] [warm-up seconds, default 120]
# JAVA_OPTS replaces the heap option (default -Xmx384m), e.g. JAVA_OPTS="-Xmx384m -Dhamyar.audit.writers=2".
# Needs wrk and node (apt-get install wrk nodejs) and PostgreSQL on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd); rate=${2:-1000}; seconds=${3:-30}; warmup=${4:-120}
db=hamyar_bench_open; port=8186
export JAVA_OPTS=${JAVA_OPTS:--Xmx384m}
. "$here/packaged_service.sh"
start_packaged "$build" "$db" "$port"
pid=$service_pid
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "ready $service_ready_ms ms after launch ($JAVA_OPTS)"
HAMYAR_AUTH=intake:intake-test wrk -t2 -c32 -d"${warmup}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" \
  | grep -E "Requests/sec|99%" || true
echo "RSS after the warm-up: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
node "$here/load/open.mjs" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$seconds" --warmup 5 \
  --user intake:intake-test --database "$db"
echo "RSS at the end: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
