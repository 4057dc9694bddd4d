"""asyncio client: concurrent calls on one connection; cancelling a call's task sends CANCEL."""
from __future__ import annotations

import asyncio
from typing import Optional

from . import calls
from .errors import NodeplanError, StatusCode
from .frames import (DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PAYLOAD_BYTES, FLAG_END_STREAM, HEADER_SIZE,
                     Frame, FrameType, Method, message_frame, parse_header)
from .generated.nodeplan.v1 import frames_pb2, plan_pb2, service_pb2

#: Time a call waits past its deadline for the server's DEADLINE_EXCEEDED before giving up itself.
DEADLINE_GRACE_SECONDS = 1.0


class AsyncClient:
    """An asyncio nodeplan client. Open it with :meth:`connect`:

    >>> client = await AsyncClient.connect("127.0.0.1", 7070, token="secret")
    >>> plan = await client.solve(snapshot_bytes, deadline=5.0)
    >>> await client.close()
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 hello_ack: frames_pb2.HelloAck) -> None:
        self.hello_ack = hello_ack
        self._reader = reader
        self._writer = writer
        self._next_stream = 1
        self._pending: dict[int, asyncio.Future[Frame]] = {}
        self._closed: Optional[NodeplanError] = None
        self._read_task = asyncio.create_task(self._read_loop())

    @classmethod
    async def connect(cls, host: str, port: int, token: str, *, client_name: str = "nodeplan-client (python asyncio)",
                      connect_timeout: float = 10.0) -> "AsyncClient":
        """Connects and authenticates; ``UNAUTHENTICATED`` when the server refuses the token."""
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), connect_timeout)
        except (OSError, asyncio.TimeoutError) as failure:
            raise NodeplanError(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {failure!r}") from None
        try:
            writer.write(message_frame(FrameType.HELLO, calls.hello(token, client_name), compress_from=None).encode())
            ack = await asyncio.wait_for(_read_frame(reader), connect_timeout)
            if ack.type == FrameType.ERROR:
                raise ack.error()
            if ack.type != FrameType.HELLO:
                raise NodeplanError(StatusCode.UNKNOWN, f"expected HELLO, got {ack.type.name}")
            hello_ack = frames_pb2.HelloAck()
            hello_ack.ParseFromString(ack.message_bytes())
        except asyncio.TimeoutError:
            writer.close()
            raise NodeplanError(StatusCode.DEADLINE_EXCEEDED, "no hello answer in time") from None
        except BaseException:
            writer.close()
            raise
        return cls(reader, writer, hello_ack)

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        self._read_task.cancel()
        self._writer.close()
        try:
            await self._writer.wait_closed()
        except OSError:
            pass
        self._fail_all(NodeplanError(StatusCode.UNAVAILABLE, "client closed"))

    async def solve(self, snapshot: calls.SnapshotLike, deadline: Optional[float] = None) -> plan_pb2.Plan:
        """Provisioning plan for a snapshot (message or serialized bytes); ``deadline`` in seconds."""
        data = await self._call(Method.SOLVE, calls.snapshot_request(snapshot), deadline)
        return calls.plan_from(Method.SOLVE, data)

    async def plan(self, snapshot: calls.SnapshotLike, deadline: Optional[float] = None) -> plan_pb2.Plan:
        data = await self._call(Method.PLAN, calls.snapshot_request(snapshot), deadline)
        return calls.plan_from(Method.PLAN, data)

    async def health(self, deadline: Optional[float] = 10.0) -> int:
        response = service_pb2.HealthResponse()
        response.ParseFromString(await self._call(Method.HEALTH, b"", deadline))
        return response.status

    async def server_info(self, deadline: Optional[float] = 10.0) -> service_pb2.ServerInfoResponse:
        response = service_pb2.ServerInfoResponse()
        response.ParseFromString(await self._call(Method.SERVER_INFO, b"", deadline))
        return response

    async def _call(self, method: Method, request: bytes, deadline: Optional[float]) -> bytes:
        if self._closed is not None:
            raise self._closed
        frame = message_frame(FrameType.REQUEST, request, stream_id=self._next_stream, method=method,
                              deadline_ms=calls.deadline_ms(deadline))
        limit = self.hello_ack.max_frame_payload_bytes or DEFAULT_MAX_PAYLOAD_BYTES
        if len(frame.payload) > limit:
            raise NodeplanError(StatusCode.RESOURCE_EXHAUSTED,
                                f"request of {len(frame.payload)} bytes exceeds the server's limit of {limit}")
        stream = self._next_stream
        self._next_stream += 1
        answer: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
        self._pending[stream] = answer
        try:
            self._writer.write(frame.encode())
            await self._writer.drain()
            wait = None if deadline is None else deadline + DEADLINE_GRACE_SECONDS
            try:
                reply = await asyncio.wait_for(asyncio.shield(answer), wait)
            except asyncio.TimeoutError:
                self._cancel_on_server(stream)
                raise NodeplanError(StatusCode.DEADLINE_EXCEEDED, "no answer before the deadline") from None
        except asyncio.CancelledError:
            self._cancel_on_server(stream)
            raise
        finally:
            self._pending.pop(stream, None)
        if reply.type == FrameType.ERROR:
            raise reply.error()
        return reply.message_bytes(DEFAULT_MAX_DECOMPRESSED_BYTES)

    def _cancel_on_server(self, stream: int) -> None:
        if self._closed is None and not self._writer.is_closing():
            self._writer.write(Frame(FrameType.CANCEL, stream, flags=FLAG_END_STREAM).encode())

    async def _read_loop(self) -> None:
        try:
            while True:
                frame = await _read_frame(self._reader)
                if frame.type == FrameType.PING:
                    self._writer.write(Frame(FrameType.PONG, payload=frame.payload).encode())
                elif frame.type == FrameType.ERROR and frame.stream_id == 0:
                    self._fail_all(frame.error())
                    return
                elif frame.type in (FrameType.RESPONSE, FrameType.ERROR):
                    answer = self._pending.get(frame.stream_id)
                    if answer is not None and not answer.done():
                        answer.set_result(frame)
                # GOAWAY: accepted calls still finish; a later call gets UNAVAILABLE from the server.
        except NodeplanError as failure:
            self._fail_all(failure)
        except (asyncio.IncompleteReadError, OSError):
            self._fail_all(NodeplanError(StatusCode.UNAVAILABLE, "server closed the connection"))

    def _fail_all(self, failure: NodeplanError) -> None:
        self._closed = self._closed or failure
        for answer in self._pending.values():
            if not answer.done():
                answer.set_exception(failure)


async def _read_frame(reader: asyncio.StreamReader) -> Frame:
    length, frame = parse_header(await reader.readexactly(HEADER_SIZE), DEFAULT_MAX_PAYLOAD_BYTES)
    payload = await reader.readexactly(length) if length else b""
    return Frame(frame.type, frame.stream_id, frame.method, frame.flags, frame.deadline_ms, payload)
