#!/usr/bin/env bash
# Throughput of distributed workers (docs/distributed.md): documents/s and
# sentences/s with 1 worker and with 2 workers on the BBC corpus, and the
# ratio. Each run gets a fresh stream and store; the workers are started
# (and have loaded the models) before the corpus is enqueued, and the clock
# runs from the start of the enqueue until the queue reports every message
# done (`annals status --wait`). Enqueueing is much faster than processing, so the time is the
# workers'.
#   bench/distributed_throughput.sh [BUILD_DIR] [WORKER_COUNTS...]   (default: 1 2)
# Store: SQLite files in a temporary directory, or the PostgreSQL server at
# $ANNALS_PG_URL when set (a database per run is created with createdb).
# Worker flags can be added with $ANNALS_WORKER_FLAGS (e.g. --unordered).
# Needs nats-server and ../shared (or $ANNALS_SHARED).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
shift || true
counts=("$@")
((${#counts[@]})) || counts=(1 2)
annals="$build/annals"
corpus=${ANNALS_SHARED:-$src/../shared}/corpora/bbc-news
[[ -d $corpus ]] || { echo "needs the BBC corpus at $corpus"; exit 1; }
command -v nats-server >/dev/null || { echo "needs nats-server"; exit 1; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=nats://127.0.0.1:$port
nats-server -js -a 127.0.0.1 -p "$port" -sd "$work/js" >"$work/nats.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

echo "# $(date -u '+%F %T') UTC; $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
echo "# corpus $corpus; store ${ANNALS_PG_URL:+PostgreSQL at }${ANNALS_PG_URL:-SQLite}; worker flags: ${ANNALS_WORKER_FLAGS:-none}"
declare -A rate
for n in "${counts[@]}"; do
  stream=BENCH$n
  if [[ -n ${ANNALS_PG_URL:-} ]]; then
    createdb --maintenance-db="$ANNALS_PG_URL" "bench_${n}_$$"
    db="${ANNALS_PG_URL%/*}/bench_${n}_$$"
  else
    db=$work/w$n.db
  fi
  # Create the queue, then the workers; they idle until work arrives.
  "$annals" status --nats "$url" --stream "$stream" >/dev/null
  wpids=()
  for i in $(seq "$n"); do
    # shellcheck disable=SC2086
    "$annals" worker --nats "$url" --stream "$stream" --db "$db" --quiet --idle-exit 30 \
      ${ANNALS_WORKER_FLAGS:-} >"$work/worker.$n.$i.txt" 2>&1 &
    wpids+=($!)
    pids+=($!)
  done
  sleep 4  # the models load
  start=$(date +%s.%N)
  "$annals" enqueue "$corpus" --nats "$url" --stream "$stream" --quiet >"$work/enqueue.$n.txt"
  # One process polls (every 50 ms) until the queue is finished: a shell
  # loop starting `annals status` and python every 50 ms took a tenth of a
  # core from the workers.
  "$annals" status --nats "$url" --stream "$stream" --wait 3600 --json >"$work/status.$n.json"
  end=$(date +%s.%N)
  published=$(field 'd["published"]' <"$work/status.$n.json")
  for p in "${wpids[@]}"; do kill "$p"; wait "$p" || true; done
  sentences=$("$annals" stats --db "$db" --json | field 'd["sentences"]')
  docs=$("$annals" stats --db "$db" --json | field 'd["documents"]')
  python3 - "$n" "$start" "$end" "$published" "$docs" "$sentences" <<'PY'
import sys
n, start, end, published, docs, sentences = sys.argv[1], *map(float, sys.argv[2:])
t = end - start
print(f"workers={n}  {int(published)} messages  {int(docs)} documents stored  {t:6.2f} s  "
      f"{published / t:7.1f} docs/s  {sentences / t:8.1f} sentences/s")
PY
  rate[$n]=$(python3 -c "print($published / ($end - $start))")
done
if [[ -n ${rate[1]:-} && -n ${rate[2]:-} ]]; then
  python3 -c "print(f'ratio 2 workers / 1 worker: {${rate[2]} / ${rate[1]}:.2f}')"
fi
echo "# load after: $(uptime | sed 's/.*load average: //')"
