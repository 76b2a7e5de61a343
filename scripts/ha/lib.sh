# shellcheck shell=bash
# Shared helpers of scripts/ha-up, ha-down and multi-up (sourced, not run).

# PostgreSQL refuses to run as root, and CI runs as root: then every cluster process runs as the
# `postgres` user of the Debian package; otherwise as the calling user.
ha_user() {
  if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

# Runs a command as ha_user (no-op wrapper when we already are that user).
as_ha_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts a long-running command in the background as ha_user, in its own session (so a SIGKILL
# of one process never takes the shell with it), output to LOG, its own pid (not runuser's) in PIDFILE.
# usage: start_daemon PIDFILE LOG command args...
start_daemon() {
  local pidfile=$1 log=$2
  shift 2
  as_ha_user setsid sh -c 'echo $$ > "$0"; shift; exec "$@"' "$pidfile" _ "$@" >"$log" 2>&1 </dev/null &
  for _ in $(seq 50); do
    [ -s "$pidfile" ] && return 0
    sleep 0.1
  done
  echo "start_daemon: $* did not start (see $log)" >&2
  return 1
}

# Prints N distinct free loopback TCP ports (bound together, so no two are the same).
free_ports() {
  /usr/bin/python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

# Sends SIGTERM to the process in PIDFILE, waits up to SECONDS (default 30), then SIGKILL.
stop_pidfile() {
  local pidfile=$1 seconds=${2:-30} pid
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((seconds * 10))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
