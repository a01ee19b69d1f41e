# Sourced by the benchmark scripts: starts a packaged build as they all do, on a fresh database (dropped first; the
# service creates it), with fresh keys, the test intake user (password intake-test), an admin user for /q/metrics
# (admin, the same password) and warnings only, from a
# directory of its own (so that it serves the rules shipped in the jar), and waits until it is ready.
#   start_packaged <quarkus-app> <database> <port>     JAVA_OPTS adds JVM options (e.g. -Xmx384m)
# Sets service_pid (the JVM's) and service_ready_ms (from launch to ready).
start_packaged() {
  local build=$1 db=$2 port=$3 workdir started
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres 2>/dev/null
  workdir=$(mktemp -d)
  # shellcheck disable=SC2086
  (cd "$workdir" && exec java ${JAVA_OPTS:-} -Dvertx.disableURIValidation=true \
    -Dhamyar.audit.checkpoint.key="$(openssl rand -hex 32)" -Dhamyar.privacy.master-key="$(openssl rand -hex 32)" \
    -Dquarkus.http.port="$port" -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    '-Dhamyar.security.users.intake.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
    -Dhamyar.security.users.intake.roles=intake \
    '-Dhamyar.security.users.admin.password-hash=$2a$04$A07k1HlC6KNy4UP9nHF95ubXbHQI78m0TpZ0UyZ.AZ7Nrd4exzgfO' \
    -Dhamyar.security.users.admin.roles=admin -Dquarkus.log.level=WARN -jar "$build/quarkus-run.jar") \
    > "$workdir/service.log" 2>&1 &
  service_pid=$!
  started=$(date +%s%N)
  for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.1; done
  service_ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

# Starts a packaged build on a database as it is (created when missing) with the given keys, prints the milliseconds
# from launch to ready, and stops it; its log is left in <workdir>/service.log. JAVA_OPTS adds JVM options.
#   ready_ms <quarkus-app> <database> <port> <workdir> <checkpoint key> <master key>
ready_ms() {
  local build=$1 db=$2 port=$3 workdir=$4 checkpoint_key=$5 master_key=$6 pid started
  # shellcheck disable=SC2086
  (cd "$workdir" && exec java ${JAVA_OPTS:-} -Dhamyar.audit.checkpoint.key="$checkpoint_key" \
    -Dhamyar.privacy.master-key="$master_key" -Dquarkus.http.port="$port" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" -jar "$build/quarkus-run.jar") \
    > "$workdir/service.log" 2>&1 &
  pid=$!; started=$(date +%s%N)
  for _ in $(seq 1 1200); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.02; done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null
}

# The median of the numbers given: the middle one, or the mean of the two middle ones for an even count.
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
