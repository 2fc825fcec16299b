#!/usr/bin/env bash
# The latency of single contact checks (POST /api/customers/{id}/contact-check), one after another over one kept-alive
# connection, each timed on its own by curl: the median, the 90th and 99th percentiles and the mean, in rounds.
# Starts the packaged service on a fresh embedded PostgreSQL with the demo base (bench/service.sh), measures, stops it.
#   bench/contact-check-latency.sh [customers] [calls a round] [rounds]     (default 3000, 2000, 3)
#   BENCH_PEOPLE=1 also pushes one person for each customer checked and checks the same contacts for that person
#   (POST /api/people/batch; needs a build that has people).
set -euo pipefail
customers=${1:-3000}
calls=${2:-2000}
rounds=${3:-3}
export BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dretention.demo.customers=$customers"
source "$(dirname "$0")/service.sh"
command -v python3 > /dev/null || { echo "python3 is needed to sum up the timings" >&2; exit 1; }

service_start
echo "service ready in ${ready_ms} ms with $customers demo customers; $(git rev-parse --short HEAD 2> /dev/null || echo '?')"
wait_for_idle

checked=$(( calls < customers ? calls : customers ))
if [ "${BENCH_PEOPLE:-0}" = 1 ]; then
    python3 -c "import json; print(json.dumps([{'externalId': 'BENCH-P%04d' % (i + 1), 'customerExternalId': 'DEMO-C%04d' % (i + 1), 'timeZone': 'Europe/Moscow'} for i in range($checked)]))" > "$workdir/people.json"
    curl -sf -o "$workdir/people-answer.json" -H "Authorization: Bearer $crm_key" -H 'Content-Type: application/json' --data-binary @"$workdir/people.json" \
        "$base_url/api/people/batch" || { echo "POST /api/people/batch failed: does this build have people?" >&2; exit 1; }
    echo "people: $(python3 -c "import json; print(json.load(open('$workdir/people-answer.json'))['counts'])")"
fi

round() { # $1 calls, $2 "person" to name each customer's person: prints one time in seconds a line
    : > "$workdir/curl.conf"
    # Each transfer is a block of its own (next): a body given once would be sent with every call.
    for ((i = 0; i < $1; i++)); do
        n=$((i % checked + 1))
        if [ "$2" = person ]; then
            body=$(printf '{\\"channel\\": \\"EMAIL\\", \\"purpose\\": \\"VALUE\\", \\"person\\": \\"BENCH-P%04d\\"}' "$n")
        else
            body='{\"channel\": \"EMAIL\", \"purpose\": \"VALUE\"}'
        fi
        [ "$i" = 0 ] || echo next
        printf 'header = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\nurl = "%s/api/customers/DEMO-C%04d/contact-check"\noutput = /dev/null\nwrite-out = "%%{http_code} %%{time_total}\\n"\ndata = "%s"\n' \
            "$crm_key" "$base_url" "$n" "$body"
    done >> "$workdir/curl.conf"
    curl -s -K "$workdir/curl.conf"
}
summary() { # reads "code seconds" lines
    python3 -c "
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
bad = sum(1 for r in rows if r[0] != '200')
t = sorted(float(r[1]) * 1000 for r in rows)
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
from collections import Counter
codes = ', '.join('%s: %d' % c for c in sorted(Counter(r[0] for r in rows if r[0] != '200').items()))
print('%d calls: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms, non-200: %d%s' % (len(t), q(0.5), q(0.9), q(0.99), sum(t) / len(t), bad, ' (' + codes + ')' if bad else ''))"
}

round "$calls" account > /dev/null # warm-up (the JIT, the plans)
round "$calls" account > /dev/null
for ((r = 1; r <= rounds; r++)); do
    echo "round $r, the account: $(round "$calls" account | summary)"
    if [ "${BENCH_PEOPLE:-0}" = 1 ]; then
        echo "round $r, a person:   $(round "$calls" person | summary)"
    fi
done
