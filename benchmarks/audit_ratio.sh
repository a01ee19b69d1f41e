#!/usr/bin/env bash
# Throughput with the durable, chained audit record against the same commit with recording cut out
# (benchmarks/audit-off.patch, never part of the service), alternating, each on a fresh database after a warm-up.
#   benchmarks/audit_ratio.sh [rounds, default 2] [connections, default 32]
# Builds both in worktrees under /tmp (benchmarks/with_patch.sh); needs wrk (apt-get install wrk) and PostgreSQL on
# 127.0.0.1.
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/with_patch.sh" "$here/audit-off.patch" "${1:-2}" "${2:-32}"
