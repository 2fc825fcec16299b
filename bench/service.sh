# Sourced by the bench scripts (not run): the packaged service (target/quarkus-app) with the demo data, on a fresh
# embedded PostgreSQL in a temporary folder, listening on a free loopback port. Stopped, and the folder removed, when
# the sourcing script exits. Needs only a JDK and curl; builds the package first when it is missing.
#   service_start   starts it and waits until ready: sets pid, ready_ms
#   service_stop    stops it (a later service_start restarts it on the same data)
#   wait_for_idle   waits (polling every BENCH_IDLE_POLL s, default 30, at most BENCH_IDLE_MAX s, default 600) until
#                   the 1-minute load average is below BENCH_IDLE_LOAD (default 1.0); prints the load average and
#                   what else takes CPU (other_processes); goes on, saying so, when the machine stays busy
#   other_processes prints the processes not started by this script that used more than 5% of a core in the last 2 s
# Also sets: port (BENCH_PORT, or the first free one from 18080), base_url (http://127.0.0.1:port), workdir, and the
# API keys the demo's callers get (chosen here, passed as RETENTION_DEMO_CRM_KEY / _ANALYST_KEY): crm_key for advice,
# analyst_key for publishing, rollbacks and simulations, admin_key (the bootstrap admin's, also without the demo) for
# batch evaluations; crm_key is also exported as RETENTION_API_KEY (the CRM's) for the load
# driver, bench/load/ConstantRateLoad.java.
# BENCH_JAVA_OPTS: further JVM options for the service, split at spaces, e.g.
#   BENCH_JAVA_OPTS="-Dretention.rules.uploads-enabled=true -Dretention.demo.customers=3000"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pid=""
workdir=$(mktemp -d)
service_stop() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
trap 'service_stop; rm -rf "$workdir"' EXIT

command -v curl > /dev/null || { echo "curl is needed: apt-get install curl" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

port_taken() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
if [ -n "${BENCH_PORT:-}" ]; then
    port=$BENCH_PORT
    if port_taken "$port"; then echo "port $port is taken: stop what runs there or set another BENCH_PORT" >&2; exit 1; fi
else
    port=18080
    while port_taken "$port"; do
        port=$((port + 1))
        [ "$port" -lt 18200 ] || { echo "no free port in 18080-18199: set BENCH_PORT" >&2; exit 1; }
    done
fi
base_url="http://127.0.0.1:$port"

new_key() { printf 'ra_bench_%s' "$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"; }
crm_key=$(new_key)
analyst_key=$(new_key)
admin_key=$(new_key) # the bootstrap admin's (RETENTION_SECURITY_BOOTSTRAP_ADMIN_KEY): batch evaluations
export RETENTION_API_KEY=$crm_key

service_start() {
    local began
    began=$(date +%s%N)
    local -a extra=()
    read -r -a extra <<< "${BENCH_JAVA_OPTS:-}"
    # The load drivers are one caller each and go faster than one caller may (200 requests/s): the limit is lifted.
    RETENTION_DEMO_CRM_KEY=$crm_key RETENTION_DEMO_ANALYST_KEY=$analyst_key RETENTION_SECURITY_BOOTSTRAP_ADMIN_KEY=$admin_key \
    java -Dretention.demo.enabled=true -Dretention.embedded-postgres.data-dir="$workdir/pg" \
         -Dretention.limits.requests-per-second=1000000 -Dretention.limits.burst=1000000 \
         -Dquarkus.log.console.json.enabled=false \
         -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" ${extra[@]+"${extra[@]}"} \
         -jar target/quarkus-app/quarkus-run.jar > "$workdir/service.log" 2>&1 &
    pid=$!
    until curl -sf "$base_url/q/health/ready" > /dev/null; do
        kill -0 "$pid" 2> /dev/null || { cat "$workdir/service.log" >&2; exit 1; }
        sleep 0.1
    done
    ready_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}

# The embedded PostgreSQL's processes: the postmaster and its children (every one calls setsid, so no session holds them all).
postgres_processes() {
    local postmaster
    postmaster=$(head -1 "$workdir/pg/postmaster.pid")
    echo "$postmaster $(pgrep -P "$postmaster" 2> /dev/null | tr '\n' ' ')"
}

# CPU used in the last 2 s by processes other than this script's session (the service, the load driver) and the
# embedded PostgreSQL's: "none" when nothing else took more than 5% of a core.
other_processes() {
    local ours="$$ ${pid:-} ${BASHPID}" p list=""
    for p in $(pgrep -s 0 2> /dev/null || true); do ours="$ours $p"; done
    if [ -f "$workdir/pg/postmaster.pid" ]; then # the embedded PostgreSQL: the postmaster and its children (each in a session of its own)
        for p in $(postgres_processes); do ours="$ours $p"; done
    fi
    local busy what args
    busy=$(top -b -n 2 -d 2 -w 200 -o %CPU 2> /dev/null | awk -v ours=" $ours " '
        /^top -/ { frame++ } frame == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 > 5 && index(ours, " " $1 " ") == 0 {
            printf "%s %s %.0f\n", $1, $12, $9 }' | head -5 || true)
    while read -r p what cpu; do
        [ -n "$p" ] || continue
        args=$(ps -o args= -p "$p" 2> /dev/null || true)
        case "$args" in
            *plexus-classworlds*) what="maven" ;;
            *surefire*) what="surefire test JVM" ;;
            *quarkus-run.jar*) what="quarkus-run.jar" ;;
            *benchmarks.jar*) what="JMH" ;;
        esac
        list="$list${list:+, }$p $what in $(readlink "/proc/$p/cwd" 2> /dev/null || echo ?) ${cpu}%"
    done <<< "$busy"
    echo "$list"
}

wait_for_idle() {
    local limit=${BENCH_IDLE_LOAD:-1.0} max=${BENCH_IDLE_MAX:-600} poll=${BENCH_IDLE_POLL:-30} waited=0 load others
    while :; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$load" -v m="$limit" 'BEGIN { exit !(l < m) }'; then
            break
        fi
        if [ "$waited" -ge "$max" ]; then
            echo "machine still busy after ${waited} s (load average $(cut -d' ' -f1-3 /proc/loadavg)): measuring anyway" >&2
            break
        fi
        sleep "$poll"
        waited=$((waited + poll))
    done
    others=$(other_processes)
    echo "idle check: load average $(cut -d' ' -f1-3 /proc/loadavg) after waiting ${waited} s; other processes using CPU: ${others:-none}"
}

# ruleset_zips <rules folder> <new folder>: writes <new folder>/a.zip, the rules folder as it is (rule files,
# messages, tests/*.yaml; notes left out), and b.zip, the same with the evidence text of NPS_DETRACTOR reworded in
# messages.properties (every shipped scenario still passes, as no scenario reads a text): two ruleset versions to
# publish in turn, each compiled whole.
ruleset_zips() {
    local from=$1 to=$2 v
    for v in a b; do
        mkdir -p "$to/$v"
        cp -r "$from/." "$to/$v"
        find "$to/$v" -name '*.md' -delete
    done
    sed -i 's/^sign\.NPS_DETRACTOR=\(.*\)$/sign.NPS_DETRACTOR=\1 (reworded)/' "$to/b/messages.properties"
    grep -q '^sign\.NPS_DETRACTOR=.* (reworded)$' "$to/b/messages.properties" \
        || { echo "sign.NPS_DETRACTOR was not found in $from/messages.properties" >&2; exit 1; }
    for v in a b; do
        (cd "$to/$v" && zip -qrDX "../$v.zip" .)
    done
}

# publish <zip> <comment without spaces>: POST /api/rules/publish of the zip; prints "<http status> <ms> <version>"
# (the version that went live, or "-" when it was turned away).
publish() {
    local answer status seconds
    answer=$(mktemp -p "$workdir")
    read -r status seconds < <(curl -s --max-time 300 -o "$answer" -w '%{http_code} %{time_total}\n' \
        -H "Authorization: Bearer $analyst_key" -H 'Content-Type: application/zip' --data-binary "@$1" \
        "$base_url/api/rules/publish?publishedBy=bench&comment=$2")
    echo "$status $(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }') $(grep -o '"version":"[^"]*"' "$answer" | head -1 | cut -d'"' -f4 | grep . || echo -)"
    rm -f "$answer"
}

# median of the numbers on stdin, one per line
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
