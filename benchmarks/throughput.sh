#!/usr/bin/env bash
# Decisions per second at a fixed concurrency against a running service, after a warm-up.
#   benchmarks/throughput.sh http://127.0.0.1:8080 [connections] [seconds] [warm-up seconds, default 120]
# The JIT of a fresh service keeps compiling for 1-2 minutes under load on 2 cores (the throughput doubles meanwhile):
# measure after a warm-up that long, not after 10 s.
# Needs wrk (Debian: apt-get install wrk) and an intake user: HAMYAR_AUTH=user:password (default intake:intake-test).
set -euo pipefail
url=${1:?usage: throughput.sh URL [connections] [seconds]}
connections=${2:-16}
seconds=${3:-20}
warmup=${4:-120}
here=$(dirname "$0")
wrk -t2 -c"$connections" -d"${warmup}s" -s "$here/family-decision.lua" "$url" > /dev/null   # warm-up
wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/family-decision.lua" "$url" | tail -n 1
