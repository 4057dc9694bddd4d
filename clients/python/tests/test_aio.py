"""The asyncio client against a live server."""
from __future__ import annotations

import asyncio

import pytest

from nodeplan_client import AsyncClient, NodeplanError, StatusCode, service_pb2


def test_concurrent_solves_and_health(server, small_snapshot):
    async def run():
        async with await AsyncClient.connect(*server) as client:
            plans = await asyncio.gather(client.solve(small_snapshot, deadline=30),
                                         client.solve(small_snapshot, deadline=30))
            status = await client.health()
            info = await client.server_info()
        return plans, status, info

    plans, status, info = asyncio.run(run())
    assert all(plan.launches for plan in plans)
    assert status == service_pb2.SERVING_STATUS_SERVING
    assert 1 in info.protocol_versions


def test_deadline_exceeded(server, big_snapshot):
    async def run():
        async with await AsyncClient.connect(*server) as client:
            with pytest.raises(NodeplanError) as failure:
                await client.solve(big_snapshot, deadline=0.001)
            return failure.value.code, await client.health()

    code, status = asyncio.run(run())
    assert code == StatusCode.DEADLINE_EXCEEDED
    assert status == service_pb2.SERVING_STATUS_SERVING


def test_cancelling_the_task_cancels_the_call_and_keeps_the_connection(server, big_snapshot):
    async def run():
        async with await AsyncClient.connect(*server) as client:
            call = asyncio.create_task(client.solve(big_snapshot, deadline=60))
            await asyncio.sleep(0.2)
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
            assert not client._pending, "the cancelled stream is forgotten"
            return await client.health()

    assert asyncio.run(run()) == service_pb2.SERVING_STATUS_SERVING


def test_a_wrong_token_is_unauthenticated(server):
    host, port, _ = server

    async def run():
        await AsyncClient.connect(host, port, "not-the-token")

    with pytest.raises(NodeplanError) as failure:
        asyncio.run(run())
    assert failure.value.code == StatusCode.UNAUTHENTICATED
