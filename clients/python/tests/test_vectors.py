"""The shared frames in clients/testdata decode to the fields listed in vectors.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nodeplan_client import frames_pb2, service_pb2
from nodeplan_client.frames import decode

TESTDATA = Path(__file__).resolve().parents[2] / "testdata"
VECTORS = json.loads((TESTDATA / "vectors.json").read_text())["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["file"] for vector in VECTORS])
def test_vector_decodes_as_listed(vector):
    data = (TESTDATA / vector["file"]).read_bytes()
    frame = decode(data)
    header = vector["header"]
    assert (len(frame.payload), frame.type, frame.flags, frame.method, frame.stream_id, frame.deadline_ms) == \
           (header["payload_length"], header["type"], header["flags"], header["method"], header["stream_id"],
            header["deadline_ms"])
    assert frame.encode() == data, "re-encoding gives the same bytes"
    expect = vector["decoded"]
    if expect["message"] == "nodeplan.v1.Hello":
        hello = frames_pb2.Hello.FromString(frame.message_bytes())
        assert (hello.protocol_version, hello.token, hello.client) == \
               (expect["protocol_version"], expect["token"], expect["client"])
    elif expect["message"] == "nodeplan.v1.SolveRequest":
        data = frame.message_bytes()
        assert len(data) == expect["message_length"]
        snapshot = service_pb2.SolveRequest.FromString(data).snapshot
        assert snapshot.cluster.name == expect["cluster_name"]
        assert snapshot.cluster.region == expect["region"]
        assert [pod.name for pod in snapshot.pods] == expect["pods"]
        assert len(snapshot.pod_specs) == expect["pod_specs"]
        assert snapshot.pod_specs[0].containers[0].requests.milli["cpu"] == expect["cpu_milli"]
        assert [pod.deleted_at if pod.HasField("deleted_at") else None for pod in snapshot.pods] == \
               expect["deleted_at"]
    elif expect["message"] == "nodeplan.v1.Error":
        error = frames_pb2.Error.FromString(frame.message_bytes())
        assert (error.code, error.message, error.field_path) == \
               (expect["code"], expect["error_message"], expect["field_path"])
    else:
        assert frame.payload == b""
