#!/usr/bin/env bash
# Throughput with the durable, chained audit record against the same commit with recording cut out
# (benchmarks/audit-off.patch, never part of the service), alternating, each on a fresh database after a warm-up.
#   benchmarks/audit_ratio.sh [rounds, default 2] [connections, default 32]
# Builds both in worktrees under /tmp; needs wrk (apt-get install wrk) and PostgreSQL on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
rounds=${1:-2}; connections=${2:-32}
rev=$(git -C "$repo" rev-parse --short HEAD)
for variant in on off; do
  tree=/tmp/hamyar-audit-$variant-$rev
  if [ ! -d "$tree" ]; then
    git -C "$repo" worktree add -q --detach "$tree" "$rev"
    [ "$variant" = off ] && git -C "$tree" apply "$here/audit-off.patch"
    (cd "$tree" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true)
  fi
done
for round in $(seq 1 "$rounds"); do
  for variant in on off; do
    echo "round $round, audit $variant:"
    "$here/packaged_throughput.sh" "/tmp/hamyar-audit-$variant-$rev/target/quarkus-app" "hamyar_bench_$variant" 8183 \
      "$connections" 20 120
  done
done
