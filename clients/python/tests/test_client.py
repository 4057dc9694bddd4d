"""The blocking client against a live server."""
from __future__ import annotations

import pytest

from nodeplan_client import Client, NodeplanError, StatusCode, service_pb2, snapshot_pb2


def test_solve_returns_a_plan_for_every_pending_pod(server, small_snapshot):
    host, port, token = server
    snapshot = snapshot_pb2.Snapshot.FromString(small_snapshot)
    with Client(host, port, token) as client:
        plan = client.solve(small_snapshot, deadline=30)
    assert plan.launches, "30 pending pods on an empty cluster need new nodes"
    placed = {pod for launch in plan.launches for pod in launch.pods}
    placed |= {pod for assignment in plan.assignments for pod in assignment.pods}
    placed |= {unplaced.pod for unplaced in plan.unschedulable}
    pending = {index for index, pod in enumerate(snapshot.pods) if not pod.node_name}
    assert pending <= placed
    assert all(pod < len(snapshot.pods) for pod in placed)


def test_solve_accepts_a_message_like_bytes(server, small_snapshot):
    host, port, token = server
    with Client(host, port, token) as client:
        from_bytes = client.solve(small_snapshot, deadline=30)
        from_message = client.solve(snapshot_pb2.Snapshot.FromString(small_snapshot), deadline=30)
    assert [launch.choice.instance_type for launch in from_bytes.launches] == \
           [launch.choice.instance_type for launch in from_message.launches]


def test_health_and_server_info(server):
    with Client(*server) as client:
        assert client.health() == service_pb2.SERVING_STATUS_SERVING
        info = client.server_info()
    assert info.version
    assert 1 in info.protocol_versions
    assert 1 in info.methods  # METHOD_SOLVE


def test_a_tiny_deadline_on_a_big_snapshot_is_deadline_exceeded(server, big_snapshot):
    with Client(*server) as client:
        with pytest.raises(NodeplanError) as failure:
            client.solve(big_snapshot, deadline=0.001)
        assert failure.value.code == StatusCode.DEADLINE_EXCEEDED
        assert client.health() == service_pb2.SERVING_STATUS_SERVING


def test_a_wrong_token_is_unauthenticated(server):
    host, port, _ = server
    with pytest.raises(NodeplanError) as failure:
        Client(host, port, "not-the-token")
    assert failure.value.code == StatusCode.UNAUTHENTICATED


def test_an_invalid_snapshot_names_the_field(server, small_snapshot):
    snapshot = snapshot_pb2.Snapshot.FromString(small_snapshot)
    snapshot.ClearField("cluster")
    with Client(*server) as client:
        with pytest.raises(NodeplanError) as failure:
            client.solve(snapshot, deadline=30)
    assert failure.value.code == StatusCode.INVALID_ARGUMENT
    assert failure.value.field_path.startswith("snapshot.cluster")
