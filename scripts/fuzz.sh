#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ and runs them side by side (one process each) for a set time,
# starting from the seed corpus in fuzz/corpus/<harness>. Prints executions, crashes, timeouts and
# out-of-memory findings per harness and exits non-zero when any harness found something (the reproducer
# is left in .build-fuzz-work/artifacts/<harness>/, the logs in .build-fuzz-work/logs/<harness>.<n>.log).
#
#   scripts/fuzz.sh [seconds] [harness ...]      e.g. scripts/fuzz.sh 600, scripts/fuzz.sh 60 frames zstd
#
# Harnesses: frames, zstd, snapshot-proto, kube-input, solver. Limits per input: 10 s (-timeout) and
# 1 GiB of RSS (-rss_limit_mb); a finding of either counts as a failure. The harnesses are built in
# .build-fuzz (release, -sanitize=fuzzer) so they never disturb the normal .build; corpora, logs and
# findings go to .build-fuzz-work. FUZZ_NO_BUILD=1 runs
# harnesses built earlier; FUZZ_PROCESSES=N runs N processes per harness on a shared corpus (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
if [ $# -gt 0 ]; then harnesses=("$@"); else harnesses=(frames zstd snapshot-proto kube-input solver); fi
bin=.build-fuzz/release
scratch=.build-fuzz-work
processes="${FUZZ_PROCESSES:-1}"
export NODEPLAN_FUZZ=1

max_len() {
  case "$1" in
    frames|zstd) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
  for harness in "${harnesses[@]}"; do
    echo "fuzz: building fuzz-$harness" >&2
    swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --product "fuzz-$harness" >&2
  done
fi

# Process $2 of harness $1. The working corpus grows in .build-fuzz-work; the seeds in fuzz/corpus are only read.
run() {
  local harness="$1" artifacts="$scratch/artifacts/$1/"
  "$bin/fuzz-$harness" "$scratch/corpus/$harness" "fuzz/corpus/$harness" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len="$(max_len "$harness")" \
    -print_final_stats=1 -artifact_prefix="$artifacts" >"$scratch/logs/$harness.$2.log" 2>&1 || true
}

echo "fuzz: running ${harnesses[*]} for $seconds s, $processes process(es) each" >&2
for harness in "${harnesses[@]}"; do
  artifacts="$scratch/artifacts/$harness/"
  mkdir -p "$scratch/corpus/$harness" "$artifacts" "$scratch/logs"
  rm -f "$artifacts"crash-* "$artifacts"timeout-* "$artifacts"oom-* "$artifacts"leak-* "$scratch/logs/$harness".*.log
  for process in $(seq "$processes"); do run "$harness" "$process" & done
done
wait

status=0
total=0
printf '%-16s %14s %10s %8s %8s %6s %8s\n' harness executions exec/s crashes timeouts ooms corpus
for harness in "${harnesses[@]}"; do
  logs=("$scratch/logs/$harness".*.log)
  artifacts="$scratch/artifacts/$harness/"
  finished="$(grep -l '^stat::number_of_executed_units' "${logs[@]}" | wc -l)"
  executions="$(awk '/^stat::number_of_executed_units:/ { sum += $2 } END { print sum + 0 }' "${logs[@]}")"
  rate="$(awk '/^stat::average_exec_per_sec:/ { sum += $2 } END { print sum + 0 }' "${logs[@]}")"
  # libFuzzer reports every finding as "==PID== ERROR: libFuzzer: <kind>" (a Swift trap is a deadly signal).
  findings="$(grep -h 'ERROR: libFuzzer:' "${logs[@]}" || true)"
  timeouts="$(grep -c 'timeout' <<<"$findings" || true)"
  ooms="$(grep -c 'out-of-memory' <<<"$findings" || true)"
  crashes="$(grep -vc -e 'timeout' -e 'out-of-memory' -e '^$' <<<"$findings" || true)"
  size="$(find "$scratch/corpus/$harness" -type f | wc -l)"
  printf '%-16s %14s %10s %8s %8s %6s %8s\n' "$harness" "$executions" "$rate" "$crashes" "$timeouts" "$ooms" "$size"
  total=$((total + executions))
  if [ $((crashes + timeouts + ooms)) -gt 0 ] || [ "$finished" -ne "$processes" ]; then
    status=1
    echo "fuzz: $harness found a problem; see ${logs[*]} and $artifacts" >&2
  fi
done
printf '%-16s %14s\n' total "$total"
exit "$status"
