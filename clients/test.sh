#!/usr/bin/env bash
# Runs the tests of every client (Python, C, Go when present) against a live `nodeplan serve` on loopback.
# Builds the server if needed (or uses $NODEPLAN_BIN), installs Python packages into .build-clients/venv
# (falling back to `pip install --user`), and ends with "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
scratch="$root/.build-clients"
mkdir -p "$scratch"

passed=0
failed=0
record() { # record NAME PASSED FAILED
  echo "clients/test.sh: $1: $2 passed, $3 failed"
  passed=$((passed + $2))
  failed=$((failed + $3))
}

export NODEPLAN_BIN="${NODEPLAN_BIN:-$root/.build/debug/nodeplan}"
if [[ ! -x "$NODEPLAN_BIN" ]]; then
  swift build --product nodeplan || { record "build nodeplan" 0 1; echo "$passed passed, $failed failed"; exit 1; }
fi

server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null' EXIT
token="clients-test-$$"

# Starts `nodeplan serve` on a free port between 20000 and 40000; sets $port and $server_pid.
start_server() {
  for _ in $(seq 10); do
    port=$((20000 + RANDOM % 20001))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    NODEPLAN_TOKEN="$token" "$NODEPLAN_BIN" serve --host 127.0.0.1 --port "$port" --metrics-port 0 \
      --log-level warning &
    server_pid=$!
    for _ in $(seq 300); do
      kill -0 "$server_pid" 2>/dev/null || break
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
      sleep 0.1
    done
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
  done
  return 1
}

# Python: sync + asyncio clients, shared vectors (pytest starts its own server).
python_env() {
  local venv="$scratch/venv"
  if [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" >/dev/null 2>&1; then
    "$venv/bin/pip" install -q -r clients/python/requirements.txt >&2 && python="$venv/bin/python" && return 0
  fi
  python3 -m pip install -q --user -r clients/python/requirements.txt >&2 && python=python3
}
if python_env; then
  py_out="$(cd clients/python && "$python" -m pytest -q tests 2>&1 | tee >(cat >&2))"
  py_status=$?
  summary="$(tail -n 1 <<<"$py_out")"
  py_passed="$(grep -oE '[0-9]+ passed' <<<"$summary" | awk '{s += $1} END {print s + 0}')"
  py_failed="$(grep -oE '[0-9]+ (failed|errors?)' <<<"$summary" | awk '{s += $1} END {print s + 0}')"
  [[ $py_status -ne 0 && $py_failed -eq 0 ]] && py_failed=1
  record python "$py_passed" "$py_failed"
else
  record "python (pip install)" 0 1
fi

# C: library, example and test program under valgrind against a live server.
snapshots="$scratch/snapshots"
mkdir -p "$snapshots"
"$NODEPLAN_BIN" gen features --pods 30 --seed 1 -o "$snapshots/small.pb" >/dev/null &&
  "$NODEPLAN_BIN" gen benchmark --pods 20000 -o "$snapshots/big.pb" >/dev/null || record "generate snapshots" 0 1
if start_server; then
  c_out="$(make -s -C clients/c all check HOST=127.0.0.1 PORT="$port" TOKEN="$token" \
    SMALL="$snapshots/small.pb" BIG="$snapshots/big.pb" 2>&1 | tee >(cat >&2))"
  c_status=$?
  c_line="$(grep -E '^c client: [0-9]+ passed, [0-9]+ failed' <<<"$c_out" | tail -n 1)"
  if [[ -n "$c_line" ]]; then
    read -r c_passed c_failed < <(sed -E 's/c client: ([0-9]+) passed, ([0-9]+) failed/\1 \2/' <<<"$c_line")
    [[ $c_status -ne 0 && $c_failed -eq 0 ]] && c_failed=1 # valgrind errors
    record c "$c_passed" "$c_failed"
  else
    record c 0 1
  fi

  # Go: only when the module and a Go toolchain are present.
  if [[ -f clients/go/go.mod ]]; then
    if command -v go >/dev/null; then
      # Debian's Go packages live in /usr/share/gocode (GOPATH mode, no module proxy); the module is
      # linked into a scratch GOPATH under its import path.
      gopath="$scratch/gopath"
      mkdir -p "$gopath/src/nodeplan"
      ln -sfn "$root/clients/go" "$gopath/src/nodeplan/client"
      go_out="$(cd "$gopath/src/nodeplan/client" && NODEPLAN_ADDR="127.0.0.1:$port" NODEPLAN_TOKEN="$token" \
        NODEPLAN_SMALL="$snapshots/small.pb" NODEPLAN_BIG="$snapshots/big.pb" \
        GOPATH="$gopath:/usr/share/gocode" GOPROXY=off GO111MODULE=off GOFLAGS= go test -v ./... 2>&1 | tee >(cat >&2))"
      go_status=$?
      go_passed="$(grep -c -- '^--- PASS' <<<"$go_out")"
      go_failed="$(grep -c -- '^--- FAIL' <<<"$go_out")"
      [[ $go_status -ne 0 && $go_failed -eq 0 ]] && go_failed=1
      record go "$go_passed" "$go_failed"
    else
      record "go (toolchain missing)" 0 1
    fi
  fi
else
  record "start nodeplan serve" 0 1
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
