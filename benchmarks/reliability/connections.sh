#!/usr/bin/env bash
# 1,000 concurrent connections against one `nodeplan serve`: every connection authenticates and keeps a
# solve in flight (closed loop), for a set number of requests. Prints the peak of the server's connection
# gauge, the load tool's statuses and latencies, and checks that every request succeeded and that the
# connection and in-flight gauges return to 0 afterwards.
#
#   benchmarks/reliability/connections.sh [connections] [requests]      (defaults: 1000 10000)
source "$(dirname "$0")/common.sh"
connections="${1:-1000}"
requests="${2:-10000}"

start_server --queue "$connections" --max-streams 4
peak=0
( while kill -0 "$server_pid" 2>/dev/null; do metric nodeplan_connections; sleep 0.2; done ) >"$work/gauge" 2>/dev/null &
sampler=$!
"$NODEPLAN_BIN" load --server "127.0.0.1:$port" --mix features --pods 5 --connections "$connections" \
  --concurrency "$connections" --requests "$requests" --duration 900 --deadline 120000 --json >"$work/load.json"
kill "$sampler" 2>/dev/null || true
peak="$(sort -n "$work/gauge" | tail -1)"
ok="$(jq '.statuses.OK // 0' "$work/load.json")"
total="$(jq '.requests' "$work/load.json")"
wait_for_metric nodeplan_connections 0 30 && connections_after=0 || connections_after="$(metric nodeplan_connections)"
in_flight="$(metric nodeplan_requests_in_flight)"
rss="$(rss_kib)"
echo "connections requested: $connections   peak connection gauge: ${peak%.*}"
echo "requests: $total  ok: $ok  statuses: $(jq -c .statuses "$work/load.json")"
echo "latency ms: $(jq -c .latencyMilliseconds "$work/load.json")   throughput: $(jq .throughput "$work/load.json") req/s"
echo "after the run: connections ${connections_after%.*}, in flight ${in_flight%.*}, server RSS $((rss / 1024)) MiB"
[ "$ok" = "$total" ] && [ "${peak%.*}" -ge "$connections" ] && [ "${connections_after%.*}" = 0 ] && [ "${in_flight%.*}" = 0 ]
