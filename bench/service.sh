# Sourced by the bench scripts (not run): the packaged service (target/quarkus-app) with the demo data, on a fresh
# embedded PostgreSQL in a temporary folder, listening on a free loopback port. Stopped, and the folder removed, when
# the sourcing script exits. Needs only a JDK and curl; builds the package first when it is missing.
#   service_start   starts it and waits until ready: sets pid, ready_ms
#   service_stop    stops it (a later service_start restarts it on the same data)
# Also sets: port (BENCH_PORT, or the first free one from 18080), base_url (http://127.0.0.1:port), workdir.
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

service_start() {
    local began
    began=$(date +%s%N)
    java -Dretention.demo.enabled=true -Dretention.embedded-postgres.data-dir="$workdir/pg" \
         -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
         -jar target/quarkus-app/quarkus-run.jar > "$workdir/service.log" 2>&1 &
    pid=$!
    until curl -sf "$base_url/q/health/ready" > /dev/null; do
        kill -0 "$pid" 2> /dev/null || { cat "$workdir/service.log" >&2; exit 1; }
        sleep 0.1
    done
    ready_ms=$(( ($(date +%s%N) - began) / 1000000 ))
}
