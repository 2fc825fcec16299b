#!/usr/bin/env bash
# GET /api/customers/{id}/advice at a constant rate on the demo data: median, p99, throughput and errors.
# Starts the packaged service on a fresh embedded PostgreSQL with the 300 demo customers on a free loopback port
# (bench/service.sh), then a second JVM, bench/load/ConstantRateLoad.java, sends the requests open-loop at a fixed
# rate, round-robin over DEMO-C0001..DEMO-C0300, and measures each latency from the request's intended send time
# (wrk2-style: no coordinated omission). A warm-up stepping up to the rate (20, 40 … 100%) comes first and is not
# counted. Loopback only, bounded in time (each request times out after 10 s); stops the service at the end
# and keeps its log in bench/target.
#   bench/advice-load.sh [rate] [seconds]      (default 300 req/s for 60 s; BENCH_WARMUP=seconds, default 30)
# Needs only a JDK and curl (the driver runs from source with the JDK's launcher); it installs nothing.
set -euo pipefail
rate=${1:-300}
seconds=${2:-60}
warmup=${BENCH_WARMUP:-30}
source "$(dirname "$0")/service.sh"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
service_start
echo "service ready in ${ready_ms} ms on $base_url: $(grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true)"
postgres=$(head -1 "$workdir/pg/postmaster.pid")
echo "load average before the load: $(cut -d' ' -f1-3 /proc/loadavg)"

timeout $((warmup + seconds + 120)) java -Dclock.ticks="$(getconf CLK_TCK)" bench/load/ConstantRateLoad.java \
    --url "$base_url/api/customers/DEMO-C%04d/advice" --customers 300 --rate "$rate" --duration "$seconds" \
    --warmup "$warmup" --timeout 10 --cpu "service=$pid" --cpu "postgres=$postgres" \
    --target-p50-ms 5 --target-p99-ms 20

echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p bench/target && cp "$workdir/service.log" bench/target/advice-load-service.log
echo "service log: bench/target/advice-load-service.log, lines with WARN or ERROR (warm-up included): $(grep -cE ' (WARN|ERROR) ' bench/target/advice-load-service.log || true)"
