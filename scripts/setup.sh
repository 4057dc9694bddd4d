#!/usr/bin/env bash
# Installs everything nodeplan needs on a fresh Debian machine with the Swift toolchain, then builds.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libzstd-dev libprotobuf-c-dev libyaml-dev protobuf-compiler protobuf-c-compiler pkg-config prometheus)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
swift build -c release --product nodeplan
