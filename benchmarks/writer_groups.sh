#!/usr/bin/env bash
# What one chain writer does at each group size: the packaged service on a fresh database, warmed up, then wrk at
# 1, 2, 4, ... 64 connections; for each, from the writer's own metrics over that window, the mean group (decisions per
# commit), the mean append transaction, the decisions recorded per second of appending, and the WAL written per
# decision (the whole cluster's: run it on an otherwise idle PostgreSQL).
#   benchmarks/writer_groups.sh target/quarkus-app [seconds per step, 15] [warm-up seconds, 90]
set -euo pipefail
build=$(cd "$1" && pwd); seconds=${2:-15}; warmup=${3:-90}
here=$(cd "$(dirname "$0")" && pwd); db=hamyar_writer; port=8187
. "$here/packaged_service.sh"
start_packaged "$build" "$db" "$port"
pid=$service_pid
export HAMYAR_AUTH=intake:intake-test
wrk -t2 -c32 -d"${warmup}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" > /dev/null
metric() { curl -s -u admin:intake-test "localhost:$port/q/metrics" | sed -n "s/^$1 //p"; }
wal() { psql -h 127.0.0.1 -U postgres -Atc "select pg_current_wal_lsn() - '0/0'" postgres; }
echo "connections  decisions/s  mean group  mean append (ms)  append ms per decision  writer busy  WAL per decision"
for connections in 1 2 4 8 16 32 64; do
  groups=$(metric hamyar_audit_group_decisions_count); decisions=$(metric hamyar_audit_group_decisions_sum)
  busy=$(metric hamyar_audit_append_seconds_sum); wal0=$(wal)
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${seconds}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" > /dev/null
  python3 - "$connections" "$seconds" "$groups" "$decisions" "$busy" \
    "$(metric hamyar_audit_group_decisions_count)" "$(metric hamyar_audit_group_decisions_sum)" \
    "$(metric hamyar_audit_append_seconds_sum)" "$wal0" "$(wal)" <<'PY'
import sys
c, s, g0, d0, b0, g1, d1, b1, w0, w1 = sys.argv[1:]
groups, decisions, busy = float(g1) - float(g0), float(d1) - float(d0), float(b1) - float(b0)
print(f"{c:>11}  {decisions / float(s):11.0f}  {decisions / groups:10.1f}  {1000 * busy / groups:16.2f}"
      f"  {1000 * busy / decisions:22.3f}  {100 * busy / float(s):10.0f} %"
      f"  {(float(w1) - float(w0)) / decisions / 1024:13.1f} kB")
PY
done
kill "$pid"; wait "$pid" 2>/dev/null || true
