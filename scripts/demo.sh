#!/usr/bin/env bash
# The main demo: every workshop module through nodeplan, plans printed, HTML reports written.
set -euo pipefail
cd "$(dirname "$0")/.."
nodeplan=.build/release/nodeplan
[ -x "$nodeplan" ] || swift build -c release --product nodeplan
out=${DEMO_OUT:-demo-reports}
mkdir -p "$out"
for module in examples/workshop/[0-9]-*/; do
  name=$(basename "$module")
  ls "$module"*.yaml >/dev/null 2>&1 || continue
  echo
  echo "=== workshop module $name"
  # Exit code 1 means some pods stay pending, which several modules show on purpose.
  status=0
  "$nodeplan" solve examples/workshop/azure-westus2.yaml "$module"*.yaml --html "$out/$name.html" || status=$?
  [ "$status" -le 1 ] || exit "$status"
done
echo
echo "HTML reports: $out/"
