"""Patch's exception tree, name for name, plus ``GatewayError`` for a dead JVM.

The transport raises these by the name the JVM reports, so every class here must keep
its exact name.
"""


class PatchError(Exception):
    pass


class NotConnectableError(PatchError):
    pass


class NotConnectedError(PatchError):
    pass


class TransformError(PatchError):
    pass


class HocError(PatchError):
    pass


class HocConnectError(HocError):
    pass


class HocRecordError(HocError):
    pass


class HocSectionAccessError(HocError):
    pass


class SimulationError(PatchError):
    pass


class UninitializedError(PatchError):
    pass


class ErrorHandlingError(PatchError):
    pass


class ParallelError(PatchError):
    pass


class ParallelConnectError(ParallelError):
    pass


class BroadcastError(ParallelError):
    pass


class GatewayError(PatchError):
    """The JVM behind ``p`` is gone (crashed, killed or never started)."""


__all__ = [
    "PatchError",
    "NotConnectableError",
    "NotConnectedError",
    "TransformError",
    "HocError",
    "HocConnectError",
    "HocRecordError",
    "HocSectionAccessError",
    "SimulationError",
    "UninitializedError",
    "ErrorHandlingError",
    "ParallelError",
    "ParallelConnectError",
    "BroadcastError",
    "GatewayError",
]
