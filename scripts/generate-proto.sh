#!/usr/bin/env bash
# Regenerates every language binding of proto/nodeplan/v1/*.proto:
#   Swift     -> Sources/NodePlanWire/Generated/   (protoc-gen-swift, built from the swift-protobuf dependency)
#   C         -> clients/c/generated/               (protoc-c, from Debian's protobuf-c-compiler)
#   Go        -> clients/go/nodeplanpb/              (protoc-gen-go, Debian's protoc-gen-go; package nodeplan/client/nodeplanpb)
#   Python    -> clients/python/nodeplan_client/generated/ (protoc --python_out, imports made package-relative)
# protoc-gen-swift is built once into .build-protoc (git-ignored); the first build takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v protoc >/dev/null || { echo "generate-proto: protoc missing (apt-get install protobuf-compiler)" >&2; exit 1; }
command -v protoc-c >/dev/null || { echo "generate-proto: protoc-c missing (apt-get install protobuf-c-compiler)" >&2; exit 1; }

scratch=.build-protoc
swift build -c release --scratch-path "$scratch" --product protoc-gen-swift
plugin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/protoc-gen-swift"

protos=(proto/nodeplan/v1/*.proto)

swift_out=Sources/NodePlanWire/Generated
rm -f "$swift_out"/*.pb.swift
mkdir -p "$swift_out"
protoc --plugin=protoc-gen-swift="$plugin" -I proto \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=DropPath \
  --swift_out="$swift_out" "${protos[@]}"

# protoc-c (1.4) predates proto3 `optional`. An optional field is, on the wire and in every
# generator that knows it, a oneof holding that one field; so the C bindings are generated from a
# copy where `optional T name = N;` reads `oneof opt_name { T name = N; }` (same bytes on the wire;
# C code tests `msg->opt_name_case`).
c_out=clients/c/generated
c_protos="$(mktemp -d)"
trap 'rm -rf "$c_protos"' EXIT
mkdir -p "$c_protos/nodeplan/v1"
for proto in "${protos[@]}"; do
  sed -E 's/^([[:space:]]*)optional[[:space:]]+([A-Za-z0-9_.]+)[[:space:]]+([a-z0-9_]+)([[:space:]]*=[[:space:]]*[0-9]+;)/\1oneof opt_\3 { \2 \3\4 }/' \
    "$proto" > "$c_protos/${proto#proto/}"
done
rm -rf "$c_out"
mkdir -p "$c_out"
(cd "$c_protos" && protoc-c -I . --c_out="$OLDPWD/$c_out" "${protos[@]#proto/}")

go_module=nodeplan/client
go_flags=()
for proto in "${protos[@]}"; do go_flags+=("--go_opt=M${proto#proto/}=$go_module/nodeplanpb"); done
rm -f clients/go/nodeplanpb/*.pb.go
mkdir -p clients/go/nodeplanpb
protoc -I proto --go_out=clients/go --go_opt=module="$go_module" "${go_flags[@]}" "${protos[@]}"

py_out=clients/python/nodeplan_client/generated
rm -rf "$py_out"
mkdir -p "$py_out"
protoc -I proto --python_out="$py_out" "${protos[@]}"
# protoc writes `from nodeplan.v1 import x_pb2`; inside the package the modules are siblings.
find "$py_out" -name '*_pb2.py' -exec sed -i -E 's/^from nodeplan\.v1 import /from . import /' {} +
touch "$py_out/__init__.py" "$py_out/nodeplan/__init__.py" "$py_out/nodeplan/v1/__init__.py"

echo "generate-proto: wrote $(ls "$swift_out"/*.pb.swift | wc -l) Swift and $(find "$c_out" -name '*.pb-c.c' | wc -l) C files" >&2
