"""Writes the shared client test vectors (frames as bytes + vectors.json with what they decode to).

Run once with the Python client's dependencies installed; the output is committed and every
client's tests (Swift, Python, C, Go) decode the same bytes to the same fields.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "python"))

from nodeplan_client import frames, frames_pb2, model_pb2, service_pb2, snapshot_pb2  # noqa: E402
from nodeplan_client.frames import FrameType, Method  # noqa: E402


def small_snapshot() -> snapshot_pb2.Snapshot:
    snapshot = snapshot_pb2.Snapshot()
    snapshot.cluster.name = "vectors"
    snapshot.cluster.region = "westeurope"
    snapshot.cluster.kubernetes_version = "1.31.0"
    snapshot.cluster.now = 1764000000.0
    spec = snapshot.pod_specs.add(namespace="default")
    spec.labels["app"] = "web"
    container = spec.containers.add(name="app")
    container.requests.milli["cpu"] = 250
    container.requests.milli["memory"] = 512 * 1024 * 1024 * 1000
    snapshot.pods.add(name="web-0", uid="uid-0", spec=0, phase=1, created_at=1763999000.0)
    snapshot.pods.add(name="web-1", uid="uid-1", spec=0, phase=1, created_at=1763999100.0, deleted_at=1764000100.5)
    return snapshot


def header_fields(frame: frames.Frame, payload_length: int) -> dict:
    return {"payload_length": payload_length, "version": 1, "type": int(frame.type), "flags": frame.flags,
            "method": int(frame.method), "stream_id": frame.stream_id, "deadline_ms": frame.deadline_ms}


def main() -> None:
    snapshot = small_snapshot()
    request = service_pb2.SolveRequest(snapshot=snapshot).SerializeToString(deterministic=True)
    hello = frames_pb2.Hello(protocol_version=1, token="secret", client="vectors/1 (test)")
    error = frames_pb2.Error(code=3, message="index 40 out of range (podSpecs has 3)",
                             field_path="snapshot.pods[12].spec")
    solve_expect = {"message": "nodeplan.v1.SolveRequest", "message_length": len(request),
                    "cluster_name": "vectors", "region": "westeurope", "pods": ["web-0", "web-1"],
                    "pod_specs": 1, "cpu_milli": 250, "deleted_at": [None, 1764000100.5]}
    vectors = [
        ("hello.bin",
         frames.message_frame(FrameType.HELLO, hello.SerializeToString(), compress_from=None),
         {"message": "nodeplan.v1.Hello", "protocol_version": 1, "token": "secret", "client": "vectors/1 (test)"}),
        ("solve_request.bin",
         frames.message_frame(FrameType.REQUEST, request, stream_id=1, method=Method.SOLVE, deadline_ms=5000,
                              compress_from=None),
         solve_expect),
        ("solve_request_zstd.bin",
         frames.message_frame(FrameType.REQUEST, request, stream_id=2, method=Method.SOLVE, deadline_ms=250,
                              compress_from=0),
         solve_expect),
        ("error.bin",
         frames.message_frame(FrameType.ERROR, error.SerializeToString(), stream_id=3, method=Method.SOLVE,
                              compress_from=None),
         {"message": "nodeplan.v1.Error", "code": 3, "error_message": error.message, "field_path": error.field_path}),
        ("cancel.bin", frames.Frame(FrameType.CANCEL, 2, flags=frames.FLAG_END_STREAM), {"message": None}),
    ]
    listing = []
    for name, frame, expect in vectors:
        (HERE / name).write_bytes(frame.encode())
        listing.append({"file": name, "header": header_fields(frame, len(frame.payload)), "decoded": expect})
    (HERE / "vectors.json").write_text(json.dumps({"vectors": listing}, indent=2) + "\n")


if __name__ == "__main__":
    main()
