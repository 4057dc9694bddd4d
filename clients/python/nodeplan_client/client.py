"""Blocking client: one call at a time on one TCP connection."""
from __future__ import annotations

import socket
import time
from typing import Optional

from . import calls
from .errors import NodeplanError, StatusCode
from .frames import (DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PAYLOAD_BYTES, HEADER_SIZE, Frame,
                     FrameType, Method, message_frame, parse_header)
from .generated.nodeplan.v1 import frames_pb2, plan_pb2, service_pb2

#: Time the client waits past a call's deadline for the server's DEADLINE_EXCEEDED before giving up itself.
DEADLINE_GRACE_SECONDS = 1.0


class Client:
    """A blocking nodeplan client.

    >>> with Client("127.0.0.1", 7070, token="secret") as client:
    ...     plan = client.solve(open("s.pb", "rb").read(), deadline=5.0)

    Every failure raises :class:`NodeplanError` with a :class:`StatusCode`. The connection is opened
    and authenticated by the constructor (``connect_timeout`` bounds both).
    """

    def __init__(self, host: str, port: int, token: str, *, client_name: str = "nodeplan-client (python)",
                 connect_timeout: float = 10.0) -> None:
        self._next_stream = 1
        self._max_payload = DEFAULT_MAX_PAYLOAD_BYTES
        self._max_decompressed = DEFAULT_MAX_DECOMPRESSED_BYTES
        try:
            self._sock = socket.create_connection((host, port), timeout=connect_timeout)
        except OSError as failure:
            raise NodeplanError(StatusCode.UNAVAILABLE, f"cannot connect to {host}:{port}: {failure}") from None
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            self._send(message_frame(FrameType.HELLO, calls.hello(token, client_name), compress_from=None))
            ack = self._receive(time.monotonic() + connect_timeout)
            if ack.type == FrameType.ERROR:
                raise ack.error()
            if ack.type != FrameType.HELLO:
                raise NodeplanError(StatusCode.UNKNOWN, f"expected HELLO, got {ack.type.name}")
            self.hello_ack = frames_pb2.HelloAck()
            self.hello_ack.ParseFromString(ack.message_bytes(self._max_decompressed))
        except BaseException:
            self.close()
            raise
        if self.hello_ack.max_frame_payload_bytes:
            self._max_payload = self.hello_ack.max_frame_payload_bytes

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._sock.close()

    def solve(self, snapshot: calls.SnapshotLike, deadline: Optional[float] = None) -> plan_pb2.Plan:
        """Provisioning plan for a snapshot (message or serialized bytes); ``deadline`` in seconds."""
        return calls.plan_from(Method.SOLVE, self._call(Method.SOLVE, calls.snapshot_request(snapshot), deadline))

    def plan(self, snapshot: calls.SnapshotLike, deadline: Optional[float] = None) -> plan_pb2.Plan:
        """Provisioning, then consolidation."""
        return calls.plan_from(Method.PLAN, self._call(Method.PLAN, calls.snapshot_request(snapshot), deadline))

    def health(self, deadline: Optional[float] = 10.0) -> int:
        """The server's ``ServingStatus`` (e.g. ``service_pb2.SERVING_STATUS_SERVING``)."""
        response = service_pb2.HealthResponse()
        response.ParseFromString(self._call(Method.HEALTH, b"", deadline))
        return response.status

    def server_info(self, deadline: Optional[float] = 10.0) -> service_pb2.ServerInfoResponse:
        response = service_pb2.ServerInfoResponse()
        response.ParseFromString(self._call(Method.SERVER_INFO, b"", deadline))
        return response

    def _call(self, method: Method, request: bytes, deadline: Optional[float]) -> bytes:
        stream = self._next_stream
        self._next_stream += 1
        millis = calls.deadline_ms(deadline)
        frame = message_frame(FrameType.REQUEST, request, stream_id=stream, method=method, deadline_ms=millis)
        if len(frame.payload) > self._max_payload:
            raise NodeplanError(StatusCode.RESOURCE_EXHAUSTED,
                                f"request of {len(frame.payload)} bytes exceeds the server's limit of {self._max_payload}")
        self._send(frame)
        give_up = None if deadline is None else time.monotonic() + deadline + DEADLINE_GRACE_SECONDS
        while True:
            try:
                frame = self._receive(give_up)
            except NodeplanError as failure:
                if failure.code == StatusCode.DEADLINE_EXCEEDED:
                    self._send(Frame(FrameType.CANCEL, stream, flags=0x02))
                raise
            if frame.type == FrameType.PING:
                self._send(Frame(FrameType.PONG, payload=frame.payload))
            elif frame.type == FrameType.ERROR and frame.stream_id in (0, stream):
                raise frame.error()
            elif frame.type == FrameType.RESPONSE and frame.stream_id == stream:
                return frame.message_bytes(self._max_decompressed)
            # GOAWAY leaves this call to finish; frames of other streams are stale and ignored.

    def _send(self, frame: Frame) -> None:
        try:
            self._sock.sendall(frame.encode())
        except OSError as failure:
            raise NodeplanError(StatusCode.UNAVAILABLE, f"connection lost: {failure}") from None

    def _receive(self, give_up: Optional[float]) -> Frame:
        header = self._read(HEADER_SIZE, give_up)
        length, frame = parse_header(header, DEFAULT_MAX_PAYLOAD_BYTES)
        payload = self._read(length, give_up) if length else b""
        return Frame(frame.type, frame.stream_id, frame.method, frame.flags, frame.deadline_ms, payload)

    def _read(self, count: int, give_up: Optional[float]) -> bytes:
        buffer = bytearray()
        while len(buffer) < count:
            if give_up is None:
                self._sock.settimeout(None)
            else:
                remaining = give_up - time.monotonic()
                if remaining <= 0:
                    if buffer:  # mid-frame: the stream of frames can no longer be followed
                        self.close()
                    raise NodeplanError(StatusCode.DEADLINE_EXCEEDED, "no answer before the deadline")
                self._sock.settimeout(remaining)
            try:
                chunk = self._sock.recv(min(count - len(buffer), 1 << 20))
            except socket.timeout:
                continue
            except OSError as failure:
                raise NodeplanError(StatusCode.UNAVAILABLE, f"connection lost: {failure}") from None
            if not chunk:
                raise NodeplanError(StatusCode.UNAVAILABLE, "server closed the connection")
            buffer += chunk
        return bytes(buffer)
