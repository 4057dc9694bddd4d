"""Status codes and the exception every failed call raises."""
from __future__ import annotations

import enum


class StatusCode(enum.IntEnum):
    """gRPC's status codes, as carried by nodeplan's ERROR and GOAWAY frames."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @classmethod
    def from_wire(cls, value: int) -> "StatusCode":
        """Maps a received number to a code; numbers this client does not know become UNKNOWN."""
        try:
            return cls(value)
        except ValueError:
            return cls.UNKNOWN


class NodeplanError(Exception):
    """A call or connection failed: the server's ERROR frame, a local deadline, or a protocol fault.

    ``field_path`` names the offending request field (e.g. ``snapshot.pods[12].spec``) when the
    server rejected the request's content; it is empty otherwise.
    """

    def __init__(self, code: StatusCode, message: str, field_path: str = "") -> None:
        self.code = code
        self.message = message
        self.field_path = field_path
        where = f" at {field_path}" if field_path else ""
        super().__init__(f"{code.name}{where}: {message}")
