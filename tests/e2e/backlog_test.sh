#!/usr/bin/env bash
# Back-pressure end to end (docs/distributed.md): `annals enqueue
# --max-backlog-kb N` fills the work stream up to N KB, says it waits and
# waits while no worker runs; once a worker takes messages off the stream
# it publishes the rest and exits 0, and the worker's store holds what the
# single-process `annals ingest` of the same input holds, every document
# once. Input: the BBC validation split (334 articles), samples/ without
# ../shared. Skipped (77) without nats-server.
# Usage: backlog_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
source "$src/tests/e2e/lib/nats.sh"
nats_require
shared=${ANNALS_SHARED:-$src/../shared}
if [[ -f "$shared/corpora/bbc-news/val.csv" ]]; then
  corpus=$shared/corpora/bbc-news/val.csv
  limit_kb=64
else
  echo "note: no $shared/corpora/bbc-news (set ANNALS_SHARED); using samples/"
  corpus=$src/samples
  limit_kb=2
fi
work=$(mktemp -d)
source "$src/tests/e2e/check.sh"
enqueue_pid=
worker_pid=
cleanup() {
  for p in $enqueue_pid $worker_pid; do kill -9 "$p" 2>/dev/null; done
  nats_stop >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
nats_start "$work" || exit 1

"$annals" ingest "$corpus" --db "$work/ref.db" --quiet >/dev/null 2>&1
check "single-process ingest exits 0" test $? -eq 0

"$annals" enqueue "$corpus" --nats "$NATS_URL" --stream BP --max-backlog-kb "$limit_kb" \
  >"$work/enqueue.out" 2>"$work/enqueue.err" &
enqueue_pid=$!
for _ in $(seq 200); do
  grep -q "waiting for workers to make room" "$work/enqueue.err" && break
  sleep 0.1
done
check "enqueue says the stream is full and it waits" \
  grep -q "over --max-backlog-kb $limit_kb; waiting for workers to make room" "$work/enqueue.err"
sleep 1
check "enqueue keeps waiting while no worker runs" kill -0 "$enqueue_pid"
held=$("$annals" status --nats "$NATS_URL" --stream BP --json |
  python3 -c "import json,sys; print(json.load(sys.stdin)['stream_bytes'])")
echo "the stream holds $held bytes (limit $((limit_kb * 1024)))"
# The limit counts message bodies; the server's size adds a little per
# message (subject, headers).
check "the stream holds about the limit, not more" test "$held" -le $((limit_kb * 1024 * 11 / 10))
check "the stream is not empty" test "$held" -gt 0

"$annals" worker --nats "$NATS_URL" --stream BP --db "$work/worker.db" --quiet \
  >"$work/worker.out" 2>&1 &
worker_pid=$!
for _ in $(seq 1200); do
  kill -0 "$enqueue_pid" 2>/dev/null || break
  sleep 0.1
done
wait "$enqueue_pid"
check "enqueue finishes once the worker makes room, exit 0" test $? -eq 0
enqueue_pid=
cat "$work/enqueue.out"
check "enqueue says how many records waited" grep -q "records waited for room" "$work/enqueue.out"
"$annals" status --nats "$NATS_URL" --stream BP --wait 120 --db "$work/worker.db"
check "every message done" test $? -eq 0
kill "$worker_pid" 2>/dev/null
wait "$worker_pid" 2>/dev/null
worker_pid=

"$annals" list --db "$work/ref.db" --limit 1000000 | sort >"$work/ids.ref"
"$annals" list --db "$work/worker.db" --limit 1000000 | sort >"$work/ids.worker"
check "the worker stored the documents ingest stores" cmp -s "$work/ids.ref" "$work/ids.worker"
check "each once" test "$(uniq -d "$work/ids.worker" | wc -l)" -eq 0
"$annals" export --gdelt-events --db "$work/ref.db" | sort >"$work/events.ref"
"$annals" export --gdelt-events --db "$work/worker.db" | sort >"$work/events.worker"
check "and the same events" cmp -s "$work/events.ref" "$work/events.worker"

echo "backlog_test: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
