#!/usr/bin/env bash
# Startup time and GET /api/customers/{id}/advice latency over sequential calls on the demo data.
# Starts the packaged service on a fresh embedded PostgreSQL with the demo base, measures, stops it (bench/service.sh).
#   bench/advice-latency.sh [calls]        (default 1000; needs only a JDK and curl)
set -euo pipefail
calls=${1:-1000}
source "$(dirname "$0")/service.sh"

service_start
echo "first start (initdb, migrations, 300 demo customers generated and ingested): ${ready_ms} ms until ready"
grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true
service_stop
service_start
echo "restart on the same data: ${ready_ms} ms until ready; Quarkus: $(grep -o 'started in [0-9.]*s' "$workdir/service.log")"

measure() { # $1 calls, round-robin over the 300 demo customers, one curl keeping its connection alive
    printf 'header = "Authorization: Bearer %s"\n' "$crm_key" > "$workdir/curl.conf"
    for ((i = 0; i < $1; i++)); do
        printf 'url = "%s/api/customers/DEMO-C%04d/advice"\noutput = /dev/null\n' "$base_url" $((i % 300 + 1))
    done >> "$workdir/curl.conf"
    curl -s -K "$workdir/curl.conf" -w '%{http_code} %{time_total}\n'
}
measure 200 > /dev/null # warm-up
measure "$calls" > "$workdir/times"
errors=$(awk '$1 != 200' "$workdir/times" | wc -l)
awk '{print $2 * 1000}' "$workdir/times" | sort -n > "$workdir/ms"
n=$(wc -l < "$workdir/ms")
pick() { sed -n "$(( ($1 * n + 99) / 100 ))p" "$workdir/ms"; }
echo "advice calls: $n sequential, non-200 answers: $errors"
echo "advice latency ms: p50 $(pick 50)  p90 $(pick 90)  p99 $(pick 99)  max $(tail -1 "$workdir/ms")"
