#!/usr/bin/env bash
# The live API's latency while rule simulations run: GET /api/customers/{id}/advice at a constant rate
# (bench/load/ConstantRateLoad.java, open loop, as bench/advice-load.sh, round-robin over the whole demo base) in three
# measured phases on one service: quiet, simulating (POST /api/rules/simulate of the whole base running back to back
# in the background: the candidate is the rules folder with NPS_DETRACTOR's text reworded), quiet again.
# First one simulation alone, without load, for its own rate. The simulations of the loaded phase are all asked for
# (and so compiled, in the request) before it starts, as many as needed to cover it from the rate alone (at most 6:
# one running and 5 waiting, the service's limit); what is left of them at its end is cancelled. Their rate under load
# is the customers they simulated during the phase (the jobs' done counts at its start and end) over its length.
# Before each phase the script waits until the machine is idle (1-minute load average below 1.0) and prints the load
# average and what else used CPU.
#   bench/simulation-load.sh [rate] [seconds] [customers]      (default 100 req/s, 120 s, 10000 demo customers)
# BENCH_WARMUP (default 30 s of steps, then as long again at the rate); each phase's load driver (a new JVM) first
# steps up to the rate again for BENCH_PHASE_WARMUP s (default 10, not counted) so that its own JIT is warm. Loopback only, bounded in time; stops the
# service at the end and keeps its log in bench/target/simulation-load-service.log.
set -euo pipefail
rate=${1:-100}
seconds=${2:-120}
customers=${3:-10000}
warmup=${BENCH_WARMUP:-30}
phase_warmup=${BENCH_PHASE_WARMUP:-10}
BENCH_JAVA_OPTS="-Dretention.rules.uploads-enabled=true -Dretention.demo.customers=$customers ${BENCH_JAVA_OPTS:-}"
source "$(dirname "$0")/service.sh"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
ruleset_zips rules "$workdir/zips"
wait_for_idle
service_start
echo "service ready in ${ready_ms} ms on $base_url: $(grep -o 'Demo data loaded in [0-9]* ms[^;]*' "$workdir/service.log" || true)"
postgres=$(head -1 "$workdir/pg/postmaster.pid")
touch "$workdir/jobs"

epoch_ms() { date -d "$1" +%s%3N; }
field() { { grep -o "\"$1\":[^,}]*" || true; } | head -1 | cut -d: -f2- | tr -d '"'; }
simulate() { # POSTs a simulation of the whole base; prints its id, keeps it in $workdir/jobs
    local answer status seconds id
    answer=$(mktemp -p "$workdir")
    read -r status seconds < <(curl -s --max-time 300 -o "$answer" -w '%{http_code} %{time_total}\n' \
        -H "Authorization: Bearer $analyst_key" -H 'Content-Type: application/zip' --data-binary "@$workdir/zips/b.zip" \
        "$base_url/api/rules/simulate")
    [ "$status" = 202 ] || { echo "simulate answered $status: $(cat "$answer")" >&2; exit 1; }
    id=$(field id < "$answer")
    echo "$id" >> "$workdir/jobs"
    echo "simulation $id asked for: HTTP $status in $(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }') ms (candidate compiled in the request)" >&2
    echo "$id"
    rm -f "$answer"
}
job() {
    curl -s --max-time 70 -H "Authorization: Bearer $analyst_key" "$base_url/api/rules/simulations/$1${2:+?waitSeconds=$2}" \
        | cut -d'{' -f2 | cut -d'}' -f1
}
describe() { # one line per job: state, done/total, start, end, rate
    local view state done total started finished
    view=$(job "$1")
    state=$(field state <<< "$view"); done=$(field done <<< "$view"); total=$(field total <<< "$view")
    started=$(field startedAt <<< "$view"); finished=$(field finishedAt <<< "$view")
    if [ -n "$started" ] && [ "$started" != null ] && [ -n "$finished" ] && [ "$finished" != null ]; then
        local ms=$(( $(epoch_ms "$finished") - $(epoch_ms "$started") ))
        echo "job $1: $state, $done of $total customers, started $started, finished $finished: ${ms} ms, $(awk -v d="$done" -v ms="$ms" 'BEGIN { printf "%.0f", (ms > 0 ? d * 1000 / ms : 0) }') customers/s"
    else
        echo "job $1: $state, $done of $total customers, started $started"
    fi
}
done_sum() { local id sum=0 d; for id in $(cat "$workdir/jobs"); do d=$(job "$id" | field done); sum=$((sum + ${d:-0})); done; echo "$sum"; }

load() { # $1 warm-up seconds, $2 measured seconds
    timeout $(($1 + $2 + 120)) java -Dclock.ticks="$(getconf CLK_TCK)" bench/load/ConstantRateLoad.java \
        --url "$base_url/api/customers/DEMO-C%04d/advice" --customers "$customers" --rate "$rate" --duration "$2" \
        --warmup "$1" --timeout 10 --cpu "service=$pid" --cpu "postgres=$postgres"
}

echo "== one simulation of the whole base alone (no load)"
wait_for_idle
id=$(simulate)
for ((w = 0; w < 20; w++)); do # at most 20 minutes
    case "$(job "$id" 60 | field state)" in DONE|FAILED|CANCELLED) break ;; esac
done
alone=$(describe "$id")
echo "$alone"
alone_rate=$(grep -oE '[0-9]+ customers/s' <<< "$alone" | grep -oE '[0-9]+')

echo "== warm-up (not counted): ${warmup} s stepping up to $rate req/s, then ${warmup} s at $rate req/s"
load "$warmup" "$warmup" | sed 's/^/  warm-up | /'

for phase in quiet simulating quiet-again; do
    echo "== phase $phase: $rate req/s for $seconds s"
    wait_for_idle
    if [ "$phase" = simulating ]; then
        : > "$workdir/jobs"
        wanted=$(awk -v r="$alone_rate" -v s="$((seconds + phase_warmup))" -v c="$customers" 'BEGIN { n = int((s + 30) * r / c) + 2; print (n > 6 ? 6 : n) }')
        echo "asking for $wanted simulations of $customers customers (alone: $alone_rate customers/s; the phase needs about $((seconds * alone_rate)) at that rate)"
        for ((j = 1; j <= wanted; j++)); do simulate > /dev/null; done
        first=$(head -1 "$workdir/jobs")
        w=0; while [ "$(job "$first" | field state)" = QUEUED ] && [ $((w += 1)) -lt 600 ]; do sleep 0.2; done
        rm -f "$workdir/window"
        load "$phase_warmup" "$seconds" | while IFS= read -r line; do
            printf '%s\n' "$line"
            if [ ! -f "$workdir/window" ] && grep -qE "^(warm-up 5/5|load:.*warm-up 0 s)" <<< "$line"; then
                echo "$(date +%s%3N) $(done_sum)" > "$workdir/window"
            fi
        done
        end_ms=$(date +%s%3N); end_done=$(done_sum)
        read -r start_ms start_done < "$workdir/window"
        running_at_end=0
        for id in $(cat "$workdir/jobs"); do
            state=$(job "$id" | field state)
            [ "$state" != RUNNING ] || running_at_end=1
            if [ "$state" = RUNNING ] || [ "$state" = QUEUED ]; then
                curl -s --max-time 10 -X DELETE -o /dev/null -H "Authorization: Bearer $analyst_key" "$base_url/api/rules/simulations/$id"
                job "$id" 30 > /dev/null
            fi
            describe "$id"
        done
        echo "simulated during the phase: $((end_done - start_done)) customers in $((end_ms - start_ms)) ms: $(awk -v d=$((end_done - start_done)) -v ms=$((end_ms - start_ms)) 'BEGIN { printf "%.0f", d * 1000 / ms }') customers/s (alone: $alone_rate customers/s); a simulation was still running at the phase's end: $([ "$running_at_end" -gt 0 ] && echo yes || echo NO, the phase was not covered)"
    else
        load "$phase_warmup" "$seconds"
    fi
    echo "load average after the phase: $(cut -d' ' -f1-3 /proc/loadavg)"
done
mkdir -p bench/target && cp "$workdir/service.log" bench/target/simulation-load-service.log
echo "service log: bench/target/simulation-load-service.log, lines with WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' bench/target/simulation-load-service.log || true)"
