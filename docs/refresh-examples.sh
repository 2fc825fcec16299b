#!/usr/bin/env bash
# Refreshes the example outputs the documentation quotes from a real run of this version: starts the packaged service
# with the demo data (bench/service.sh: a fresh embedded PostgreSQL, a free port), asks what the examples ask, and
# writes the answers into the pages. Review the diff before committing: numbers move with the demo's dates.
#   docs/refresh-examples.sh        (needs a JDK, curl, zip and python3; builds the package when it is missing)
# Refreshes: the advice of DEMO-C0005 (README.md, cut down; docs/api.md, whole), the sales-email check of DEMO-C0017
# (docs/api.md), the back-test report (docs/backtest-and-calibration.md), and in rules/README.md the analyst's round
# (NPS_DETRACTOR 30 -> 45): the live and candidate versions and the published rule count; and docs/openapi.json, the
# served OpenAPI document (OpenApiContractTest fails when it differs; the build generates its test client from it).
set -euo pipefail
source "$(dirname "$0")/../bench/service.sh"
command -v python3 > /dev/null || { echo "python3 is needed" >&2; exit 1; }
command -v zip > /dev/null || { echo "zip is needed: apt-get install zip" >&2; exit 1; }
out="$workdir/examples"
mkdir -p "$out"
service_start
echo "service ready in $ready_ms ms; asking the examples' questions"
crm="Authorization: Bearer $crm_key"
analyst="Authorization: Bearer $analyst_key"
curl -sf "$base_url/q/openapi?format=json" > docs/openapi.json
curl -sf -H "$crm" "$base_url/api/customers/DEMO-C0005/advice" > "$out/advice.json"
curl -sf -H "$crm" -H 'Content-Type: application/json' -d '{"channel": "EMAIL", "purpose": "SALES"}' \
    "$base_url/api/customers/DEMO-C0017/contact-check" > "$out/check.json"
cutoff=$(date -u -d '180 days ago' +%FT%TZ)
location=$(curl -s -i -X POST -H "$analyst" "$base_url/api/rules/backtest?cutoff=$cutoff&horizon=P90D&outcome=NO_ORDER" \
    | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
until curl -s -H "$analyst" "$location?waitSeconds=60" > "$out/backtest.json" && grep -q '"state":"DONE"' "$out/backtest.json"; do :; done
# The analyst's round of rules/README.md: a detractor weighs 45 instead of 30, its scenario updated, published.
cp -r rules "$out/my-rules"
find "$out/my-rules" -name '*.md' -delete
sed -i 's/^Weight of NPS_DETRACTOR,NPS_DETRACTOR,30,"Sign, set by hand",$/Weight of NPS_DETRACTOR,NPS_DETRACTOR,45,"Sign, set by hand: detractors churn twice as often",/' \
    "$out/my-rules/risk-levels/sign-weights.drl.csv"
line=$(grep -n "name: Signs add up" "$out/my-rules/tests/risk-levels.yaml" | cut -d: -f1)
sed -i "${line},$((line + 12))s/score: 160/score: 175/" "$out/my-rules/tests/risk-levels.yaml"
(cd "$out/my-rules" && zip -qr ../my-rules.zip .)
curl -sf -H "$analyst" -H 'Content-Type: application/zip' --data-binary @"$out/my-rules.zip" \
    --url-query 'comment=Detractors weigh 45: they churn twice as often' "$base_url/api/rules/publish" > "$out/publish.json"

python3 - "$out" <<'PY'
import json, pathlib, re, sys
out = pathlib.Path(sys.argv[1])
d = lambda o: json.dumps(o, ensure_ascii=False)
a = json.loads((out / 'advice.json').read_text())

def advice_block(full):
    r = a['risk']
    lines = ['{', f'  "customerId": {d(a["customerId"])}, "asOf": {d(a["asOf"])},',
             f'  "risk": {{"score": {r["score"]}, "basePoints": {r["basePoints"]}, "level": {d(r["level"])}, "levelRule": {d(r["levelRule"])},']
    def items(name, values, indent, keep, tail):
        chosen = values if full else [v for v in values if v['code'] in keep]
        rows = [indent + '  ' + d(v) for v in chosen]
        if len(chosen) < len(values):
            rows.append(indent + '  …')
        lines.extend([f'{indent}"{name}": [', ',\n'.join(rows), indent + ']' + tail])
    items('signs', r['signs'], '    ', {'NPS_DETRACTOR', 'OPEN_COMPLAINT', 'LAPSED_BUYER'}, ',')
    items('strengths', r['strengths'], '    ', {s['code'] for s in r['strengths'][:1]}, '},')
    lines.append(f'  "stage": {d(a["stage"])}, "stageRule": {d(a["stageRule"])},')
    lines.append(f'  "customerValue": {d(a["customerValue"])},' if full else '  …')
    items('actions', a['actions'], '  ', {x['code'] for x in a['actions']}, ',')
    items('suppressed', a['suppressed'], '  ', {'WIN_BACK_OFFER'}, ',')
    lines.append(f'  "contact": {d(a["contact"])},')
    lines.append(f'  "crmNotices": {d(a["crmNotices"])},' if full else '  …')
    lines.append(f'  "rulesetVersion": {d(a["rulesetVersion"])},')
    fired, shown = a['firedRules'], 3 if full else 1
    lines.append(f'  "firedRules": [{", ".join(d(x) for x in fired[:shown])}, … {len(fired) - shown} more]')
    lines.append('}')
    return '\n'.join(lines)

def replace_block(page, after, text):
    """Replaces what follows the line `after` up to the end of its fenced block."""
    path = pathlib.Path(page)
    body = path.read_text()
    start = body.index(after) + len(after)
    end = body.index('\n```', start)
    path.write_text(body[:start] + text + body[end:])

advice_call = '$ curl -H "Authorization: Bearer $CRM_KEY" localhost:8080/api/customers/DEMO-C0005/advice\n'
replace_block('README.md', advice_call, advice_block(False))
replace_block('docs/api.md', advice_call, advice_block(True))
replace_block('docs/api.md', '''       -d '{"channel": "EMAIL", "purpose": "SALES"}'\n''',
              json.dumps(json.loads((out / 'check.json').read_text()), indent=4, ensure_ascii=False))

job = json.loads((out / 'backtest.json').read_text())
report = job['report']
rows = []
for i, (key, value) in enumerate(report.items()):
    comma = ',' if i < len(report) - 1 else ''
    if isinstance(value, list) and value:
        rows += [f'  "{key}": [', ',\n'.join('    ' + d(v) for v in value), '  ]' + comma]
    else:
        rows.append(f'  "{key}": {d(value)}{comma}')
page = pathlib.Path('docs/backtest-and-calibration.md')
text = page.read_text()
text = text.replace(re.search(r'backtests/([0-9a-f-]{36})', text).group(1), job['id'])
page.write_text(text)
replace_block('docs/backtest-and-calibration.md', '"percent":100,…,"report":\n', '{\n' + '\n'.join(rows) + '\n}}')

published = json.loads((out / 'publish.json').read_text())
guide = pathlib.Path('rules/README.md')
text = guide.read_text()
live, candidate = re.search(r'"liveVersion" : "([0-9a-f]{12})", "candidateVersion" : "([0-9a-f]{12})"', text).groups()
text = text.replace(live, published['previousVersion']).replace(candidate, published['version'])
text = re.sub(r'"rules":\d+,"scenariosPassed":\d+', f'"rules":{published["rules"]},"scenariosPassed":{published["scenariosPassed"]}', text)
guide.write_text(text)
print(f'ruleset {published["previousVersion"]}; the analyst\'s candidate {published["version"]}')
PY
echo "refreshed: README.md docs/api.md docs/backtest-and-calibration.md rules/README.md (git diff shows what moved)"
