#!/usr/bin/env bash
# Advice quality on a real purchase log: loads ../shared/data/online-retail-invoices.csv.gz (UCI Online Retail, see
# ../shared/data/README.md) into a fresh service through the public batch API (bench/load/PurchaseLogLoader.java:
# customers, and every invoice that is not a cancellation as a WON deal), then back-tests the live rules at the two
# cut-offs of the data's evaluation protocol (outcome NO_ORDER: no order within the holdout) and prints, per cut-off,
# the ROC AUC, the lift of the top decile and the churn rate per risk level (bench/load/RealDataBacktest.java).
#   bench/real-data.sh                      the shipped rules
#   bench/real-data.sh --calibrate A        also fit the weights at cut-off A (POST /api/rules/calibration), back-test
#                                           the proposal at A and B, and keep it in bench/target/real-data/proposal/
#   bench/real-data.sh --advice N           then the cost of advice on this data: N sequential GET …/advice?asOf=<cut-off
#                                           A> over one kept-alive connection, round-robin over the customers (after N
#                                           warm-up calls): client latency, and the service's own time per advice
#                                           (retention_advice_seconds: facts, rules, the answer composed and stored)
# REAL_DATA (default ../shared/data/online-retail-invoices.csv.gz) names another log of the same columns;
# BENCH_BUILD=0 uses the package there is. The service runs on a fresh embedded PostgreSQL in a temporary folder,
# loopback only, and is removed at the end; the full reports are kept in bench/target/real-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${REAL_DATA:-../shared/data/online-retail-invoices.csv.gz}
[ -f "$data" ] || { echo "the purchase log $data is missing (REAL_DATA names another)" >&2; exit 1; }
calibrate=()
advice_calls=0
usage() { echo "usage: bench/real-data.sh [--calibrate A|B] [--advice N]" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --calibrate) [ -n "${2:-}" ] || usage; calibrate=(--calibrate "$2" --proposal-dir bench/target/real-data/proposal); shift 2 ;;
        --advice) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; advice_calls=$2; shift 2 ;;
        *) usage ;;
    esac
done

if [ "${BENCH_BUILD:-1}" != 0 ]; then
    echo "building the service (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests
fi
# No demo data (so no demo callers: the bootstrap admin's key loads and back-tests), nothing scheduled, no evaluation
# on ingest: the base is the log alone and the back-tests see only it.
BENCH_JAVA_OPTS="-Dretention.demo.enabled=false -Dretention.evaluation.cron=off -Dretention.digest.cron=off \
-Dretention.evaluation.on-ingest=false ${BENCH_JAVA_OPTS:-}"
source bench/service.sh
service_start
echo "service ready in ${ready_ms} ms at $base_url (commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes'))"

RETENTION_API_KEY=$admin_key java bench/load/PurchaseLogLoader.java --data "$data" --url "$base_url"
mkdir -p bench/target/real-data
# The cut-offs and holdouts of ../shared/data/README.md ("Evaluating churn advice on it").
RETENTION_API_KEY=$admin_key java -cp 'target/quarkus-app/lib/main/*' bench/load/RealDataBacktest.java --url "$base_url" \
    --cutoff A=2011-09-09T23:00:00Z/P91D --cutoff B=2011-06-09T23:00:00Z/P92D \
    --report-dir bench/target/real-data ${calibrate[@]+"${calibrate[@]}"}
cat <<'EOF'
Anchors on the same split (../shared/data/README.md), ROC AUC at A / B:
  recency 0.683 / 0.670, frequency 0.722 / 0.727, RFM quintile score 0.739 / 0.748,
  overdue 0.675 / 0.661, BG/NBD 0.729 / 0.661, logistic regression on log R, F, M and tenure 0.734 / 0.744
EOF

if [ "$advice_calls" -gt 0 ]; then
    ids=$(zcat -f "$data" | awk -F, 'NR > 1 && $7 == "false" { print $1 }' | sort -u)
    conf="$workdir/advice.conf"
    printf 'header = "Authorization: Bearer %s"\n' "$admin_key" > "$conf"
    i=0
    while [ "$i" -lt "$advice_calls" ]; do
        for id in $ids; do
            [ "$i" -lt "$advice_calls" ] || break
            printf 'url = "%s/api/customers/RETAIL-%s/advice?asOf=2011-09-09T23:00:00Z"\noutput = /dev/null\n' "$base_url" "$id"
            i=$((i + 1))
        done
    done >> "$conf"
    # "<sum> <count>" of the service's advice timer (count first in the exposition, so read by name).
    timer() { curl -s -H "Authorization: Bearer $admin_key" "$base_url/q/metrics" \
        | awk '/^retention_advice_seconds_sum/ { s = $2 } /^retention_advice_seconds_count/ { c = $2 } END { print s + 0, c + 0 }'; }
    curl -s -K "$conf" -w '%{http_code}\n' > /dev/null # warm-up
    read -r sum0 count0 < <(timer)
    curl -s -K "$conf" -w '%{http_code} %{time_total}\n' > "$workdir/advice-times"
    read -r sum1 count1 < <(timer)
    echo "advice on the real log: $advice_calls sequential calls, non-200 answers: $(awk '$1 != 200' "$workdir/advice-times" | wc -l)"
    awk '{ print $2 * 1000 }' "$workdir/advice-times" | sort -n | awk '{ v[NR] = $1 } END {
        printf "client latency ms: p50 %.2f  p90 %.2f  p99 %.2f\n", v[int(NR * 0.5)], v[int(NR * 0.9)], v[int(NR * 0.99)] }'
    awk -v s="$sum1" -v s0="$sum0" -v c="$count1" -v c0="$count0" 'BEGIN {
        printf "the service'"'"'s own time per advice (retention_advice_seconds): %.3f ms\n", 1000 * (s - s0) / (c - c0) }'
fi
