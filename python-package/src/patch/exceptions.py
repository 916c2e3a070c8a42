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


class QueuedCommandError(PatchError):
    """The engine refused a command Python had queued after checking it: a jpatch bug (a
    rule Python does not check), raised at the next synchronous call of the thread that
    made the queued call, naming both calls (bridge/README.md, "Errors at the line")."""


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
    "QueuedCommandError",
]
