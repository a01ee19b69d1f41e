#!/usr/bin/env bash
# Starts a packaged build against a fresh database, measures decisions/s with benchmarks/throughput.sh (and how the
# cores were used meanwhile, benchmarks/cpu_split.py), stops it.
#   benchmarks/packaged_throughput.sh target/quarkus-app hamyar_bench 8181 [connections] [seconds] [warm-up seconds]
# The database is dropped first; the service creates it. JAVA_OPTS adds JVM options (e.g. -Xmx256m). Users: the test intake user (password intake-test).
set -u
build=$(cd "$1" && pwd); db=$2; port=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/packaged_service.sh"
start_packaged "$build" "$db" "$port"
pid=$service_pid
echo "ready $service_ready_ms ms after launch"
split=$(mktemp)
( sleep $(( ${6:-120} + 2 )); python3 "$here/cpu_split.py" $(( ${5:-20} - 4 )) > "$split" ) &
HAMYAR_AUTH=intake:intake-test "$here/throughput.sh" "http://127.0.0.1:$port" "${4:-32}" "${5:-20}" "${6:-120}"
wait $!; cat "$split"; rm -f "$split"
echo "service RSS after the run: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
echo "decisions recorded: $(psql -h 127.0.0.1 -U postgres -Atc 'select count(*) from decision' "$db")"
kill "$pid"; wait "$pid" 2>/dev/null || true
