#!/usr/bin/env bash
# Throughput of one packaged build with N decision writers (hamyar.audit.writers, each on its own lane of the chain)
# against the same build with one, alternating, each on a fresh database after a warm-up.
#   benchmarks/writers.sh <quarkus-app> [writers, default 2] [rounds, default 2] [connections, default 32]
# Build first (./mvnw -B -q package -DskipTests); needs wrk (apt-get install wrk) and PostgreSQL on 127.0.0.1.
# JAVA_OPTS adds JVM options to both.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd); writers=${2:-2}; rounds=${3:-2}; connections=${4:-32}
for round in $(seq 1 "$rounds"); do
  for n in 1 "$writers"; do
    echo "round $round, $n writer(s):"
    JAVA_OPTS="${JAVA_OPTS:-} -Dhamyar.audit.writers=$n" \
      "$here/packaged_throughput.sh" "$build" "hamyar_bench_writers_$n" 8183 "$connections" 20 120
  done
done
