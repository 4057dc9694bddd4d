#!/usr/bin/env bash
# Installs the Debian packages nodeplan builds and tests with (idempotent; needs root or sudo).
set -euo pipefail

packages=(libzstd-dev libprotobuf-c-dev libyaml-dev protobuf-compiler protobuf-c-compiler pkg-config prometheus
  valgrind golang-go golang-google-protobuf-dev golang-github-klauspost-compress-dev protoc-gen-go
  chromium hyperfine)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Kubernetes schema validation for deploy/ (scripts/validate-deploy.sh).
if ! command -v kubernetes-validate >/dev/null 2>&1; then
  echo "install-deps: installing kubernetes-validate (PyPI)" >&2
  python3 -m pip install --quiet kubernetes-validate
fi
