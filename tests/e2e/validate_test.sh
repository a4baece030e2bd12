#!/usr/bin/env bash
# End-to-end: annals validate on the PETRARCH unit-test records (../shared),
# with a floor on the pass rate so a regression shows. Skips (77) without
# ../shared.
# Usage: validate_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
shared=${ANNALS_SHARED:-$src/../shared}
records=$shared/eval/petrarch2/PETR.UnitTest.records.xml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"

check "validate --help" bash -c "'$annals' validate --help | grep -q '^Usage: annals validate'"
"$annals" validate >/dev/null 2>&1
check "validate without a file exits 102" test $? -eq 102
printf '<Validation></Validation>\n' >"$work/bad.xml"
"$annals" validate "$work/bad.xml" >/dev/null 2>"$work/err.txt"
check "a file without Environment exits 101" test $? -eq 101
check "the error names file and line" grep -q "bad.xml:1: no <Environment>" "$work/err.txt"

if [ ! -f "$records" ]; then
  echo "validate_test: ../shared is absent (set ANNALS_SHARED); the PETRARCH records part skipped"
  echo "validate_test: $passes passed, $failures failed"
  test "$failures" -eq 0 || exit 1
  exit 77
fi
"$annals" validate "$records" --jsonl "$work/records.jsonl" >"$work/out.txt" 2>"$work/err.txt"
check "validate exits 0" test $? -eq 0
check "one JSON line per record" test "$(wc -l <"$work/records.jsonl")" -eq 199
check "pass rate at least 90% of the scored records" python3 - "$work/out.txt" <<'PY'
import sys
total = [l.split('\t') for l in open(sys.argv[1]) if l.startswith('total\t')][0]
passed, scored = int(total[1]), int(total[2])
assert scored == 197 and passed / scored >= 0.90, (passed, scored)
PY

# The same dictionaries code articles through 'annals code', with evidence.
dicts=$(dirname "$records")
printf 'Arnor will abandon full diplomatic ties with Gondor, a senior official said.\n' >"$work/a.txt"
"$annals" code --quiet --tabari-verbs "$dicts/PETR.Validate.verbs.txt" \
  --tabari-actors "$dicts/PETR.Validate.actors.txt" --tabari-agents "$dicts/PETR.Validate.agents.txt" \
  "$work/a.txt" >"$work/tabari.jsonl" 2>"$work/tabari.err"
check "code with TABARI dictionaries exits 0" test $? -eq 0
check "one event, ARN>GON 901, with its lines" python3 - "$work/tabari.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
assert len(events) == 1, events
e = events[0]
assert (e['source']['code'], e['target']['code'], e['code']) == ('ARN', 'GON', '901'), e
assert e['evidence']['where'].startswith('PETR.Validate.verbs.txt:'), e
assert e['source']['evidence']['where'].startswith('PETR.Validate.actors.txt:'), e
PY
"$annals" code --quiet --tabari-verbs "$dicts/PETR.Validate.verbs.txt" "$work/a.txt" >/dev/null 2>&1
check "TABARI coding without actors exits 102" test $? -eq 102

echo "validate_test: $passes passed, $failures failed"
test "$failures" -eq 0
