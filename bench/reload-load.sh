#!/usr/bin/env bash
# Advice latency while the live ruleset is replaced under load: GET /api/customers/{id}/advice at a constant rate
# (bench/load/ConstantRateLoad.java, open loop, as bench/advice-load.sh) in three measured phases on one service:
# quiet (no publish), publishing (another process POSTs /api/rules/publish every INTERVAL s, the folder as it is and
# the same with NPS_DETRACTOR's text reworded in turn), quiet again. Each phase reports the median, p99 and max,
# the failed requests and the answers counted by their rulesetVersion; the publishing phase also each publish's time.
# A warm-up run (stepping up to the rate, then the rate; not counted) comes first. Before each phase the script waits
# until the machine is idle (1-minute load average below 1.0) and prints the load average and what else used CPU.
#   bench/reload-load.sh [rate] [seconds] [interval] [rules folder]     (default 100 req/s, 120 s, 10 s, rules)
# BENCH_WARMUP (default 30 s of steps, then as long again at the rate); each phase's load driver (a new JVM) first
# steps up to the rate again for BENCH_PHASE_WARMUP s (default 10, not counted) so that its own JIT is warm. Loopback only, bounded in time; stops the
# service at the end and keeps its log in bench/target/reload-load-service.log.
set -euo pipefail
rate=${1:-100}
seconds=${2:-120}
interval=${3:-10}
dir=$(cd "${4:-rules}" && pwd)
warmup=${BENCH_WARMUP:-30}
phase_warmup=${BENCH_PHASE_WARMUP:-10}
BENCH_JAVA_OPTS="-Dretention.rules.uploads-enabled=true -Dretention.rules.dir=$dir ${BENCH_JAVA_OPTS:-}"
source "$(dirname "$0")/service.sh"

publisher_pid=""
stop_publisher() { if [ -n "$publisher_pid" ]; then kill "$publisher_pid" 2> /dev/null || true; wait "$publisher_pid" 2> /dev/null || true; fi; }
trap 'stop_publisher; service_stop; rm -rf "$workdir"' EXIT

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); rules folder: $dir; commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
ruleset_zips "$dir" "$workdir/zips"
wait_for_idle
service_start
echo "service ready in ${ready_ms} ms on $base_url: $(grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true)"
postgres=$(head -1 "$workdir/pg/postmaster.pid")

load() { # $1 warm-up seconds, $2 measured seconds
    timeout $(($1 + $2 + 120)) java -Dclock.ticks="$(getconf CLK_TCK)" bench/load/ConstantRateLoad.java \
        --url "$base_url/api/customers/DEMO-C%04d/advice" --customers 300 --rate "$rate" --duration "$2" \
        --warmup "$1" --timeout 10 --cpu "service=$pid" --cpu "postgres=$postgres" --version-field rulesetVersion
}

# Publishes b, a, b, … at interval/2, interval/2 + interval, … seconds after the measured phase began (the driver's
# line that ends its warm-up), while the publish and an interval fit in the phase; a publish still running when the next is due
# delays it (the service takes one change at a time).
publisher() {
    local began k=0 due v status ms version
    until grep -qE "^(warm-up 5/5|load:.*warm-up 0 s)" "$workdir/phase.out" 2> /dev/null; do sleep 0.05; done
    began=$(date +%s%N)
    while :; do
        due=$(( interval * 1000 / 2 + k * interval * 1000 ))
        [ $((due + interval * 1000)) -le $((seconds * 1000)) ] || break
        local now=$(( ($(date +%s%N) - began) / 1000000 ))
        [ "$now" -ge "$due" ] || sleep "$(awk -v ms=$((due - now)) 'BEGIN { printf "%.3f", ms / 1000 }')"
        v=$([ $((k % 2)) -eq 0 ] && echo b || echo a)
        local at=$(( ($(date +%s%N) - began) / 1000000 ))
        read -r status ms version < <(publish "$workdir/zips/$v.zip" "bench-under-load-$((k + 1))")
        echo "publish $((k + 1)) ($v) at +$(awk -v ms="$at" 'BEGIN { printf "%.1f", ms / 1000 }') s: HTTP $status in ${ms} ms, version $version"
        k=$((k + 1))
    done
}

echo "== warm-up (not counted): ${warmup} s stepping up to $rate req/s, then ${warmup} s at $rate req/s"
load "$warmup" "$warmup" | sed 's/^/  warm-up | /'
for phase in quiet publishing quiet-again; do
    echo "== phase $phase: $rate req/s for $seconds s$([ "$phase" = publishing ] && echo ", a publish every $interval s")"
    wait_for_idle
    lines=$(wc -l < "$workdir/service.log")
    rm -f "$workdir/phase.out"
    if [ "$phase" = publishing ]; then
        publisher > "$workdir/publishes" 2>&1 &
        publisher_pid=$!
    fi
    load "$phase_warmup" "$seconds" | tee "$workdir/phase.out"
    if [ "$phase" = publishing ]; then
        wait "$publisher_pid" || true
        publisher_pid=""
        cat "$workdir/publishes"
        grep -oE '[0-9]+ ms' "$workdir/publishes" | grep -oE '[0-9]+' | median | sed 's/^/publish median ms under load: /'
        tail -n +"$((lines + 1))" "$workdir/service.log" | grep -oE 'warmed up in [0-9]+ ms' | grep -oE '[0-9]+' \
            | tr '\n' ' ' | sed 's/^/service warm-ups ms: /'; echo
    fi
    echo "load average after the phase: $(cut -d' ' -f1-3 /proc/loadavg)"
done
mkdir -p bench/target && cp "$workdir/service.log" bench/target/reload-load-service.log
echo "service log: bench/target/reload-load-service.log, lines with WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' bench/target/reload-load-service.log || true)"
