#!/usr/bin/env bash
# What a caller's credential costs: GET /api/global-facts (the cheapest endpoint that needs a caller: one small query)
# at a constant rate with an analyst's API key, open-loop (bench/load/ConstantRateLoad.java), on the packaged service
# with the demo data (bench/service.sh). Reports the rate reached, latency percentiles and the CPU of the service and
# PostgreSQL. Compare a build that checks the key in the database on every request with one that remembers it
# (retention.security.key-cache): BENCH_JAVA_OPTS="-Dretention.security.key-cache=0S" turns the memory off.
#   bench/auth-load.sh [rate] [seconds] [warm-up seconds]      (defaults 2000, 30, 15)
set -euo pipefail
rate=${1:-2000}
seconds=${2:-30}
warmup=${3:-15}
export BENCH_JAVA_OPTS="-Dretention.limits.requests-per-second=100000 -Dretention.limits.burst=100000 ${BENCH_JAVA_OPTS:-}"
source "$(dirname "$0")/service.sh"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo ?); BENCH_JAVA_OPTS: $BENCH_JAVA_OPTS"
service_start
postgres=$(head -1 "$workdir/pg/postmaster.pid")
wait_for_idle
RETENTION_API_KEY=$analyst_key timeout $((warmup + seconds + 120)) java -Dclock.ticks="$(getconf CLK_TCK)" bench/load/ConstantRateLoad.java \
    --url "$base_url/api/global-facts" --customers 1 --rate "$rate" --duration "$seconds" \
    --warmup "$warmup" --timeout 10 --cpu "service=$pid" --cpu "postgres=$postgres"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
