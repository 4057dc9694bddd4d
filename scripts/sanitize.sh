#!/usr/bin/env bash
# Runs test targets under AddressSanitizer and ThreadSanitizer, each in its own scratch path
# (.build-asan, .build-tsan) so the normal .build is untouched.
#
#   scripts/sanitize.sh [address|thread|both] [test-target-filter ...]
#   scripts/sanitize.sh both NodePlanWireTests NodePlanServerTests NodePlanModelTests NodePlanKubeTests
#
# With no filter the whole suite runs. Exits non-zero when a sanitizer reports a problem or a test fails;
# the logs are left in .build-<sanitizer>/sanitize.log.
set -euo pipefail
cd "$(dirname "$0")/.."

which="${1:-both}"
shift || true
filters=("$@")
case "$which" in
  address) sanitizers=(address) ;;
  thread) sanitizers=(thread) ;;
  both) sanitizers=(address thread) ;;
  *) echo "usage: $0 [address|thread|both] [test-target ...]" >&2; exit 2 ;;
esac

# Leaks in the Swift runtime's one-time caches are not ours; report everything else.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

status=0
for sanitizer in "${sanitizers[@]}"; do
  scratch=".build-${sanitizer:0:1}san"  # .build-asan, .build-tsan
  mkdir -p "$scratch"
  log="$scratch/sanitize.log"
  args=(--sanitize="$sanitizer" --scratch-path "$scratch")
  if [ ${#filters[@]} -gt 0 ]; then
    pattern="$(IFS='|'; echo "${filters[*]}")"
    args+=(--filter "^($pattern)\\.")
  fi
  echo "sanitize: $sanitizer ${filters[*]:-(whole suite)}" >&2
  if swift test "${args[@]}" >"$log" 2>&1; then
    result=passed
  else
    result=failed
    status=1
  fi
  reports="$(grep -c -E '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)' "$log" || true)"
  tests="$(grep -E 'Test run with [0-9]+ tests' "$log" | tail -1 || true)"
  echo "$sanitizer: $result; sanitizer reports: $reports; ${tests:-no test summary (see $log)}"
  [ "$reports" -gt 0 ] && status=1
done
exit "$status"
