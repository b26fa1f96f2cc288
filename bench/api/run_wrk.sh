#!/bin/sh
# Run every API load scenario with wrk against a running `jiceng serve`, one after another,
# each bounded by -d; print req/s, p50 and p99 with the load average before each run.
#
# Usage: bench/api/run_wrk.sh BASE_URL KEY VILLAGE END_DATE [SECONDS] [CONNECTIONS]
#   KEY      a dispatcher key of the county (jiceng apikey create --role dispatcher ...)
#   VILLAGE  a 12-digit village code of that county (where the created cases go)
#   END_DATE the demo data's last day, local time, e.g. 2026-11-29T00:00:00: the 90 days
#            before it hold at least 1,000 requests (a full Open311 answer)
set -eu
base=$1 key=$2 village=$3 end=$4 seconds=${5:-10} conns=${6:-8}
here=$(dirname "$0")
export JICENG_KEY="$key" JICENG_VILLAGE="$village" JICENG_END="$end"

run() {
  name=$1; shift
  # Let the server finish what the previous scenario left in flight (wrk stops sending,
  # the server does not stop working), so it does not slow this one.
  sleep 5
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  # --timeout 10s: slow answers count in the percentiles instead of vanishing as timeouts.
  out=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s --latency "$@")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  errors=$(echo "$out" | awk '/Socket errors/ {print $4 $6 $8 $10}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" \
    "${bad:-0} / ${errors:-0}" "$load"
}

echo "| scenario | req/s | p50 | p99 | non-2xx / socket errors | load avg before |"
echo "|---|---|---|---|---|---|"
run "GET /healthz (bare view, ceiling)" "$base/healthz"
run "GET /api/v1/cases (50 per page, dispatcher key)" -s "$here/get_key.lua" "$base/api/v1/cases"
# OPEN311_QUERY (optional, e.g. "?end_date=2026-07-08T00:00:00%2B08:00") for data that ends
# before today, so the repeated query is a full answer too.
run "GET /open311/v2/requests.json${OPEN311_QUERY:-} (repeated query)" \
  "$base/open311/v2/requests.json${OPEN311_QUERY:-}"
run "GET /open311/v2/requests.json (uncached, 1,000 rows)" -s "$here/open311_uncached.lua" "$base"
run "POST /api/v1/cases (staff key)" -s "$here/create_native.lua" "$base"
run "POST /open311/v2/requests.json (intake key)" -s "$here/create_open311.lua" "$base"
