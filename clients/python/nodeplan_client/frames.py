"""The 16-byte frame header, payload compression and the messages carried in frames (docs/protocol.md)."""
from __future__ import annotations

import dataclasses
import enum
import io
import struct
from typing import Optional

import zstandard

from .errors import NodeplanError, StatusCode
from .generated.nodeplan.v1 import frames_pb2

HEADER = struct.Struct(">IBBBBII")
HEADER_SIZE = HEADER.size
VERSION = 1
#: Payloads of this size or more are sent zstd-compressed, like the Swift implementation does.
COMPRESSION_THRESHOLD = 1024
DEFAULT_MAX_PAYLOAD_BYTES = 64 << 20
DEFAULT_MAX_DECOMPRESSED_BYTES = 512 << 20


class FrameType(enum.IntEnum):
    HELLO = 1
    REQUEST = 2
    RESPONSE = 3
    ERROR = 4
    CANCEL = 5
    PING = 6
    PONG = 7
    GOAWAY = 8


class Method(enum.IntEnum):
    NONE = 0
    SOLVE = 1
    CONSOLIDATE = 2
    PLAN = 3
    VALIDATE = 4
    HEALTH = 5
    SERVER_INFO = 6


FLAG_COMPRESSED = 0x01
FLAG_END_STREAM = 0x02


@dataclasses.dataclass(frozen=True)
class Frame:
    """One frame; ``payload`` is the bytes as sent (still compressed when ``compressed``)."""

    type: FrameType
    stream_id: int = 0
    method: Method = Method.NONE
    flags: int = 0
    deadline_ms: int = 0
    payload: bytes = b""

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)

    def encode(self) -> bytes:
        return HEADER.pack(len(self.payload), VERSION, self.type, self.flags, self.method,
                           self.stream_id, self.deadline_ms) + self.payload

    def message_bytes(self, max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> bytes:
        """The payload's protobuf bytes, decompressed under a hard cap when the frame is compressed."""
        if not self.compressed:
            if len(self.payload) > max_decompressed_bytes:
                raise NodeplanError(StatusCode.RESOURCE_EXHAUSTED, "message larger than the limit")
            return self.payload
        return decompress(self.payload, max_decompressed_bytes)

    def error(self) -> NodeplanError:
        """The Error message of an ERROR frame as an exception."""
        message = frames_pb2.Error()
        message.ParseFromString(self.message_bytes())
        return NodeplanError(StatusCode.from_wire(message.code), message.message, message.field_path)


def compress(data: bytes) -> bytes:
    """One zstd frame, level 3, with its content size and a checksum."""
    return zstandard.ZstdCompressor(level=3, write_checksum=True, write_content_size=True).compress(data)


def decompress(data: bytes, max_size: int) -> bytes:
    """Decompresses every zstd frame in ``data``, failing as soon as the output passes ``max_size``."""
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
        out = reader.read(max_size + 1)
        # read() may return less than asked before the end; keep reading until EOF or the cap.
        chunks = [out]
        total = len(out)
        while out and total <= max_size:
            out = reader.read(max_size + 1 - total)
            chunks.append(out)
            total += len(out)
    except zstandard.ZstdError as failure:
        raise NodeplanError(StatusCode.INVALID_ARGUMENT, f"payload is not valid zstd: {failure}") from None
    if total > max_size:
        raise NodeplanError(StatusCode.RESOURCE_EXHAUSTED, f"message decompresses past {max_size} bytes")
    _check_complete(data)
    return b"".join(chunks)


def _check_complete(data: bytes) -> None:
    """Rejects input that ends mid-frame (the stream reader returns what it has without complaint).

    Runs after the bounded read, so the output it produces is known to be within the limit.
    """
    remaining = data
    while remaining:
        frame = zstandard.ZstdDecompressor().decompressobj()
        try:
            frame.decompress(remaining)
        except zstandard.ZstdError as failure:
            raise NodeplanError(StatusCode.INVALID_ARGUMENT, f"payload is not valid zstd: {failure}") from None
        if not frame.eof:
            raise NodeplanError(StatusCode.INVALID_ARGUMENT, "zstd payload ends mid-frame")
        remaining = frame.unused_data


def message_frame(frame_type: FrameType, payload: bytes, *, stream_id: int = 0,
                  method: Method = Method.NONE, deadline_ms: int = 0,
                  compress_from: Optional[int] = COMPRESSION_THRESHOLD) -> Frame:
    """A frame carrying protobuf bytes; compressed when ``compress_from`` is set and reached."""
    flags = FLAG_END_STREAM if stream_id else 0
    if compress_from is not None and len(payload) >= compress_from:
        payload = compress(payload)
        flags |= FLAG_COMPRESSED
    return Frame(frame_type, stream_id, method, flags, deadline_ms, payload)


def parse_header(header: bytes, max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES) -> tuple[int, Frame]:
    """Checks a 16-byte header (docs/protocol.md §8); returns the payload length and the frame sans payload."""
    length, version, frame_type, flags, method, stream_id, deadline = HEADER.unpack(header)
    if version != VERSION:
        raise NodeplanError(StatusCode.UNIMPLEMENTED, f"frame version {version} is not 1")
    if not 1 <= frame_type <= 8:
        raise NodeplanError(StatusCode.INVALID_ARGUMENT, f"frame type {frame_type} is not 1...8")
    if method > 6:
        raise NodeplanError(StatusCode.INVALID_ARGUMENT, f"method {method} is not 0...6")
    if length > max_payload_bytes:
        raise NodeplanError(StatusCode.RESOURCE_EXHAUSTED, f"payload of {length} bytes exceeds {max_payload_bytes}")
    if flags & ~(FLAG_COMPRESSED | FLAG_END_STREAM):
        raise NodeplanError(StatusCode.INVALID_ARGUMENT, f"unknown flag bits {flags:#04x}")
    return length, Frame(FrameType(frame_type), stream_id, Method(method), flags, deadline)


def decode(data: bytes) -> Frame:
    """Decodes exactly one complete frame (header and payload)."""
    if len(data) < HEADER_SIZE:
        raise NodeplanError(StatusCode.INVALID_ARGUMENT, "frame shorter than its 16-byte header")
    length, frame = parse_header(data[:HEADER_SIZE])
    if len(data) != HEADER_SIZE + length:
        raise NodeplanError(StatusCode.INVALID_ARGUMENT,
                            f"frame holds {len(data) - HEADER_SIZE} payload bytes, header says {length}")
    return dataclasses.replace(frame, payload=bytes(data[HEADER_SIZE:]))
