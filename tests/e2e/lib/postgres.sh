# Sourced by test scripts that need a PostgreSQL server of their own: a
# throw-away cluster on a free loopback port, nothing shared with any other
# server on the machine. Functions:
#   pg_available          true when the server binaries are installed
#                         (PG_BIN overrides where; default: the newest
#                         /usr/lib/postgresql/*/bin)
#   pg_start DIR          initdb into DIR/data (as user postgres, or nobody,
#                         when running as root: the server refuses root),
#                         start it on a free 127.0.0.1 port, create database
#                         "annals", export ANNALS_PG_URL, PG_PORT, PG_DIR
#   pg_stop DIR [immediate]   stop it (fast shutdown; "immediate" is a crash:
#                         no checkpoint, recovery on the next start)
#   pg_restart DIR        start it again on the same port (stopping it first
#                         if it runs)
#   pg_createdb NAME      create another database on the last started server
#                         and print its URL
# The cluster trusts local connections (no password) and runs with fsync
# off: it is test data, and a crashed server (pg_stop immediate) still
# recovers every committed transaction from the WAL the OS has.

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    echo "$PG_BIN"
    return
  fi
  local dirs=(/usr/lib/postgresql/*/bin)
  [[ -d "${dirs[0]}" ]] || return 1
  printf '%s\n' "${dirs[@]}" | sort -V | tail -1
}

pg_available() {
  local bin
  bin=$(pg_bin) || return 1
  [[ -x "$bin/initdb" && -x "$bin/pg_ctl" && -x "$bin/postgres" ]] || return 1
  [[ $(id -u) -ne 0 ]] || id postgres >/dev/null 2>&1 || id nobody >/dev/null 2>&1
}

# Runs a server command as the cluster's owner.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    local user=postgres
    id postgres >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start() {
  local dir=$1 bin
  bin=$(pg_bin) || return 1
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    local user=postgres
    id postgres >/dev/null 2>&1 || user=nobody
    chown "$user" "$dir"
    # The owner must reach DIR: let others through (x only) the parents
    # that a private mktemp -d made closed.
    local p=$dir
    while [[ "$p" != / ]]; do
      p=$(dirname "$p")
      [[ -n "$(find "$p" -maxdepth 0 -perm -o=x)" ]] || chmod o+x "$p"
    done
  fi
  pg_as_owner "$bin/initdb" -D "$dir/data" -U annals -A trust -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  pg_free_port >"$dir/port"
  pg_launch "$dir" || return 1
  "$bin/createdb" -h 127.0.0.1 -p "$(cat "$dir/port")" -U annals annals || return 1
  export PG_DIR=$dir
  export PG_PORT
  PG_PORT=$(cat "$dir/port")
  export ANNALS_PG_URL="postgresql://annals@127.0.0.1:$PG_PORT/annals"
}

pg_restart() {
  local dir=$1 bin
  bin=$(pg_bin) || return 1
  if pg_as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    pg_stop "$dir" || return 1
  fi
  pg_launch "$dir"
}

# Starts the server of DIR on the port in DIR/port and waits until it
# accepts connections.
pg_launch() {
  local dir=$1 bin
  bin=$(pg_bin) || return 1
  local port
  port=$(cat "$dir/port") || return 1
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null || { tail -20 "$dir/server.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1 mode=${2:-fast} bin
  bin=$(pg_bin) || return 1
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m "$mode" -w -t 30 stop >/dev/null
}

pg_createdb() {
  local name=$1 bin
  bin=$(pg_bin) || return 1
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U annals "$name" || return 1
  echo "postgresql://annals@127.0.0.1:$PG_PORT/$name"
}
