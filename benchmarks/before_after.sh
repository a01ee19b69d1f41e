#!/usr/bin/env bash
# Throughput of two commits of the packaged service, alternating, each on a fresh database after the same warm-up:
# what a change cost or gained (e.g. sealing records for erasure: benchmarks/before_after.sh 041a117 6f1788b).
#   benchmarks/before_after.sh <before> [after, default HEAD] [rounds, default 2] [connections, default 32]
# Builds both in worktrees under /tmp; needs wrk (apt-get install wrk) and PostgreSQL on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
before=$(git -C "$repo" rev-parse --short "$1"); after=$(git -C "$repo" rev-parse --short "${2:-HEAD}")
rounds=${3:-2}; connections=${4:-32}
for rev in "$before" "$after"; do
  tree=/tmp/hamyar-build-$rev
  if [ ! -d "$tree" ]; then
    git -C "$repo" worktree add -q --detach "$tree" "$rev"
    (cd "$tree" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true)
  fi
done
for round in $(seq 1 "$rounds"); do
  for rev in "$before" "$after"; do
    echo "round $round, $rev:"
    "$here/packaged_throughput.sh" "/tmp/hamyar-build-$rev/target/quarkus-app" "hamyar_bench_$rev" 8184 \
      "$connections" 20 120
  done
done
