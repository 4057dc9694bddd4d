#!/usr/bin/env bash
# The full test suite (what CI runs): system packages, then every Swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift test 2>&1 | tee /tmp/nodeplan-test.log
