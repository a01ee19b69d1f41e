#!/usr/bin/env bash
# Time to ready on an existing database of two packaged builds, started alternately on the same database (each build
# keeps its own compiled rules there), so that both see the same machine: prints each and both medians.
#   benchmarks/startup_ab.sh <quarkus-app A> <quarkus-app B> [starts of each, 8] [database] [port]
# Each build is started once first (a new database, then its compiled rules kept); those starts are not counted.
# JAVA_OPTS adds JVM options to both.
set -u
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd); runs=${3:-8}; db=${4:-hamyar_startup_ab}; port=${5:-8186}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d)
checkpoint_key=$(openssl rand -hex 32); master_key=$(openssl rand -hex 32)
. "$(cd "$(dirname "$0")" && pwd)/packaged_service.sh"
start_once() { ready_ms "$1" "$db" "$port" "$workdir" "$checkpoint_key" "$master_key"; }
start_once "$a" > /dev/null; start_once "$b" > /dev/null
times_a=(); times_b=()
for _ in $(seq 1 "$runs"); do times_a+=("$(start_once "$a")"); times_b+=("$(start_once "$b")"); done
echo "A $a: ${times_a[*]} ms, median $(median "${times_a[@]}") ms"
echo "B $b: ${times_b[*]} ms, median $(median "${times_b[@]}") ms"
rm -rf "$workdir"
