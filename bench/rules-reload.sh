#!/usr/bin/env bash
# How long it takes to put a whole ruleset live: the packaged CLI's `rules check` (compile only, a fresh JVM) and
# `rules test` (compile + scenarios), the service's own compile and warm-up of the folder at start (its log), and
# POST /api/rules/publish end to end (compile + scenarios + store + warm-up + swap), publishing two versions in turn:
# the folder as it is and the same with NPS_DETRACTOR's text reworded. Then rollbacks to stored versions (compile + store + warm-up + swap). No
# other load. Before every timed step it waits until the machine is idle (1-minute load average below 1.0, see
# wait_for_idle in bench/service.sh) and prints the load average and what else used CPU.
#   bench/rules-reload.sh [rules folder] [publishes] [rollbacks]     (default rules 6 2; BENCH_CHECKS=3 CLI runs)
# The service serves the given folder (retention.rules.dir) with uploads on, on a fresh embedded PostgreSQL with the
# 300 demo customers; it is stopped and its temporary folder removed at the end. The folder path must have no spaces.
set -euo pipefail
dir=$(cd "${1:-rules}" && pwd)
publishes=${2:-6}
rollbacks=${3:-2}
checks=${BENCH_CHECKS:-3}
BENCH_JAVA_OPTS="-Dretention.rules.uploads-enabled=true -Dretention.rules.dir=$dir ${BENCH_JAVA_OPTS:-}"
source "$(dirname "$0")/service.sh"

cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$1/stat"; }
log_since() { tail -n +"$(($1 + 1))" "$workdir/service.log"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); rules folder: $dir; commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
ruleset_zips "$dir" "$workdir/zips"
echo "zips: a $(stat -c %s "$workdir/zips/a.zip") bytes, b $(stat -c %s "$workdir/zips/b.zip") bytes, $(unzip -Z1 "$workdir/zips/a.zip" | wc -l) files"

echo "== rules check (packaged CLI, new JVM each time: java -jar target/quarkus-app/quarkus-run.jar rules check --dir $dir)"
for ((i = 1; i <= checks; i++)); do
    wait_for_idle
    began=$(date +%s%N)
    summary=$(timeout 300 java -jar target/quarkus-app/quarkus-run.jar rules check --dir "$dir" | head -1)
    ms=$(( ($(date +%s%N) - began) / 1000000 ))
    echo "$ms" >> "$workdir/checks"
    echo "rules check $i: ${ms} ms wall: $summary"
done
echo "rules check median: $(median < "$workdir/checks") ms of $checks"
echo "== rules test (compile + the scenarios of tests/, new JVM each time: … rules test --dir $dir)"
for ((i = 1; i <= checks; i++)); do
    wait_for_idle
    began=$(date +%s%N)
    summary=$(timeout 300 java -jar target/quarkus-app/quarkus-run.jar rules test --dir "$dir" | tail -1)
    ms=$(( ($(date +%s%N) - began) / 1000000 ))
    echo "$ms" >> "$workdir/tests"
    echo "rules test $i: ${ms} ms wall: $summary"
done
echo "rules test median: $(median < "$workdir/tests") ms of $checks"

echo "== service start on the folder"
wait_for_idle
service_start
echo "service ready in ${ready_ms} ms on $base_url"
grep -oE 'Ruleset [0-9a-f]+ (compiled from .*|warmed up in [0-9]+ ms|is live .*)' "$workdir/service.log" || true
lines=$(wc -l < "$workdir/service.log")

echo "== publishes, b and a in turn (POST /api/rules/publish, zip of the whole folder incl. tests/*.yaml)"
declare -A versions
for ((i = 1; i <= publishes; i++)); do
    v=$([ $((i % 2)) -eq 1 ] && echo b || echo a)
    wait_for_idle
    cpu_before=$(cpu_ms "$pid")
    read -r status ms version < <(publish "$workdir/zips/$v.zip" "bench-reload-$i")
    cpu=$(( $(cpu_ms "$pid") - cpu_before ))
    sleep 0.2
    warm=$(log_since "$lines" | grep -oE 'warmed up in [0-9]+ ms' | tail -1 | grep -oE '[0-9]+' || echo -)
    lines=$(wc -l < "$workdir/service.log")
    echo "publish $i ($v): HTTP $status in ${ms} ms, version $version, service warm-up ${warm} ms, service CPU ${cpu} ms"
    [ "$status" = 200 ] || { echo "publish failed:"; log_since 0 | tail -20; exit 1; }
    versions[$v]=$version
    echo "$ms" >> "$workdir/publishes"
    echo "$warm" >> "$workdir/warmups"
done
echo "publish median: $(median < "$workdir/publishes") ms of $publishes; warm-up median $(median < "$workdir/warmups") ms"

if [ "$rollbacks" -gt 0 ]; then
    echo "== rollbacks, to the version not live (POST /api/rules/rollback/{version})"
    live=$([ $((publishes % 2)) -eq 1 ] && echo b || echo a)
    for ((i = 1; i <= rollbacks; i++)); do
        target=$([ "$live" = a ] && echo b || echo a)
        wait_for_idle
        read -r status seconds < <(curl -s --max-time 300 -o /dev/null -w '%{http_code} %{time_total}\n' -X POST \
            -H "Authorization: Bearer $analyst_key" "$base_url/api/rules/rollback/${versions[$target]}?rolledBackBy=bench")
        sleep 0.2
        warm=$(log_since "$lines" | grep -oE 'warmed up in [0-9]+ ms' | tail -1 | grep -oE '[0-9]+' || echo -)
        lines=$(wc -l < "$workdir/service.log")
        echo "rollback $i to $target (${versions[$target]}): HTTP $status in $(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }') ms, service warm-up ${warm} ms"
        live=$target
    done
fi
mkdir -p bench/target && cp "$workdir/service.log" bench/target/rules-reload-service.log
echo "service log: bench/target/rules-reload-service.log, lines with WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' bench/target/rules-reload-service.log || true)"
