"""Python client for the nodeplan solver's framed TCP protocol (docs/protocol.md)."""
from .aio import AsyncClient
from .client import Client
from .errors import NodeplanError, StatusCode
from .frames import Frame, FrameType, Method
from .generated.nodeplan.v1 import frames_pb2, model_pb2, plan_pb2, service_pb2, snapshot_pb2

__all__ = ["AsyncClient", "Client", "Frame", "FrameType", "Method", "NodeplanError", "StatusCode",
           "frames_pb2", "model_pb2", "plan_pb2", "service_pb2", "snapshot_pb2"]
