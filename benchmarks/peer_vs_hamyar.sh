#!/usr/bin/env bash
# Hamyar against its peer (benchmarks/peer: the safe-house rules on the Apache KIE Drools Quarkus extension, each
# decision and its fired rules stored with one INSERT), alternating, the same wrk load on each: the same request body
# (benchmarks/family-decision.lua, a new family each request), connections, warm-up and measured window, each on a
# fresh database. Prints both and the ratio Hamyar / peer per round.
#   benchmarks/peer_vs_hamyar.sh [hamyar build, target/quarkus-app] [rounds, 1] [connections, 32] [warm-up s, 120]
# Builds the peer when it is not built (its own Maven project, not part of Hamyar's build or tests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
hamyar=$(cd "${1:-$here/../target/quarkus-app}" && pwd); rounds=${2:-1}; connections=${3:-32}; warmup=${4:-120}
seconds=20
peer=$here/peer
[ -f "$peer/target/quarkus-app/quarkus-run.jar" ] || (cd "$peer" && ../../mvnw -B -q -f pom.xml package -DskipTests)

run_peer() {
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists hamyar_peer with (force)" -c "create database hamyar_peer" \
    postgres 2>/dev/null
  if curl -s -o /dev/null localhost:8186; then echo "port 8186 is taken: stop what listens there first"; exit 1; fi
  java -jar "$peer/target/quarkus-app/quarkus-run.jar" > /tmp/hamyar-peer.log 2>&1 &
  local pid=$! started; started=$(date +%s%N)
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST localhost:8186/api/v1/decisions/family)" != 000 ] && break
    kill -0 "$pid" 2>/dev/null || { cat /tmp/hamyar-peer.log; exit 1; }
    sleep 0.05
  done
  echo "peer ready $(( ($(date +%s%N) - started) / 1000000 )) ms after launch"
  "$here/throughput.sh" http://127.0.0.1:8186 "$connections" "$seconds" "$warmup" | tee /tmp/hamyar-peer.result
  echo "peer decisions stored: $(psql -h 127.0.0.1 -U postgres -Atc 'select count(*) from peer_decision' hamyar_peer)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

rate() { sed -n 's/^decisions\/s \([0-9]*\).*/\1/p' "$1"; }

for round in $(seq 1 "$rounds"); do
  echo "round $round, peer:"
  run_peer
  echo "round $round, Hamyar:"
  "$here/packaged_throughput.sh" "$hamyar" hamyar_bench 8181 "$connections" "$seconds" "$warmup" \
    | tee /tmp/hamyar-hamyar.result
  echo "round $round: Hamyar / peer = $(rate /tmp/hamyar-hamyar.result) / $(rate /tmp/hamyar-peer.result)" \
    "= $(echo "scale=2; $(rate /tmp/hamyar-hamyar.result) / $(rate /tmp/hamyar-peer.result)" | bc)"
done
