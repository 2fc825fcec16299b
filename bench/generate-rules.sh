#!/usr/bin/env bash
# Writes a rules folder of TOTAL rules for the reload benchmarks: the shipped rules/ plus generated segment-specific
# churn signs (bench/rules/GenerateRules.java: segments GEN-001 …, which no scenario and no demo customer uses, so
# the shipped scenarios still pass). Counts the shipped rules and checks the result with the packaged CLI
# (`rules check`), building the package first when it is missing.
#   bench/generate-rules.sh <new folder> [total]        (default 1000; the folder must not exist or be empty)
# The folder is output, not source: put it in a temporary folder, never commit it.
set -euo pipefail
out=${1:?usage: bench/generate-rules.sh <new folder> [total rules]}
total=${2:-1000}
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests
rules_in() { java -jar target/quarkus-app/quarkus-run.jar rules check --dir "$1" | sed -n '1s/.* compiles: \([0-9]*\) rules$/\1/p'; }
shipped=$(rules_in rules)
[ -n "$shipped" ] || { echo "the shipped rules do not compile" >&2; exit 1; }
[ "$total" -ge "$shipped" ] || { echo "rules/ already has $shipped rules, more than $total" >&2; exit 1; }
java bench/rules/GenerateRules.java --from rules --to "$out" --count $((total - shipped))
got=$(rules_in "$out")
echo "$out: $got rules ($shipped shipped + $((got - shipped)) generated)"
[ "$got" = "$total" ] || { echo "expected $total rules, the folder compiles to ${got:-nothing}" >&2; exit 1; }
