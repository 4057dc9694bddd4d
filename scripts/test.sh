#!/usr/bin/env bash
# The full test suite: set-up (idempotent), then every Swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift test 2>&1 | tee /tmp/nodeplan-test.log
