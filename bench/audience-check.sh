#!/usr/bin/env bash
# An audience check (POST /api/contact-checks, every demo customer in one call) against the same customers checked one
# call each (POST /api/customers/{id}/contact-check, sequential over one kept-alive connection), and the advice query
# (POST /api/advice/query, 1,000 customers a call) against single GET advice calls; then the whole base evaluated
# (POST /api/evaluations) and exported (GET /api/advice/export), with the heap used before and after. Starts the packaged service on a
# fresh embedded PostgreSQL with the demo base (bench/service.sh), measures, stops it.
#   bench/audience-check.sh [customers]      (default 3000 demo customers; needs a JDK (jstat), curl and python3)
set -euo pipefail
customers=${1:-3000}
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dretention.demo.customers=$customers"
source "$(dirname "$0")/service.sh"
command -v python3 > /dev/null || { echo "python3 is needed to build the request bodies" >&2; exit 1; }

service_start
echo "service ready in ${ready_ms} ms with $customers demo customers"
wait_for_idle
ids() { python3 -c "import json,sys; print(json.dumps({'customerIds': ['DEMO-C%04d' % (i + 1) for i in range($1)], $2}))"; }
ids "$customers" '"channel": "EMAIL", "purpose": "VALUE"' > "$workdir/audience.json"
ids 1000 '"asOf": None' | sed 's/, "asOf": null//' > "$workdir/query.json"
heap() { jstat -gc "$pid" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'; } # used heap (survivors, eden, old), MiB

post() { # $1 path, $2 body file: prints "status seconds bytes"
    curl -s -o "$workdir/answer" -w '%{http_code} %{time_total} %{size_download}\n' -H "Authorization: Bearer $crm_key" \
        -H 'Content-Type: application/json' --data-binary @"$2" "$base_url$1"
}
post /api/contact-checks "$workdir/audience.json" > /dev/null # warm-up
post /api/advice/query "$workdir/query.json" > /dev/null
echo "heap used before: $(heap) MiB"
for run in 1 2 3; do
    read -r status seconds bytes < <(post /api/contact-checks "$workdir/audience.json")
    summary=$(python3 -c "import json; a = json.load(open('$workdir/answer')); print(a['customers'], 'checked,', a['allowed'], 'allowed,', a['refused'], 'refused,', len(a['unknown']), 'unknown')")
    echo "audience check run $run: HTTP $status, $customers customers in $seconds s = $(awk -v n="$customers" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') customers/s, $((bytes / 1024)) KiB; $summary; heap $(heap) MiB"
done
for run in 1 2 3; do
    read -r status seconds bytes < <(post /api/advice/query "$workdir/query.json")
    echo "advice query run $run: HTTP $status, 1000 customers in $seconds s = $(awk -v s="$seconds" 'BEGIN { printf "%.0f", 1000 / s }') customers/s, $((bytes / 1024)) KiB"
done

single() { # $1 path pattern (%04d for the customer), $2 extra curl options, $3 calls: one curl, one connection
    printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' "$crm_key" > "$workdir/curl.conf"
    for ((i = 0; i < $3; i++)); do
        printf "url = \"$base_url$1\"\noutput = /dev/null\n$2" $((i % customers + 1))
    done >> "$workdir/curl.conf"
    local began=$(date +%s%N)
    curl -s -K "$workdir/curl.conf" -w '%{http_code}\n' > "$workdir/codes"
    local ms=$(( ($(date +%s%N) - began) / 1000000 ))
    echo "$3 calls in $ms ms = $(awk -v n="$3" -v ms="$ms" 'BEGIN { printf "%.0f", n * 1000 / ms }') customers/s, non-200: $(grep -vc '^200$' "$workdir/codes" || true)"
}
single "/api/customers/DEMO-C%04d/contact-check" 'data = "{\\"channel\\": \\"EMAIL\\", \\"purpose\\": \\"VALUE\\"}"\n' 500 > /dev/null # warm-up
echo "single contact checks: $(single "/api/customers/DEMO-C%04d/contact-check" 'data = "{\\"channel\\": \\"EMAIL\\", \\"purpose\\": \\"VALUE\\"}"\n' 2000)"
echo "single advice reads: $(single "/api/customers/DEMO-C%04d/advice" '' 2000)"

# The nightly sync: evaluate the whole base, then export it, watching the heap (used heap from /q/metrics, MiB).
job=$(curl -s -X POST -H "Authorization: Bearer $admin_key" "$base_url/api/evaluations" | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
until curl -s -H "Authorization: Bearer $admin_key" "$base_url/api/evaluations/$job?waitSeconds=60" | grep -q '"state":"DONE"'; do :; done
sleep 31 # the export gives evaluations once they are older than retention.bulk.export-settle (30 s)
echo "heap used before the export: $(heap) MiB"
for run in 1 2 3; do
    (while :; do heap; echo; sleep 0.2; done) > "$workdir/heap.samples" 2> /dev/null &
    sampler=$!
    read -r status seconds bytes < <(curl -s -o "$workdir/export.ndjson" -w '%{http_code} %{time_total} %{size_download}\n' \
        -H "Authorization: Bearer $crm_key" "$base_url/api/advice/export")
    lines=$(wc -l < "$workdir/export.ndjson")
    kill "$sampler"; wait "$sampler" 2> /dev/null || true
    echo "export run $run: HTTP $status, $lines customers in $seconds s = $(awk -v n="$lines" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') customers/s, $((bytes / 1048576)) MiB; heap used while it ran (sampled every 0.2 s): max $(sort -n "$workdir/heap.samples" | tail -1) MiB"
done
