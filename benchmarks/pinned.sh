#!/usr/bin/env bash
# Runs a benchmark with PostgreSQL on a core of its own: every PostgreSQL process (and so every backend it forks
# later) pinned to core 0, the command and all it starts (the service's JVM, wrk) to core 1, as if the database ran on
# a machine of its own. Each PostgreSQL process gets its own affinity back when the command ends, however it ends
# (processes that came and went meanwhile are skipped). Needs root (or the postgres user) and taskset; two cores.
#   benchmarks/pinned.sh benchmarks/writers.sh target/quarkus-app 2 2 32
set -euo pipefail
postmaster=$(pgrep -u postgres -o postgres || true)
if [ -z "$postmaster" ]; then
  echo "no PostgreSQL process of user postgres on this machine: nothing to pin" >&2
  exit 1
fi
declare -A saved
for pid in $(pgrep -u postgres); do
  mask=$(taskset -p "$pid" 2>/dev/null | awk '{print $NF}') && [ -n "$mask" ] && saved[$pid]=$mask
done
restore() {
  for pid in "${!saved[@]}"; do taskset -a -p "${saved[$pid]}" "$pid" > /dev/null 2>&1 || true; done
  # backends forked while pinned inherited core 0; those still alive get the postmaster's affinity back too
  for pid in $(pgrep -u postgres); do taskset -a -p "${saved[$postmaster]}" "$pid" > /dev/null 2>&1 || true; done
}
trap restore EXIT INT TERM HUP
for pid in "${!saved[@]}"; do taskset -a -p -c 0 "$pid" > /dev/null 2>&1 || true; done
taskset -c 1 "$@"
