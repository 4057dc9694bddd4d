#!/usr/bin/env bash
# The main demo: a live solver (`nodeplan serve` on loopback) receives each workshop module's
# snapshot from `nodeplan solve --server`, and the plans are printed and written as HTML reports.
set -euo pipefail
cd "$(dirname "$0")/.."
nodeplan=.build/release/nodeplan
[ -x "$nodeplan" ] || swift build -c release --product nodeplan
out=${DEMO_OUT:-demo-reports}
port=${DEMO_PORT:-7433}
metrics_port=${DEMO_METRICS_PORT:-9433}
mkdir -p "$out"

NODEPLAN_TOKEN=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export NODEPLAN_TOKEN
"$nodeplan" serve --host 127.0.0.1 --port "$port" --metrics-port "$metrics_port" 2>"$out/server.log" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log"; exit 4; }
  sleep 0.1
done
echo "solver listening on 127.0.0.1:$port (metrics on :$metrics_port/metrics)"

for module in examples/workshop/[0-9]-*/; do
  name=$(basename "$module")
  ls "$module"*.yaml >/dev/null 2>&1 || continue
  echo
  echo "=== workshop module $name (see ${module}README.md)"
  # Exit code 1 means some pods stay pending, which several modules show on purpose.
  status=0
  consolidate=()
  [[ "$name" == *consolidation* ]] && consolidate=(--consolidate)
  "$nodeplan" solve --server "127.0.0.1:$port" "${consolidate[@]}" examples/workshop/azure-westus2.yaml "$module"*.yaml \
    --html "$out/$name.html" || status=$?
  [ "$status" -le 1 ] || exit "$status"
done
echo
echo "HTML reports: $out/   server log: $out/server.log"
