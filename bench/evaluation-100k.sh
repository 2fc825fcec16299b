#!/usr/bin/env bash
# The batch evaluation of a large customer base (POST /api/evaluations: every customer's facts, the live ruleset, the
# advice stored, its actions turned into recommendations) and the service's memory during it. Builds the service and
# the bench jar once; starts the packaged service with a fixed heap (-Xmx, BENCH_XMX) on a fresh embedded PostgreSQL
# (bench/service.sh) without the demo data; writes N demo customers with their whole histories straight into its
# database (bench/jmh's DemoBase: the demo generator's histories in chunks, COPY; about 1.5 minutes for 100,000 where
# the ingest path takes about an hour); restarts the service on them; then asks for the batch and polls the job until
# it ends. Reports the rate (the job's report, and per 1,000 customers from the progress log lines); the live objects
# (jcmd GC.class_histogram) and the heap used after a full GC (jcmd GC.run, GC.heap_info) before the batch, halfway
# through it and after it; the peak heap used and the GC work during it (jstat -gc every second); the service's RSS;
# the CPU the service, PostgreSQL and the rest of the machine used; the advice and recommendation rows written. Before
# the load and the batch it waits until the machine is idle (wait_for_idle: 1-minute load average below 1.0,
# BENCH_IDLE_MAX / BENCH_IDLE_POLL) and prints the load average and what else used CPU; during the batch, every
# BENCH_REPORT_EVERY s (default 300) too. Then the nightly sync that follows a batch: GET /api/advice/export of the
# whole base, its rate and the heap while it streams.
#   bench/evaluation-100k.sh [customers]       (default 100000)
# BENCH_XMX (default 1g): the service's -Xmx. BENCH_BUILD=0: use the builds there are (target/quarkus-app,
# bench/target/benchmarks.jar). BENCH_MAX_MINUTES (default 120): the longest wait for the batch. Loopback only; every
# step is bounded in time; the service and its database are stopped and removed at the end; logs are kept in
# bench/target/evaluation-<customers>-<xmx>-{service,jstat,jstat-export,rss}.log and
# -histogram-{before,halfway,after,before-export,after-export}.txt (the live objects by class).
set -euo pipefail
customers=${1:-100000}
xmx=${BENCH_XMX:-1g}
max_minutes=${BENCH_MAX_MINUTES:-120}
report_every=${BENCH_REPORT_EVERY:-300}
cd "$(dirname "$0")/.."

if [ "${BENCH_BUILD:-1}" != 0 ]; then
    echo "building the service (./mvnw -B -q package -DskipTests) and the bench jar (./mvnw -B -q -Pbench package -DskipTests)"
    ./mvnw -B -q package -DskipTests
    ./mvnw -B -q -Pbench package -DskipTests
fi
[ -f bench/target/benchmarks.jar ] || { echo "bench/target/benchmarks.jar is missing: run without BENCH_BUILD=0" >&2; exit 1; }
# No demo data (the base is written below), and nothing scheduled that would run beside the batch.
# The export gives every evaluation at once (no settling time: the batch has ended before it is asked).
BENCH_JAVA_OPTS="-Xmx$xmx -Dretention.demo.enabled=false -Dretention.evaluation.cron=off -Dretention.digest.cron=off -Dretention.bulk.export-settle=0S ${BENCH_JAVA_OPTS:-}"
source bench/service.sh

samplers=()
trap 'for p in ${samplers[@]+"${samplers[@]}"}; do kill "$p" 2> /dev/null || true; done; service_stop; rm -rf "$workdir"' EXIT
keep="bench/target/evaluation-$customers-$xmx"
mkdir -p bench/target

field() { { grep -o "\"$1\":[^,}]*" || true; } | head -1 | cut -d: -f2- | tr -d '"'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
# The live objects (jcmd GC.class_histogram: a full GC, then every live object by class; kept as
# $workdir/histogram-<label>.txt), then the heap used right after another full GC, the heap committed and the
# metaspace used (GC.run and GC.heap_info in one attach, so that the batch allocates next to nothing in between).
heap() {
    jcmd "$pid" GC.class_histogram > "$workdir/histogram-$1.txt"
    printf 'GC.run\nGC.heap_info\n' > "$workdir/gc.jcmd"
    jcmd "$pid" -f "$workdir/gc.jcmd" | awk -v live="$(awk '/^Total/ { print $3 }' "$workdir/histogram-$1.txt")" \
        -v longs="$(awk '$4 == "java.lang.Long" { print $2 }' "$workdir/histogram-$1.txt")" '
        /heap/ && /total/ && !heap { for (i = 1; i <= NF; i++) { if ($i == "total") total = $(i + 1); if ($i == "used") used = $(i + 1) }; heap = 1 }
        /Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "used") meta = $(i + 1) }
        END { gsub(/[K,]/, "", total); gsub(/[K,]/, "", used); gsub(/[K,]/, "", meta)
              printf "live objects %.1f MB (%d java.lang.Long); heap used after a full GC %.0f MB (committed %.0f MB), metaspace %.0f MB",
                  live / 1048576, longs, used / 1024, total / 1024, meta / 1024 }'
}
rss() { echo "RSS $(mb "$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")") (peak since start $(mb "$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status")"))"; }
ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# CPU ticks of the service, of every PostgreSQL process (the live ones, and the ended ones through the postmaster's
# children's time), and of the whole machine (busy, all cores).
cpu_snapshot() {
    local pg_ticks=0 p
    for p in $(postgres_processes); do
        pg_ticks=$((pg_ticks + $(ticks "$p" 2> /dev/null || echo 0)))
    done
    pg_ticks=$((pg_ticks + $(awk '{ sub(/.*\) /, ""); print $14 + $15 }' "/proc/$(head -1 "$workdir/pg/postmaster.pid")/stat")))
    echo "$(ticks "$pid") $pg_ticks $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
}

echo "machine: $(nproc) cores, $(grep -m1 MemTotal /proc/meminfo | awk '{ printf "%.0f GiB", $2 / 1048576 }'), $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "service: java -Xmx$xmx (BENCH_JAVA_OPTS: $BENCH_JAVA_OPTS) -jar target/quarkus-app/quarkus-run.jar; $customers demo customers"

echo "== the database: migrations at a first start, then $customers demo customers written with COPY"
service_start
jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$(sed -n 4p "$workdir/pg/postmaster.pid")/postgres?user=postgres"; }
jdbc=$(jdbc_url)
echo "first start (initdb, migrations, no demo data) ready in ${ready_ms} ms"
grep -q 'Demo data loaded' "$workdir/service.log" && { echo "the demo generator ran: retention.demo.enabled=false was not taken" >&2; exit 1; }
wait_for_idle
began=$(date +%s%N)
timeout 1800 java -Xmx512m -cp bench/target/benchmarks.jar com.retentionadvisor.bench.DemoBase load "$jdbc" "$customers" | sed 's/^/  load | /'
echo "base written in $(( ($(date +%s%N) - began) / 1000000 )) ms (JVM start included)"

echo "== the batch evaluation"
service_stop
service_start
jdbc=$(jdbc_url) # the embedded PostgreSQL listens on a new port at each start
echo "restart on the base: ready in ${ready_ms} ms; $(grep -o 'started in [0-9.]*s' "$workdir/service.log" | tail -1); GC: $(jcmd "$pid" VM.flags | grep -oE 'Use[A-Za-z0-9]+GC' | head -1)"
wait_for_idle
echo "before the batch: $(heap before); $(rss)"

jstat -gc "$pid" 1000 > "$workdir/jstat.log" 2>&1 &
samplers+=($!)
(while kill -0 "$pid" 2> /dev/null; do echo "$(date +%s) $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2> /dev/null)"; sleep 2; done) > "$workdir/rss.log" &
samplers+=($!)
cpu_before=$(cpu_snapshot)
log_from=$(wc -l < "$workdir/service.log")

answer=$(curl -s --max-time 30 -X POST -w ' %{http_code}' -H "Authorization: Bearer $admin_key" "$base_url/api/evaluations")
[ "${answer##* }" = 202 ] || { echo "POST /api/evaluations answered ${answer##* }: ${answer% *}" >&2; exit 1; }
id=$(field id <<< "${answer% *}")
echo "POST /api/evaluations: 202, job $id"
deadline=$(( $(date +%s) + max_minutes * 60 ))
next_report=$(( $(date +%s) + report_every ))
mid=""
while :; do
    view=$(curl -s --max-time 40 -H "Authorization: Bearer $admin_key" "$base_url/api/evaluations/$id?waitSeconds=10")
    state=$(field state <<< "$view")
    case "$state" in DONE|FAILED|CANCELLED) break ;; esac
    done_now=$(field done <<< "$view"); total=$(field total <<< "$view")
    if [ -z "$mid" ] && [ -n "$total" ] && [ "$total" -gt 0 ] && [ $((done_now * 2)) -ge "$total" ]; then
        mid="at $done_now of $total customers: $(heap halfway); $(rss)"
        echo "halfway, $mid; the largest classes of live objects:"
        awk '$1 ~ /^[0-9]+:$/ && NF >= 4 && n++ < 6 { printf "    %-60s %9d objects %6.1f MB\n", $4, $2, $3 / 1048576 }' "$workdir/histogram-halfway.txt"
    fi
    if [ "$(date +%s)" -ge "$next_report" ]; then
        echo "  $(date -u +%H:%M:%S) $state $done_now of $total, about $(field secondsLeft <<< "$view") s left; load average $(cut -d' ' -f1-3 /proc/loadavg); other processes using CPU: $(other_processes | grep . || echo none)"
        next_report=$(( $(date +%s) + report_every ))
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the batch did not end within $max_minutes minutes: $view" >&2; exit 1; }
done
cpu_after=$(cpu_snapshot)
for p in "${samplers[@]}"; do kill "$p" 2> /dev/null || true; done
samplers=()
echo "job: $state, $(field done <<< "$view") of $(field total <<< "$view") customers, started $(field startedAt <<< "$view"), finished $(field finishedAt <<< "$view")"
[ "$state" = DONE ] || { echo "the batch ended $state: $view" >&2; exit 1; }
seconds=$(field seconds <<< "$view")
echo "rate: $(field customers <<< "$view") customers in $(awk -v s="$seconds" 'BEGIN { printf "%.1f", s }') s: $(awk -v r="$(field customersPerSecond <<< "$view")" 'BEGIN { printf "%.0f", r }') customers/s (the job's report)"

# The progress lines, every 1,000 customers: the rate since the start as logged, and each 1,000's own from the times.
tail -n +"$((log_from + 1))" "$workdir/service.log" | grep -E "Rule job $id \(evaluation\) started|Batch evaluation: " | awk '
    function t(s,  h) { split(s, h, /[:,]/); return h[1] * 3600 + h[2] * 60 + h[3] + h[4] / 1000 }
    { now = t($2); if (prev != "" && now < prev) now += 86400 }
    /started/ { prev = now; next }
    { for (i = 1; i <= NF; i++) { if ($i == "evaluation:") done = $(i + 1); if ($i == "customers/s") logged = $(i - 1) }
      printf "%d %s %.0f\n", done, logged, (done - last) / (now - prev); prev = now; last = done }' > "$workdir/progress"
lines=$(wc -l < "$workdir/progress")
if [ "$lines" -gt 0 ]; then
    step=$(( lines > 10 ? lines / 10 : 1 ))
    echo "progress log lines (every $(( step * 1000 )) customers shown; the service logs every 1,000):"
    awk -v step="$step" 'NR % step == 0 { printf "  %7d done: %4d customers/s since the start (as logged); the last 1,000 at %4d/s\n", $1, $2, $3 }' "$workdir/progress"
    echo "rate of each 1,000 customers over the $lines lines: min $(cut -d' ' -f3 "$workdir/progress" | sort -n | head -1), median $(cut -d' ' -f3 "$workdir/progress" | median), max $(cut -d' ' -f3 "$workdir/progress" | sort -n | tail -1) customers/s"
else
    echo "no progress line in the service log"
fi

echo "after the batch: $(heap after); $(rss)"
[ -z "$mid" ] || echo "(halfway, $mid)"
awk '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $1 ~ /^[0-9.]+$/ {
        used = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; committed = $c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]
        if (used > peak) peak = used; if (committed > peakc) peakc = committed; if ($c["OU"] > old) old = $c["OU"]
        if (!first) { y0 = $c["YGC"]; f0 = $c["FGC"]; g0 = $c["CGC"]; t0 = $c["GCT"]; first = 1 }
        y = $c["YGC"]; f = $c["FGC"]; g = $c["CGC"]; t = $c["GCT"]; samples++ }
    END { printf "during the batch (jstat -gc every 1 s, %d samples): peak heap used %.0f MB, peak committed %.0f MB, peak old generation %.0f MB; %d young, %d full (2 are the halfway jcmd GC.class_histogram and GC.run), %d concurrent cycles, %.1f s in GC\n",
              samples, peak / 1024, peakc / 1024, old / 1024, y - y0, f - f0, g - g0, t - t0 }' "$workdir/jstat.log"
echo "RSS during the batch (every 2 s): peak $(mb "$(awk '$2 > m { m = $2 } END { print m + 0 }' "$workdir/rss.log")")"
read -r s0 p0 m0 <<< "$cpu_before"
read -r s1 p1 m1 <<< "$cpu_after"
awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v m=$((m1 - m0)) -v hz="$(getconf CLK_TCK)" -v secs="$seconds" -v n="$customers" 'BEGIN {
    printf "cpu during the batch: service %.2f cores (%.1f ms/customer), postgres %.2f cores (%.1f ms/customer); whole machine %.2f of %d cores busy, of which other processes ~%.2f\n",
        s / hz / secs, s / hz * 1000 / n, p / hz / secs, p / hz * 1000 / n, m / hz / secs, '"$(nproc)"', (m - s - p) / hz / secs }'
java -cp bench/target/benchmarks.jar com.retentionadvisor.bench.DemoBase counts "$jdbc"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The nightly sync that follows: the latest stored advice of every customer in one streamed call, with the heap
# sampled every 0.2 s (jstat) and after a full GC before and after. Its answer (about 7 KiB a customer) is counted as
# it arrives, never kept.
echo "== the nightly sync: GET /api/advice/export"
echo "before the export: $(heap before-export)"
jstat -gc "$pid" 200 > "$workdir/jstat-export.log" 2>&1 &
samplers+=($!)
began=$(date +%s%N)
curl -sN --max-time 1800 -H "Authorization: Bearer $admin_key" "$base_url/api/advice/export" \
    | awk '{ n++; bytes += length($0) + 1; last = $0 } END { printf "%d %d %s\n", n, bytes, last }' > "$workdir/export.count"
export_ms=$(( ($(date +%s%N) - began) / 1000000 ))
for p in "${samplers[@]}"; do kill "$p" 2> /dev/null || true; done
samplers=()
read -r export_lines export_bytes export_last < "$workdir/export.count"
echo "export: $export_lines lines ($((export_lines - 1)) customers and the closing line $export_last), $((export_bytes / 1048576)) MiB in $(awk -v ms="$export_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s: $(awk -v n="$((export_lines - 1))" -v ms="$export_ms" 'BEGIN { printf "%.0f", n * 1000 / ms }') customers/s"
awk '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $1 ~ /^[0-9.]+$/ { used = $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]; if (used > peak) peak = used; if ($c["OU"] > old) old = $c["OU"]; samples++
        if (!first) { y0 = $c["YGC"]; first = 1 }; y = $c["YGC"] }
    END { printf "during the export (jstat -gc every 0.2 s, %d samples): peak heap used %.0f MB, peak old generation %.0f MB, %d young collections\n",
              samples, peak / 1024, old / 1024, y - y0 }' "$workdir/jstat-export.log"
echo "after the export: $(heap after-export); $(rss)"

service_stop
cp "$workdir/service.log" "$keep-service.log"
cp "$workdir/jstat.log" "$keep-jstat.log"
cp "$workdir/jstat-export.log" "$keep-jstat-export.log"
cp "$workdir/rss.log" "$keep-rss.log"
for h in before halfway after before-export after-export; do [ ! -f "$workdir/histogram-$h.txt" ] || cp "$workdir/histogram-$h.txt" "$keep-histogram-$h.txt"; done
echo "logs: $keep-{service,jstat,jstat-export,rss}.log, $keep-histogram-{before,halfway,after,before-export,after-export}.txt; service log lines with WARN or ERROR: $(grep -cE ' (WARN|ERROR) ' "$keep-service.log" || true)"
