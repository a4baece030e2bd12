#!/usr/bin/env bash
# Every document annals prints (process and show, on the bundled samples and
# the golden inputs) is valid against docs/document.schema.json. Skipped
# (77) when python3's jsonschema (Debian python3-jsonschema) is missing.
# Usage: schema_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "SKIP: python3 jsonschema is not installed"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$annals" process "$src/samples" "$src"/tests/golden/*/input.* --format jsonl --quiet \
  >"$work/docs.jsonl" || exit 1
"$annals" ingest "$src/samples" --db "$work/s.db" --quiet >/dev/null || exit 1
for id in $("$annals" list --db "$work/s.db"); do
  "$annals" show "$id" --db "$work/s.db" | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)))"
done >>"$work/docs.jsonl"
python3 - "$src/docs/document.schema.json" "$work/docs.jsonl" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.validators.validator_for(schema)(schema)
n = bad = 0
for line in open(sys.argv[2]):
    doc = json.loads(line)
    n += 1
    for e in validator.iter_errors(doc):
        bad += 1
        print(f"{doc.get('id')}: {'/'.join(map(str, e.path))}: {e.message}")
print(f"{n} documents checked, {bad} schema errors")
sys.exit(1 if bad or n == 0 else 0)
PY
