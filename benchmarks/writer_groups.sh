#!/usr/bin/env bash
# What one chain writer does at each group size: the packaged service on a fresh database, warmed up, then wrk at
# 1, 2, 4, ... 64 connections; for each, from the writer's own metrics over that window, the mean group (decisions per
# commit), the mean append transaction, the decisions recorded per second of appending, and the WAL written per
# decision (the whole cluster's: run it on an otherwise idle PostgreSQL).
#   benchmarks/writer_groups.sh target/quarkus-app [seconds per step, 15] [warm-up seconds, 90]
set -euo pipefail
build=$(cd "$1" && pwd); seconds=${2:-15}; warmup=${3:-90}
here=$(cd "$(dirname "$0")" && pwd); db=hamyar_writer; port=8187
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d)
(cd "$workdir" && exec java -Dhamyar.audit.checkpoint.key="$(openssl rand -hex 32)" \
  -Dhamyar.privacy.master-key="$(openssl rand -hex 32)" -Dquarkus.http.port="$port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  '-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
  -Dhamyar.security.users.intake.roles=intake -Dquarkus.log.level=WARN -jar "$build/quarkus-run.jar") \
  > "$workdir/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.1; done
export HAMYAR_AUTH=intake:intake-test
wrk -t2 -c32 -d"${warmup}s" -s "$here/family-decision.lua" "http://127.0.0.1:$port" > /dev/null
metric() { curl -s "localhost:$port/q/metrics" | sed -n "s/^$1 //p"; }
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
