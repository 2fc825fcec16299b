#!/usr/bin/env bash
# The contact check under concurrent load, beside the service's own floor, in one run of one service: wrk (Debian
# package wrk) against GET /q/health (no caller, no database), GET /api/global-facts (the cheapest call with a caller:
# one small query) and POST /api/customers/{id}/contact-check (each request a demo customer in turn), one after the
# other, after a warm-up of the contact check long enough for the JIT. Starts the packaged service on a fresh embedded
# PostgreSQL with the demo base (bench/service.sh), measures, stops it.
#   bench/contact-check-load.sh [customers] [seconds] [connections] [warm-up seconds]   (default 3000 30 32 90)
set -euo pipefail
customers=${1:-3000}
seconds=${2:-30}
connections=${3:-32}
warmup=${4:-90}
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dretention.demo.customers=$customers"
source "$(dirname "$0")/service.sh"

service_start
echo "service ready in ${ready_ms} ms with $customers demo customers; $(git rev-parse --short HEAD 2> /dev/null || echo '?'); $(nproc) cores, wrk on the same machine"
wait_for_idle

cat > "$workdir/check.lua" <<LUA
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $crm_key"
wrk.body = '{"channel": "EMAIL", "purpose": "VALUE"}'
request = function()
    n = n % $customers + 1
    return wrk.format(nil, string.format("/api/customers/DEMO-C%04d/contact-check", n))
end
LUA
cat > "$workdir/key.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $admin_key"
LUA
postmaster=$(head -1 "$workdir/pg/postmaster.pid")
cpu_ms() { # CPU time (user + system, ms) of the given processes
    local total=0 p
    for p in "$@"; do
        [ -r "/proc/$p/stat" ] && total=$((total + $(awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$p/stat")))
    done
    echo "$total"
}
postgres_cpu() { cpu_ms "$postmaster" $(pgrep -P "$postmaster" || true); } # backends that ended are not counted
run() { # $1 label, then wrk arguments: prints requests/s, p50, p99, errors and the CPU per request of the service and PostgreSQL
    local label=$1 out service_before pg_before
    shift
    service_before=$(cpu_ms "$pid")
    pg_before=$(postgres_cpu)
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
    local requests
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    echo "$label: $(echo "$out" | awk '/Requests\/sec/ { print $2 " requests/s" }'), p50 $(echo "$out" | awk '$1 == "50%" { print $2 }'), p99 $(echo "$out" | awk '$1 == "99%" { print $2 }'); CPU per request: service $(awk -v c=$(( $(cpu_ms "$pid") - service_before )) -v n="$requests" 'BEGIN { printf "%.3f", c / n }') ms, PostgreSQL $(awk -v c=$(( $(postgres_cpu) - pg_before )) -v n="$requests" 'BEGIN { printf "%.3f", c / n }') ms $(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)"
}
wrk -t2 -c"$connections" -d"${warmup}s" -s "$workdir/check.lua" "$base_url" > /dev/null # warm-up: the JIT, the plans
run "GET /q/health" "$base_url/q/health"
run "GET /api/global-facts" -s "$workdir/key.lua" "$base_url/api/global-facts"
run "POST contact-check" -s "$workdir/check.lua" "$base_url"
checks=$(curl -s -H "Authorization: Bearer $admin_key" "$base_url/q/metrics" | awk '/^retention_contact_checks_total/ { sum += $2 } END { print sum }')
echo "contact checks answered and counted by the service: $checks"
