#!/usr/bin/env bash
# Throughput of this commit against the same commit with a measuring patch applied (never part of the service: e.g.
# benchmarks/audit-off.patch cuts recording out),
# alternating, each on a fresh database after a warm-up.
#   benchmarks/with_patch.sh <patch> [rounds, default 2] [connections, default 32]
# Builds both in worktrees under /tmp (remove them with git worktree remove); needs wrk (apt-get install wrk) and
# PostgreSQL on 127.0.0.1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
patch=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); rounds=${2:-2}; connections=${3:-32}
rev=$(git -C "$repo" rev-parse --short HEAD)
name=$(basename "$patch" .patch)
for variant in as-is "$name"; do
  tree=/tmp/hamyar-$variant-$rev
  if [ ! -d "$tree" ]; then
    git -C "$repo" worktree add -q --detach "$tree" "$rev"
    [ "$variant" = "$name" ] && git -C "$tree" apply "$patch"
    (cd "$tree" && ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true)
  fi
done
for round in $(seq 1 "$rounds"); do
  for variant in as-is "$name"; do
    echo "round $round, $variant:"
    "$here/packaged_throughput.sh" "/tmp/hamyar-$variant-$rev/target/quarkus-app" "hamyar_bench_${variant//-/_}" 8183 \
      "$connections" 20 120
  done
done
