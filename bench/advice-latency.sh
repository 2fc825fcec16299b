#!/usr/bin/env bash
# Startup time and GET /api/customers/{id}/advice latency over sequential calls on the demo data.
# Starts the packaged service on a fresh embedded PostgreSQL with the demo base, measures, stops it.
#   bench/advice-latency.sh [calls]        (default 1000; needs only a JDK and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000}
port=${BENCH_PORT:-18080}
workdir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$workdir"' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

start() { # starts the service and waits until it is ready; sets pid and ready_ms
    local began=$(date +%s%N)
    java -Dretention.demo.enabled=true -Dretention.embedded-postgres.data-dir="$workdir/pg" \
         -Dquarkus.http.port="$port" -jar target/quarkus-app/quarkus-run.jar > "$workdir/service.log" 2>&1 &
    pid=$!
    until curl -sf "localhost:$port/q/health/ready" > /dev/null; do
        kill -0 "$pid" 2>/dev/null || { cat "$workdir/service.log" >&2; exit 1; }
        sleep 0.1
    done
    ready_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

pid=""
if curl -s "localhost:$port" > /dev/null; then echo "port $port is taken: stop what runs there or set BENCH_PORT" >&2; exit 1; fi
start
echo "first start (initdb, migrations, 300 demo customers generated and ingested): ${ready_ms} ms until ready"
grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true
stop
start
echo "restart on the same data: ${ready_ms} ms until ready; Quarkus: $(grep -o 'started in [0-9.]*s' "$workdir/service.log")"

measure() { # $1 calls, round-robin over the 300 demo customers, one curl keeping its connection alive
    for ((i = 0; i < $1; i++)); do
        printf 'url = "http://localhost:%s/api/customers/DEMO-C%04d/advice"\noutput = /dev/null\n' "$port" $((i % 300 + 1))
    done > "$workdir/curl.conf"
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
