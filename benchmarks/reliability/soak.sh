#!/usr/bin/env bash
# Soak: a steady request rate against one `nodeplan serve` for a set time, sampling the server's RSS every
# few seconds. After the warm-up (the first fifth of the run), every sample must lie within ±10% of the
# mean of the post-warm-up samples; the in-flight gauge must be 0 at the end. Samples go to
# $SOAK_CSV (default: a temporary file) as seconds,rss_kib.
#
#   benchmarks/reliability/soak.sh [seconds] [rate]      (defaults: 600 s at 20 requests/s)
source "$(dirname "$0")/common.sh"
seconds="${1:-600}"
rate="${2:-20}"
interval=5
csv="${SOAK_CSV:-$work/soak.csv}"

start_server
"$NODEPLAN_BIN" load --server "127.0.0.1:$port" --mix features --pods 50 --rate "$rate" --concurrency 64 \
  --connections 4 --duration "$seconds" --deadline 10000 --json >"$work/load.json" &
load_pid=$!
echo "seconds,rss_kib" >"$csv"
start=$SECONDS
while kill -0 "$load_pid" 2>/dev/null; do
  echo "$((SECONDS - start)),$(rss_kib)" >>"$csv"
  sleep "$interval"
done
wait "$load_pid"
in_flight="$(metric nodeplan_requests_in_flight)"
echo "requests: $(jq .requests "$work/load.json")  statuses: $(jq -c .statuses "$work/load.json")  throughput: $(jq .throughput "$work/load.json") req/s"
echo "latency ms: $(jq -c .latencyMilliseconds "$work/load.json")"
awk -F, -v warm="$((seconds / 5))" '
  NR > 1 && $1 >= warm { n++; sum += $2; rss[n] = $2 }
  END {
    mean = sum / n; low = rss[1]; high = rss[1]
    for (i = 1; i <= n; i++) { if (rss[i] < low) low = rss[i]; if (rss[i] > high) high = rss[i] }
    printf "RSS after warm-up (%d samples): mean %.1f MiB, min %.1f MiB (%+.1f%%), max %.1f MiB (%+.1f%%)\n",
      n, mean / 1024, low / 1024, (low - mean) * 100 / mean, high / 1024, (high - mean) * 100 / mean
    exit !(low >= mean * 0.9 && high <= mean * 1.1)
  }' "$csv"
echo "in flight at the end: ${in_flight%.*}"
[ "${in_flight%.*}" = 0 ]
