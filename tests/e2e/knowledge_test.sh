#!/usr/bin/env bash
# End-to-end: annals knowledge on the golden sets (floors of 0.9 precision
# and recall each, as issue 6 asks) and on the seed story; the seed stored
# and exported in the GKG 2.1 layout and as JSON.
# Usage: knowledge_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"

check "knowledge --help" bash -c "'$annals' knowledge --help | grep -q '^Usage: annals knowledge'"
"$annals" knowledge >/dev/null 2>&1
check "knowledge without input exits 102" test $? -eq 102

"$annals" knowledge --evaluate "$src/tests/golden/knowledge" >"$work/score.txt" 2>"$work/err.txt"
check "knowledge --evaluate exits 0" test $? -eq 0
cat "$work/score.txt"
check "quotes, counts and dates at 0.9 precision and recall or better" python3 - "$work/score.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
for kind in ("quotes", "counts", "dates"):
    m = re.search(kind + r".*precision ([\d.]+)\s+recall ([\d.]+)", t)
    assert m, kind
    assert float(m.group(1)) >= 0.9 and float(m.group(2)) >= 0.9, (kind, m.groups())
assert int(re.search(r"documents (\d+)", t).group(1)) >= 150
PY

shared=${ANNALS_SHARED:-$src/../shared}
seed=$shared/seeds/000_1b7eb2aa31f96f21.txt
if [ ! -f "$seed" ]; then
  echo "knowledge_test: ../shared is absent (set ANNALS_SHARED); the seed story part skipped"
else
  "$annals" knowledge "$seed" >"$work/seed.jsonl" 2>"$work/err.txt"
  check "knowledge exits 0 on the seed" test $? -eq 0
  check "seed knowledge" python3 - "$work/seed.jsonl" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).readline())
speakers = {(q["speaker"], q["reported_by"]) for q in d["quotes"]}
assert ("Blinken", "Matthew Miller") in speakers, speakers
assert any(q["speaker"] == "the White House" for q in d["quotes"]), speakers
counts = {(c["value"], c["type"], c["qualifier"]) for c in d["counts"]}
for want in [(1400000, "displaced", "at_least"), (32000, "killed", "at_least"),
             (130, "captive", "at_least")]:
    assert want in counts, (want, counts)
assert {"text": "on Monday", "resolved": "2024-03-25"}.items() <= d["dates"][0].items()
assert d["tone"]["tone"] < -1.5, d["tone"]
assert any(f["term"] == "killing spree" for f in d["framings"])
for q in d["quotes"]:
    assert q["evidence"]["rule"].startswith("knowledge.v1:quote:"), q
PY
  "$annals" ingest --db "$work/s.db" "$seed" >/dev/null 2>&1
  check "seed ingests" test $? -eq 0
  "$annals" export --gdelt-gkg --header --db "$work/s.db" >"$work/gkg.tsv" 2>"$work/err.txt"
  check "export --gdelt-gkg exits 0" test $? -eq 0
  check "GKG row has 27 columns, counts, tone and quotations" python3 - "$work/gkg.tsv" <<'PY'
import sys
head, row = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
assert len(head) == 27 and len(row) == 27, (len(head), len(row))
f = dict(zip(head, row))
assert "KILL#32000#Palestinian civilians" in f["V1COUNTS"], f["V1COUNTS"]
assert f["V1.5TONE"].startswith("-"), f["V1.5TONE"]
assert "|said|" in f["V2.1QUOTATIONS"] or "|told|" in f["V2.1QUOTATIONS"], f["V2.1QUOTATIONS"]
assert "CONFLICT" in f["V1THEMES"].split(";"), f["V1THEMES"]
assert f["V2.1DATE"] == "20240326221600", f["V2.1DATE"]
PY
  "$annals" export --gdelt-gkg --json --db "$work/s.db" >"$work/gkg.jsonl" 2>"$work/err.txt"
  check "export --gdelt-gkg --json is one JSON object per document" python3 -c "
import json, sys
rows = [json.loads(l) for l in open('$work/gkg.jsonl')]
assert len(rows) == 1 and rows[0]['quotations'] and rows[0]['counts'], rows
"
  "$annals" export --gdelt-gkg --gdelt-events --db "$work/s.db" >/dev/null 2>&1
  check "two layouts at once is a usage error" test $? -eq 102
fi

echo "knowledge_test: $passes passed, $failures failed"
test "$failures" -eq 0
