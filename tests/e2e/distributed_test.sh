#!/usr/bin/env bash
# Distributed workers end to end (docs/distributed.md): a nats-server with
# JetStream on a free loopback port, the BBC corpus (samples/ when
# ../shared is absent) enqueued and stored by 1 worker, then by 4 workers
# while one is killed with -9 and nats-server (and PostgreSQL, when the
# store is PostgreSQL) is stopped for a few seconds. Each store must equal
# the single-process `annals ingest` of the same corpus: the same document
# ids (each stored once), the same stats and the same GDELT event rows.
# Skipped (77) without nats-server. Labelled release_only: too slow and too
# timing-dependent under the sanitizers.
# Usage: distributed_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
source "$src/tests/e2e/lib/nats.sh"
nats_require
shared=${ANNALS_SHARED:-$src/../shared}
if [[ -d "$shared/corpora/bbc-news" ]]; then
  corpus=$shared/corpora/bbc-news
else
  echo "note: no $shared/corpora/bbc-news (set ANNALS_SHARED); using samples/"
  corpus=$src/samples
fi
work=$(mktemp -d)
source "$src/tests/e2e/check.sh"
worker_pids=()
use_pg=0
cleanup() {
  for p in "${worker_pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  [[ -n $NATS_PID ]] && kill "$NATS_PID" 2>/dev/null && wait "$NATS_PID" 2>/dev/null
  [[ $use_pg == 1 ]] && pg_stop "$work/pg" immediate >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

url=$NATS_URL

# The stores: PostgreSQL when the helper and a server are there, else SQLite.
if [[ -f "$src/tests/e2e/lib/postgres.sh" ]]; then
  source "$src/tests/e2e/lib/postgres.sh"
  if pg_available && pg_start "$work/pg" >/dev/null; then
    use_pg=1
  fi
fi
new_db() {  # prints the URL or path of a fresh store named $1
  if [[ $use_pg == 1 ]]; then
    pg_createdb "$1"
  else
    echo "$work/$1.db"
  fi
}
echo "store: $([[ $use_pg == 1 ]] && echo PostgreSQL || echo SQLite); corpus: $corpus"

# The reference: one process.
ref=$(new_db ref)
"$annals" ingest "$corpus" --db "$ref" --quiet >"$work/ingest.txt" 2>"$work/ingest.err"
check "single-process ingest exits 0" test $? -eq 0
cat "$work/ingest.txt"
records=$(sed -n 's/^annals ingest: \([0-9]*\) records read.*/\1/p' "$work/ingest.txt")

same_as_ref() {  # $1 what, $2 store
  local what=$1 db=$2
  "$annals" stats --db "$db" --json >"$work/stats.$what.json"
  "$annals" stats --db "$ref" --json >"$work/stats.ref.json"
  check "$what: stats equal the single-process run" \
    python3 - "$work/stats.ref.json" "$work/stats.$what.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    for k in ("path", "db", "store", "bytes_on_disk", "file_bytes"):
        d.pop(k, None)
if a != b:
    print({k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)})
    sys.exit(1)
PY
  "$annals" list --db "$db" --limit 1000000 | sort >"$work/ids.$what"
  "$annals" list --db "$ref" --limit 1000000 | sort >"$work/ids.ref"
  check "$what: the same document ids" cmp -s "$work/ids.ref" "$work/ids.$what"
  check "$what: every document once" test "$(uniq -d "$work/ids.$what" | wc -l)" -eq 0
  "$annals" export --gdelt-events --db "$db" | sort >"$work/events.$what"
  "$annals" export --gdelt-events --db "$ref" | sort >"$work/events.ref"
  check "$what: the same GDELT event rows" cmp -s "$work/events.ref" "$work/events.$what"
  check "$what: events exported" test -s "$work/events.$what"
}

status_field() {  # $1 stream, $2 field
  "$annals" status --nats "$url" --stream "$1" --json 2>/dev/null |
    python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$2" 2>/dev/null
}

nats_start "$work" || exit 1

# --- 1 worker
"$annals" enqueue "$corpus" --nats "$url" --stream ONE --ack-wait 10 --quiet >"$work/enq1.txt"
check "enqueue exits 0" test $? -eq 0
cat "$work/enq1.txt"
check "enqueue reads what ingest reads" grep -q "^annals enqueue: $records records read" "$work/enq1.txt"
"$annals" enqueue "$corpus" --nats "$url" --stream ONE --quiet >"$work/enq1b.txt"
check "enqueueing again queues nothing" grep -q " 0 queued, " "$work/enq1b.txt"
published=$(status_field ONE published)
"$annals" status --nats "$url" --stream ONE --wait 1 >"$work/wait.txt"
check "status --wait exits 1 while work is queued" test $? -eq 1
check "status --wait prints the counts" grep -q "$published published, $published backlog" "$work/wait.txt"
one=$(new_db one)
"$annals" worker --nats "$url" --stream ONE --db "$one" --idle-exit 3 --quiet >"$work/w1.txt" 2>"$work/w1.err"
check "1 worker exits 0" test $? -eq 0
cat "$work/w1.txt"
check "1 worker: no dead letters" test "$(status_field ONE dead_letters)" = 0
check "1 worker: all done" test "$(status_field ONE done)" = "$published"
same_as_ref "1 worker" "$one"

# --- 4 workers, one killed, the queue (and the database) stopped a while
"$annals" enqueue "$corpus" --nats "$url" --stream FOUR --ack-wait 10 --quiet >/dev/null
four=$(new_db four)
for i in 1 2 3 4; do
  "$annals" worker --nats "$url" --stream FOUR --db "$four" --batch 16 --idle-exit 8 --quiet \
    >"$work/w4.$i.txt" 2>"$work/w4.$i.err" &
  worker_pids+=($!)
done
for _ in $(seq 600); do
  done_now=$(status_field FOUR done)
  [[ ${done_now:-0} -ge $((published / 4)) ]] && break
  sleep 0.1
done
echo "killing worker 1 after $done_now of $published"
kill -9 "${worker_pids[0]}"
nats_stop
[[ $use_pg == 1 ]] && pg_stop "$work/pg" immediate >/dev/null
sleep 3
nats_start "$work" || exit 1
if [[ $use_pg == 1 ]]; then
  pg_restart "$work/pg" >/dev/null || { sleep 2; pg_restart "$work/pg" >/dev/null; }
  check "PostgreSQL is back" test $? -eq 0
fi
# A worker that outlives the deadline is a hang: say what each one was
# doing rather than leave it to ctest's timeout.
deadline=$((SECONDS + 240))
hung=0
for p in "${worker_pids[@]:1}"; do
  while kill -0 "$p" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  if kill -0 "$p" 2>/dev/null; then
    hung=1
    continue
  fi
  wait "$p"
  check "a surviving worker exits 0" test $? -eq 0
done
check "the surviving workers exit within 4 minutes" test $hung -eq 0
if [[ $hung == 1 ]]; then
  "$annals" status --nats "$url" --stream FOUR --json
  for i in 1 2 3 4; do
    echo "--- worker $i (pid ${worker_pids[$((i - 1))]}), stderr:"
    tail -30 "$work/w4.$i.err"
  done
  echo "--- nats-server log:"
  tail -30 "$work/nats.log"
  if [[ $use_pg == 1 ]]; then
    echo "--- PostgreSQL server log:"
    tail -30 "$work/pg/server.log"
  fi
fi
for p in "${worker_pids[@]}"; do kill -9 "$p" 2>/dev/null; done
worker_pids=()
cat "$work"/w4.*.txt
"$annals" status --nats "$url" --stream FOUR --wait 30 >/dev/null
check "status --wait exits 0 when the queue is finished" test $? -eq 0
check "4 workers: everything done" test "$(status_field FOUR done)" = "$published"
check "4 workers: nothing in flight" test "$(status_field FOUR in_flight)" = 0
check "4 workers: no dead letters" test "$(status_field FOUR dead_letters)" = 0
same_as_ref "4 workers" "$four"

echo "$passes passed, $failures failed"
test $failures -eq 0
