#!/usr/bin/env bash
# End-to-end: annals code prints one JSON record per event with its
# evidence, reads standard input, and refuses a bad dictionary by FILE:LINE.
# Usage: code_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"

check "code --help" bash -c "'$annals' code --help | grep -q '^Usage: annals code'"
"$annals" code >/dev/null 2>&1
check "code without input exits 102" test $? -eq 102

cat >"$work/story.txt" <<'TXT'
Israeli Defence Minister Yoav Gallant met Antony Blinken in Washington on Monday.
Israel and Egypt did not attack Hamas on Monday, Matthew Miller said.
TXT
"$annals" code --quiet "$work/story.txt" >"$work/events.jsonl" 2>"$work/err.txt"
check "code exits 0" test $? -eq 0
check "records carry codes, actors, flags and evidence" python3 - "$work/events.jsonl" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
meet = [e for e in events if e['root'] == '04']
assert meet, events
m = meet[0]
assert m['source']['code'] == 'ISRGOV' and m['source']['name'] == 'Yoav Gallant', m
assert m['target']['code'] == 'USAGOV' and m['target']['role'] == 'Secretary of State', m
assert m['evidence']['where'].startswith('dict/verbs/04-'), m
assert m['source']['evidence']['where'].startswith('dict/people/'), m
assert m['quad_class'] == 1 and m['plover']['event'] == 'CONSULT', m
assert m['source']['country'] == 'ISR' and m['target']['country'] == 'USA', m
# places.v1: where it happened, and where the actors are from.
assert m['place']['text'] == 'Washington' and m['place']['country'] == 'US', m
assert m['place']['evidence']['rule'].startswith('places.v1'), m
attacks = [e for e in events if e['root'] in ('18', '19')]
assert {e['source']['code'] for e in attacks} == {'ISR', 'EGY'}, attacks
for e in attacks:
    assert e['negated'] and e['target']['code'].startswith('PSE'), e
    assert e['attribution']['name'] == 'Matthew Miller', e
PY

"$annals" code --quiet - <"$work/story.txt" >"$work/stdin.jsonl" 2>/dev/null
check "standard input codes the same events" python3 - "$work/events.jsonl" "$work/stdin.jsonl" <<'PY'
import json, sys
key = lambda p: [(e['code'], e['source'] and e['source']['code'], e['target'] and e['target']['code'])
                 for e in map(json.loads, open(p))]
assert key(sys.argv[1]) == key(sys.argv[2]) and key(sys.argv[1])
PY

# A broken dictionary stops the run before any article, naming the line.
cp -r "$src/data" "$work/data"
printf 'ISR | Israel\n' >>"$work/data/dict/countries.txt"
"$annals" code --quiet --data "$work/data" "$work/story.txt" >/dev/null 2>"$work/bad.txt"
check "bad dictionary exits 101" test $? -eq 101
check "the error names file and line" grep -q "countries.txt:[0-9]*: expected 4 fields" "$work/bad.txt"

echo "code_test: $passes passed, $failures failed"
test "$failures" -eq 0
