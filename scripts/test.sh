#!/usr/bin/env bash
# The full test suite (what CI runs): system packages, every Swift test, then the Go, Python and C
# clients against a live solver.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift test 2>&1 | tee /tmp/nodeplan-test.log
bash clients/test.sh
bash scripts/validate-deploy.sh
