#!/usr/bin/env bash
# Work that nobody waits for is dropped: (1) requests whose deadline passes mid-solve, (2) a load client
# killed with requests in flight. After each, the server's in-flight gauge and solve-pool load must return
# to 0, and the server must still answer.
#
#   benchmarks/reliability/cancellation.sh
source "$(dirname "$0")/common.sh"
start_server --workers 2 --queue 64

# 1. Deadlines far shorter than a 3,000-pod solve.
"$NODEPLAN_BIN" load --server "127.0.0.1:$port" --mix azure --pods 3000 --concurrency 16 --requests 64 \
  --deadline 20 --json >"$work/deadline.json" || true
echo "deadline run: statuses $(jq -c .statuses "$work/deadline.json")"
wait_for_metric nodeplan_requests_in_flight 0 120 && wait_for_metric nodeplan_solve_pool_load 0 120
echo "after deadlines: in flight $(metric nodeplan_requests_in_flight), pool load $(metric nodeplan_solve_pool_load)"

# 2. A client killed while its solves run.
"$NODEPLAN_BIN" load --server "127.0.0.1:$port" --mix azure --pods 3000 --concurrency 32 --connections 8 \
  --duration 60 --deadline 60000 >/dev/null 2>&1 &
load_pid=$!
sleep 3
echo "before the kill: in flight $(metric nodeplan_requests_in_flight), connections $(metric nodeplan_connections)"
kill -KILL "$load_pid"
wait "$load_pid" 2>/dev/null || true
wait_for_metric nodeplan_requests_in_flight 0 120 && wait_for_metric nodeplan_solve_pool_load 0 120 \
  && wait_for_metric nodeplan_connections 0 30
echo "after the kill: in flight $(metric nodeplan_requests_in_flight), pool load $(metric nodeplan_solve_pool_load), connections $(metric nodeplan_connections)"

# The server still answers.
"$NODEPLAN_BIN" load --server "127.0.0.1:$port" --mix features --pods 10 --requests 5 --concurrency 1 --json \
  | jq -e '.statuses.OK == 5' >/dev/null
echo "server still serving: 5/5 OK"
