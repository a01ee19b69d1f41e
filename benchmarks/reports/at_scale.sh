#!/usr/bin/env bash
# The managers' reports at scale: starts a packaged build on a fresh database, fills it with synthetic family
# decisions (default 1,000,000: 200,000 families in 3 organisations, decided about 5 times each over a year), then
# times each report through the API, for a manager of every organisation and one of a single organisation.
#   ./mvnw -B package -DskipTests && benchmarks/reports/at_scale.sh target/quarkus-app [rows] [port]
# The synthetic rows are inserted with SQL, not through the chain: their hashes do not verify (a benchmark database
# only, dropped first). Prints, per report and manager, the median and the slowest of 7 timed calls after one warm-up.
set -eu
build=$(cd "$1" && pwd); rows=${2:-1000000}; port=${3:-8182}; db=hamyar_reports_scale
here=$(cd "$(dirname "$0")" && pwd)
hash='$2a$04$ta1ZVUWrOzh50iUC011zL.gNJHcNwgeiySE2t/8gu2NHaJfqfidpS'   # bcrypt of manager-test, cost 4
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" postgres
workdir=$(mktemp -d); cd "$workdir"
java -Xmx384m -Dvertx.disableURIValidation=true -Dhamyar.audit.checkpoint.key=$(openssl rand -hex 32) -Dhamyar.privacy.master-key=$(openssl rand -hex 32) -Dquarkus.http.port="$port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  "-Dhamyar.security.users.manager.password-hash=$hash" -Dhamyar.security.users.manager.roles=manager \
  '-Dhamyar.security.users.manager.organisation=*' \
  "-Dhamyar.security.users.manager1.password-hash=$hash" -Dhamyar.security.users.manager1.roles=manager \
  -Dhamyar.security.users.manager1.organisation=org-1 \
  "-Dhamyar.security.users.auditor.password-hash=$hash" -Dhamyar.security.users.auditor.roles=auditor \
  '-Dhamyar.security.users.auditor.organisation=*' -Dquarkus.log.level=WARN \
  -jar "$build/quarkus-run.jar" > "$workdir/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
echo "filling $db with $rows synthetic family decisions..."
started=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -v rows="$rows" -f "$here/synthetic_decisions.sql" "$db"
# as autovacuum does after 1 % of new rows (V24): the tier reports' index-only scans need the visibility map, and the
# planner the statistics (without them: a sort of every row on disk, 1.8 s instead of 0.6 s at a million)
psql -h 127.0.0.1 -U postgres -qc "vacuum analyze report_outcome" "$db"
echo "filled in $(( $(date +%s) - started )) s: $(psql -h 127.0.0.1 -U postgres -Atc \
  'select count(*) from report_outcome' "$db") outcomes, $(psql -h 127.0.0.1 -U postgres -Atc \
  "select pg_size_pretty(pg_total_relation_size('report_outcome'))" "$db") for the outcome table and its indexes"
period='from=2025-11-22&to=2026-12-21'  # Azar 1404 to Azar 1405, whole Solar Hijri months
for user in manager manager1; do
  for report in "tiers?$period" "tiers?from=2025-09-23&to=2026-12-21&interval=quarter" "transitions?$period" "safehouse?$period"; do
    url="http://127.0.0.1:$port/api/v1/reports/$report"
    curl -sf -u "$user:manager-test" "$url" > /dev/null
    times=$(for _ in 1 2 3 4 5 6 7; do curl -sf -o /dev/null -w '%{time_total}\n' -u "$user:manager-test" "$url"; done | sort -n)
    printf '%-9s %-42s median %6.0f ms  slowest %6.0f ms\n' "$user" "${report%%\?*}${report#*$period}" \
      "$(echo "$times" | sed -n 4p | awk '{print $1*1000}')" "$(echo "$times" | tail -1 | awk '{print $1*1000}')"
  done
done
# the auditors' searches over the same million (V10: fired rules and conclusions in narrow arrays under one GIN index)
for search in "rule=safehouse/EligibleApplicantInImmediateDangerIsOfferedResidence" \
              "rule=tiering/CurrentDomesticViolenceIsASignOfHarm" "type=TIER&value=HARMED" "type=SAFE_HOUSE" \
              "subjectRef=S-0000042" "rule=tiering/CurrentDomesticViolenceIsASignOfHarm&$period&page=200"; do
  url="http://127.0.0.1:$port/api/v1/audit/decisions?$search"
  curl -sf -u "auditor:manager-test" "$url" > /dev/null
  times=$(for _ in 1 2 3 4 5 6 7; do curl -sf -o /dev/null -w '%{time_total}\n' -u "auditor:manager-test" "$url"; done | sort -n)
  printf '%-9s %-80s median %6.0f ms  slowest %6.0f ms\n' auditor "${search/$period/period}" \
    "$(echo "$times" | sed -n 4p | awk '{print $1*1000}')" "$(echo "$times" | tail -1 | awk '{print $1*1000}')"
done
