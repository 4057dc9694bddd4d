# Shared by the reliability scripts: builds (or takes) the nodeplan binary, starts `nodeplan serve` on free
# local ports with a fresh token, reads its metrics, and stops it on exit. Source it; do not run it.
#
# NODEPLAN_BIN=path uses an existing binary instead of building `swift build -c release --product nodeplan`.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Connections and their sockets: both ends run here, so allow a few thousand descriptors.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if [ -z "${NODEPLAN_BIN:-}" ]; then
  swift build -c release --product nodeplan >&2
  NODEPLAN_BIN="$(swift build -c release --show-bin-path)/nodeplan"
fi
export NODEPLAN_TOKEN="reliability-$RANDOM$RANDOM"
work="$(mktemp -d)"
server_pid=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

# start_server [extra serve flags...]: sets port, metrics_port and server_pid; waits until it answers.
start_server() {
  port="$(free_port)"
  metrics_port="$(free_port)"
  "$NODEPLAN_BIN" serve --host 127.0.0.1 --port "$port" --metrics-port "$metrics_port" "$@" 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$metrics_port/metrics" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "nodeplan serve did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}

# metric NAME: the value of an unlabelled series on the metrics port.
metric() { curl -sf "http://127.0.0.1:$metrics_port/metrics" | awk -v name="$1" '$1 == name { print $2 }'; }

# rss_kib: the server's resident set in KiB.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status"; }

# wait_for_metric NAME VALUE SECONDS: true once the series equals VALUE (as a number) within the time.
wait_for_metric() {
  for _ in $(seq $(($3 * 10))); do
    awk -v value="$(metric "$1")" -v want="$2" 'BEGIN { exit !(value != "" && value + 0 == want + 0) }' && return 0
    sleep 0.1
  done
  return 1
}
