#!/usr/bin/env bash
# Installs everything nodeplan needs on a fresh Debian machine with the Swift toolchain, then builds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product nodeplan
