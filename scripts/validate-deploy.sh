#!/usr/bin/env bash
# Validates deploy/ against the Kubernetes schemas (kubernetes-validate from PyPI, strict: unknown fields
# fail) for the oldest and newest Kubernetes versions we support, checks that kustomization.yaml lists
# every manifest, and that the agent's RBAC grants no wildcard.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v kubernetes-validate >/dev/null || { echo "validate-deploy: kubernetes-validate missing (scripts/install-deps.sh)" >&2; exit 1; }

manifests=()
while IFS= read -r file; do manifests+=("deploy/$file"); done < <(sed -n 's/^  - \([a-z-]*\.yaml\)$/\1/p' deploy/kustomization.yaml)
for file in deploy/*.yaml; do
  [ "$file" = deploy/kustomization.yaml ] && continue
  printf '%s\n' "${manifests[@]}" | grep -qx "$file" || { echo "validate-deploy: $file is not listed in deploy/kustomization.yaml" >&2; exit 1; }
done
for version in 1.30.0 1.37.0; do
  kubernetes-validate --strict --quiet -k "$version" "${manifests[@]}"
done
if grep -nE '"\*"|\[\*\]' deploy/agent-rbac.yaml; then
  echo "validate-deploy: deploy/agent-rbac.yaml must not grant wildcards" >&2
  exit 1
fi
echo "validate-deploy: ${#manifests[@]} manifests valid for Kubernetes 1.30 and 1.37"
