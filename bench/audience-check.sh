#!/usr/bin/env bash
# An audience check (POST /api/contact-checks, every demo customer in one call) against the same customers checked one
# call each (POST /api/customers/{id}/contact-check, sequential over one kept-alive connection), and the advice query
# (POST /api/advice/query, 1,000 customers a call) against single GET advice calls. Starts the packaged service on a
# fresh embedded PostgreSQL with the demo base (bench/service.sh), measures, stops it.
#   bench/audience-check.sh [customers]      (default 3000 demo customers; needs only a JDK, curl and python3)
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
heap() { curl -sf "$base_url/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $2 } END { printf "%.0f", sum / 1048576 }'; }

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
