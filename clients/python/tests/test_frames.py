"""Frame header checks and bounded decompression, without a server."""
from __future__ import annotations

import pytest

from nodeplan_client import NodeplanError, StatusCode
from nodeplan_client.frames import Frame, FrameType, Method, compress, decode, decompress, message_frame


def test_header_layout_matches_the_protocol_example():
    frame = Frame(FrameType.REQUEST, 0x01020304, Method.CONSOLIDATE, 0x02, 0x0A0B0C0D, b"\xee\xff")
    assert frame.encode() == bytes([0, 0, 0, 2, 1, 2, 2, 2, 1, 2, 3, 4, 0x0A, 0x0B, 0x0C, 0x0D, 0xEE, 0xFF])


@pytest.mark.parametrize("header, code", [
    (bytes([0, 0, 0, 0, 2, 1, 0, 0]) + bytes(8), StatusCode.UNIMPLEMENTED),      # version 2
    (bytes([0, 0, 0, 0, 1, 9, 0, 0]) + bytes(8), StatusCode.INVALID_ARGUMENT),   # type 9
    (bytes([0, 0, 0, 0, 1, 2, 2, 7]) + bytes(8), StatusCode.INVALID_ARGUMENT),   # method 7
    (bytes([0, 0, 0, 0, 1, 2, 6, 1]) + bytes(8), StatusCode.INVALID_ARGUMENT),   # unknown flag bit
    (bytes([0xFF, 0, 0, 0, 1, 3, 2, 1]) + bytes(8), StatusCode.RESOURCE_EXHAUSTED),  # 4 GiB payload
])
def test_bad_headers_are_rejected_with_their_status(header, code):
    with pytest.raises(NodeplanError) as failure:
        decode(header)
    assert failure.value.code == code


def test_large_payloads_are_compressed_and_round_trip():
    payload = b"nodeplan " * 500
    frame = message_frame(FrameType.REQUEST, payload, stream_id=1, method=Method.SOLVE)
    assert frame.compressed and len(frame.payload) < len(payload)
    assert decode(frame.encode()).message_bytes() == payload
    small = message_frame(FrameType.REQUEST, b"x", stream_id=2, method=Method.SOLVE)
    assert not small.compressed


def test_decompression_stops_at_the_limit():
    with pytest.raises(NodeplanError) as failure:
        decompress(compress(bytes(1 << 20)), max_size=1000)
    assert failure.value.code == StatusCode.RESOURCE_EXHAUSTED


def test_damaged_zstd_is_invalid_argument():
    with pytest.raises(NodeplanError) as failure:
        decompress(b"not zstd at all", max_size=1000)
    assert failure.value.code == StatusCode.INVALID_ARGUMENT


def test_truncated_zstd_is_invalid_argument():
    data = compress(b"nodeplan " * 500)
    with pytest.raises(NodeplanError) as failure:
        decompress(data[:-5], max_size=1 << 20)
    assert failure.value.code == StatusCode.INVALID_ARGUMENT


def test_several_zstd_frames_are_one_message():
    assert decompress(compress(b"node") + compress(b"plan"), max_size=100) == b"nodeplan"
