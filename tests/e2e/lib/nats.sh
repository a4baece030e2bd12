# Sourced by test scripts that need a nats-server with JetStream of their
# own, on a free loopback port, storing under a directory of the test.
# Sets NATS_PORT and NATS_URL when sourced. Functions:
#   nats_require     exit 77 (ctest's "skipped") when nats-server is missing
#   nats_start DIR   start it (again, on the same port) with its store in
#                    DIR/js and its log in DIR/nats.log; NATS_PID is its pid
#   nats_stop        stop it (SIGTERM, SIGKILL after 30 s) and wait for it
NATS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
NATS_URL=nats://127.0.0.1:$NATS_PORT
NATS_PID=
nats_require() {
  if ! command -v nats-server >/dev/null; then
    echo "SKIP: needs nats-server (scripts/setup.sh --test installs it)"
    exit 77
  fi
}
nats_start() {
  local dir=$1
  nats-server -js -a 127.0.0.1 -p "$NATS_PORT" -sd "$dir/js" >>"$dir/nats.log" 2>&1 &
  NATS_PID=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nats-server did not start:"
  cat "$dir/nats.log"
  return 1
}
nats_stop() {
  [[ -z $NATS_PID ]] && return 0
  kill "$NATS_PID" 2>/dev/null
  for _ in $(seq 300); do kill -0 "$NATS_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$NATS_PID" 2>/dev/null; then
    echo "note: nats-server still running 30 s after SIGTERM; killed"
    kill -9 "$NATS_PID"
  fi
  wait "$NATS_PID" 2>/dev/null
  NATS_PID=
}
