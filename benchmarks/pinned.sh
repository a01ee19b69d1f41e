#!/usr/bin/env bash
# Runs a benchmark with PostgreSQL on a core of its own: every PostgreSQL process (and so every backend it forks
# later) pinned to core 0, the command and all it starts (the service's JVM, wrk) to core 1, as if the database ran on
# a machine of its own. PostgreSQL gets every core back when the command ends, however it ends. Needs root (or the
# postgres user's processes) and taskset; for two cores.
#   benchmarks/pinned.sh benchmarks/writers.sh target/quarkus-app 2 2 32
set -euo pipefail
pin_postgres() { for pid in $(pgrep -u postgres); do taskset -a -p -c "$1" "$pid" > /dev/null; done; }
trap 'pin_postgres 0-$(( $(nproc --all) - 1 ))' EXIT
pin_postgres 0
taskset -c 1 "$@"
