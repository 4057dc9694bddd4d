#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ and runs each for a set time, starting from the seed corpus in
# fuzz/corpus/<harness>. Prints executions, crashes, timeouts and out-of-memory findings per harness and
# exits non-zero when any harness found something (the reproducer is left in .build-fuzz/artifacts/).
#
#   scripts/fuzz.sh [seconds-per-harness] [harness ...]      e.g. scripts/fuzz.sh 600 frames zstd
#
# Harnesses: frames, zstd, snapshot-proto, kube-input, solver. Limits per input: 10 s (-timeout) and
# 1 GiB of RSS (-rss_limit_mb); a finding of either counts as a failure. Everything is built in
# .build-fuzz (release, -sanitize=fuzzer) so it never disturbs the normal .build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
all=(frames zstd snapshot-proto kube-input solver)
[ $# -gt 0 ] && harnesses=("$@") || harnesses=("${all[@]}")
scratch=.build-fuzz
export NODEPLAN_FUZZ=1

max_len() {
  case "$1" in
    frames|zstd) echo 4096 ;;
    kube-input) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

for harness in "${harnesses[@]}"; do
  echo "fuzz: building fuzz-$harness" >&2
  swift build -c release --sanitize=fuzzer --scratch-path "$scratch" --product "fuzz-$harness" >&2
done
bin="$(swift build -c release --sanitize=fuzzer --scratch-path "$scratch" --show-bin-path)"

status=0
total=0
printf '%-16s %14s %10s %8s %8s %6s %s\n' harness executions exec/s crashes timeouts ooms corpus
for harness in "${harnesses[@]}"; do
  corpus="$scratch/corpus/$harness"
  artifacts="$scratch/artifacts/$harness/"
  log="$scratch/logs/$harness.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  rm -f "$artifacts"crash-* "$artifacts"timeout-* "$artifacts"oom-* "$artifacts"leak-*
  # The working corpus grows in .build-fuzz; the seeds in fuzz/corpus are only read.
  "$bin/fuzz-$harness" "$corpus" "fuzz/corpus/$harness" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len="$(max_len "$harness")" \
    -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1 || true
  executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  crashes="$(find "$artifacts" -name 'crash-*' | wc -l)"
  timeouts="$(find "$artifacts" -name 'timeout-*' | wc -l)"
  ooms="$(find "$artifacts" -name 'oom-*' | wc -l)"
  size="$(find "$corpus" -type f | wc -l)"
  printf '%-16s %14s %10s %8s %8s %6s %s\n' "$harness" "${executions:-0}" "${rate:-0}" "$crashes" "$timeouts" "$ooms" "$size"
  total=$((total + ${executions:-0}))
  if [ $((crashes + timeouts + ooms)) -gt 0 ] || [ -z "$executions" ]; then
    status=1
    echo "fuzz: $harness found a problem; see $log and $artifacts" >&2
  fi
done
printf '%-16s %14s\n' total "$total"
exit "$status"
