#!/usr/bin/env bash
# Ingest and advice at the same time, from processes other than the service, on loopback, bounded in time:
#   - advice: GET /api/customers/{id}/advice at a constant rate (bench/load/ConstantRateLoad.java, open loop,
#     round-robin over the demo base), as the CRM's key;
#   - ingest: a batch of contacts for random demo customers every `interval` seconds (POST /api/contacts/batch, new
#     external ids each time, so every item is CREATED), each answer's status and time recorded; the service
#     evaluates the customers each batch touched again in the background (retention.evaluation.on-ingest, on);
#   - the heap: `jstat -gc` every 5 s through the run, and after a full GC at the end (jcmd GC.run, GC.heap_info).
# Reports both sides' throughput, p50/p99 and errors (non-2xx, timeouts), the contacts stored against those sent, and
# the heap.
#   bench/mixed-load.sh [advice rate] [seconds] [ingest interval s] [contacts per batch] [customers]
#                       (default 100 req/s, 300 s, 1 s, 50 contacts, 1000 demo customers)
# BENCH_WARMUP: seconds of advice load first, stepping up to the rate, not counted (default 30). Stops the service at the
# end and keeps its log in bench/target/mixed-load-service.log.
set -euo pipefail
rate=${1:-100}
seconds=${2:-300}
interval=${3:-1}
batch=${4:-50}
customers=${5:-1000}
warmup=${BENCH_WARMUP:-30}
BENCH_JAVA_OPTS="-Dretention.demo.customers=$customers ${BENCH_JAVA_OPTS:-}"
source "$(dirname "$0")/service.sh"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
wait_for_idle
service_start
echo "service ready in ${ready_ms} ms on $base_url: $(grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true)"
postgres=$(head -1 "$workdir/pg/postmaster.pid")

ingest() { # one batch every $interval s for $seconds s; one line per batch: status seconds
    local run=$1 n=0 end=$((SECONDS + seconds)) body
    while [ "$SECONDS" -lt "$end" ]; do
        n=$((n + 1))
        body="["
        for ((i = 0; i < batch; i++)); do
            printf -v customer 'DEMO-C%04d' $((RANDOM % customers + 1))
            body+="{\"externalId\":\"MIX-$run-$n-$i\",\"customerExternalId\":\"$customer\",\"occurredAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"channel\":\"EMAIL\",\"direction\":\"OUTBOUND\",\"purpose\":\"VALUE\"},"
        done
        body="${body%,}]"
        curl -s --max-time 30 -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $crm_key" \
            -H 'Content-Type: application/json' --data-binary "$body" "$base_url/api/contacts/batch" || echo "000 30"
        sleep "$interval"
    done
}

echo "== warm-up (not counted): ${warmup} s of advice stepping up to $rate req/s"
timeout $((warmup + 60)) java bench/load/ConstantRateLoad.java --url "$base_url/api/customers/DEMO-C%04d/advice" \
    --customers "$customers" --rate "$rate" --duration 5 --warmup "$warmup" --timeout 10 > /dev/null

echo "== $seconds s: advice at $rate req/s and a batch of $batch contacts every $interval s, at the same time"
run=$(date +%s)
jstat -gc "$pid" 5000 > "$workdir/jstat.log" &
jstat_pid=$!
ingest "$run" > "$workdir/ingest.log" &
ingest_pid=$!
timeout $((seconds + 120)) java -Dclock.ticks="$(getconf CLK_TCK)" bench/load/ConstantRateLoad.java \
    --url "$base_url/api/customers/DEMO-C%04d/advice" --customers "$customers" --rate "$rate" --duration "$seconds" \
    --warmup 0 --timeout 10 --cpu "service=$pid" --cpu "postgres=$postgres" | sed 's/^/advice | /'
wait "$ingest_pid"
kill "$jstat_pid" 2> /dev/null || true

echo "== ingest"
awk -v batch="$batch" '
    { n++; if ($1 ~ /^2/) ok++; else err[$1]++; t[n] = $2 * 1000 }
    END {
        asort(t); p50 = t[int(n * 0.5) + 1]; p99 = t[int(n * 0.99) + 1 > n ? n : int(n * 0.99) + 1]
        printf "ingest | batches: %d sent, %d answered 2xx (%d contacts), errors: %d", n, ok, ok * batch, n - ok
        for (s in err) printf " [%s x%d]", s, err[s]
        printf "\ningest | batch latency ms: p50 %.1f  p99 %.1f  max %.1f\n", p50, p99, t[n]
    }' "$workdir/ingest.log"
sleep 5 # the evaluations after the last batches
stored=$(java -cp "$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1)" bench/load/CountRows.java \
    "jdbc:postgresql://localhost:$(sed -n 4p "$workdir/pg/postmaster.pid")/postgres?user=postgres" \
    "select count(*) from contact where external_id like 'MIX-$run-%'" || echo "?")
echo "ingest | contacts stored: $stored"

echo "== heap (jstat -gc every 5 s; used = S0U + S1U + EU + OU, in MB)"
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = ($3 + $4 + $6 + $8) / 1024; if (used > max) max = used; last = used; n++ }
     END { printf "heap | samples %d, peak used %.0f MB, last %.0f MB\n", n, max, last }' "$workdir/jstat.log"
jcmd "$pid" GC.run > /dev/null
jcmd "$pid" GC.heap_info | sed 's/^/heap after a full GC | /' | head -3
echo "service RSS: $(ps -o rss= -p "$pid" | awk '{ printf "%.0f MB", $1 / 1024 }')"
mkdir -p bench/target && cp "$workdir/service.log" bench/target/mixed-load-service.log
echo "service log: bench/target/mixed-load-service.log, lines with WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' bench/target/mixed-load-service.log || true)"
