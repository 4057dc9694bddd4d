"""Request encoding and response decoding shared by the sync and asyncio clients."""
from __future__ import annotations

from typing import Union

from .frames import Method
from .generated.nodeplan.v1 import frames_pb2, plan_pb2, service_pb2, snapshot_pb2

#: A snapshot as a message or as its serialized protobuf bytes (e.g. a `.pb` file).
SnapshotLike = Union[snapshot_pb2.Snapshot, bytes, bytearray, memoryview]

PROTOCOL_VERSION = 1


def _varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def snapshot_request(snapshot: SnapshotLike) -> bytes:
    """SolveRequest/PlanRequest/ConsolidateRequest bytes: field 1 holds the snapshot.

    Serialized snapshots are wrapped as they are (tag 0x0A, length, bytes) without parsing them.
    """
    if isinstance(snapshot, snapshot_pb2.Snapshot):
        data = snapshot.SerializeToString()
    elif isinstance(snapshot, (bytes, bytearray, memoryview)):
        data = bytes(snapshot)
    else:
        raise TypeError(f"snapshot must be a nodeplan.v1.Snapshot or bytes, not {type(snapshot).__name__}")
    return b"\x0a" + _varint(len(data)) + data


def hello(token: str, client: str) -> bytes:
    return frames_pb2.Hello(protocol_version=PROTOCOL_VERSION, token=token, client=client).SerializeToString()


def plan_from(method: Method, data: bytes) -> plan_pb2.Plan:
    """The plan of a SOLVE, PLAN or CONSOLIDATE response."""
    response = {
        Method.SOLVE: service_pb2.SolveResponse,
        Method.PLAN: service_pb2.PlanResponse,
        Method.CONSOLIDATE: service_pb2.ConsolidateResponse,
    }[method]()
    response.ParseFromString(data)
    return response.plan


def deadline_ms(deadline: float | None) -> int:
    """A deadline in seconds as the header's milliseconds (0 = none); at least 1 ms when set."""
    if deadline is None:
        return 0
    if deadline <= 0:
        raise ValueError("deadline must be positive seconds")
    return max(1, min(0xFFFFFFFF, round(deadline * 1000)))
