#!/usr/bin/env bash
# Time from `java -jar` to ready (/q/health/ready 200) of a packaged build, on a new database and then restarted on
# the existing one; prints each and the median of the restarts.
#   benchmarks/startup.sh target/quarkus-app [restarts] [database] [port]
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa (AppCDS, built by
# ./mvnw package -Dquarkus.package.jar.appcds.enabled=true). The database is dropped first.
set -u
build=$(cd "$1" && pwd); restarts=${2:-5}; db=${3:-hamyar_startup}; port=${4:-8184}
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
workdir=$(mktemp -d)
checkpoint_key=$(openssl rand -hex 32); master_key=$(openssl rand -hex 32)
. "$(cd "$(dirname "$0")" && pwd)/packaged_service.sh"
start_once() { ready_ms "$build" "$db" "$port" "$workdir" "$checkpoint_key" "$master_key"; }
echo "new database: ready $(start_once) ms after launch"
times=()
for _ in $(seq 1 "$restarts"); do times+=("$(start_once)"); done
echo "existing database: ready ${times[*]} ms after launch"
echo "median $(median "${times[@]}") ms"
grep -h "compiled rules\|Compiled the rules" "$workdir/service.log" | sed 's/^.*\] //' | head -2
rm -rf "$workdir"
