"""Patch's error handling API (``patch.error_handler``): turn NEURON's RuntimeErrors into Patch's
exceptions. On jpatch every refusal already raises at its line with a typed exception and a
message naming the bad value; this module keeps Patch's API for code written against it.

``catch_hoc_error(*handlers, **context)`` runs its block with NEURON's output captured; a
RuntimeError (what NEURON's hoc_execerror is in Python) is offered to each handler with the
captured text and the message, and becomes a ``HocError`` if none raises a Patch exception.
"""

import io
import os
import sys
from contextlib import contextmanager

from .exceptions import ErrorHandlingError, HocConnectError, HocError, HocRecordError, HocSectionAccessError, PatchError


@contextmanager
def _suppress_nrn(stream=None, close=False):
    """Sends what is printed meanwhile to ``stream`` (by default nowhere)."""
    if stream is None:
        stream = open(os.devnull, "w")
        close = True
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = stream
    try:
        yield
    finally:
        if close:
            stream.close()
        sys.stdout, sys.stderr = saved


@contextmanager
def catch_hoc_error(*handlers, **context):
    with io.StringIO() as printed:
        try:
            with _suppress_nrn(printed):
                yield
        except RuntimeError as e:
            # NEURON prints its message and raises "hoc error"; jpatch puts it in the exception.
            error = printed.getvalue() + str(e)
            for handler in handlers:
                handler(error, context)
            raise HocError(str(e)) from None


class ErrorHandler:
    """A handler class: ``catch_hoc_error(MyHandler, needed=...)`` makes one per error. It
    checks that the context holds the items its class lists in ``required`` and calls
    ``catch(error, context)``, which raises a polished Patch exception or returns. Anything
    else it raises becomes an ``ErrorHandlingError``."""

    def __init__(self, error, context):
        name = type(self).__name__
        if not hasattr(type(self), "required"):
            raise ErrorHandlingError(f"Error context requirements missing for {name}")
        for item in type(self).required:
            if item not in context:
                raise ErrorHandlingError(f"Required error context item '{item}' for {name} is missing")
        self.__dict__.update(context)
        try:
            self.catch(error, context)
        except PatchError:
            raise
        except Exception as e:
            raise ErrorHandlingError(f"{name} errored out during error handling.") from e

    def catch(self, error, context):
        raise ErrorHandlingError(f"Catch method not implemented for {type(self).__name__}")


def detector(error):
    """A test for phrases in ``error`` (case-insensitive): ``detector(error)("arg 1")``."""
    text = error.lower()
    return lambda phrase: phrase.lower() in text


class CatchNetCon(ErrorHandler):
    """NetCon refusals as HocConnectError (needs ``nrn_source`` and ``nrn_target``)."""

    required = ["nrn_source", "nrn_target"]

    def catch(self, error, context):
        found = detector(error)
        if found("netcon source") or found("arg 1"):
            raise HocConnectError(f"Source is not a point process. Transformed type: '{type(self.nrn_source)}'")
        if found("netcon target") or found("arg 2"):
            raise HocConnectError(f"Target is not a point process. Transformed type: '{type(self.nrn_target)}'")


class CatchSectionAccess(ErrorHandler):
    """"Section access unspecified" as HocSectionAccessError."""

    required = []

    def catch(self, error, context):
        if detector(error)("section access unspecified"):
            raise HocSectionAccessError(
                "This operation requires a Section on the stack or perhaps a `sec` keyword argument."
            )


class CatchRecord(ErrorHandler):
    """Vector.record refusals as HocRecordError (needs ``target``)."""

    required = ["target"]

    def catch(self, error, context):
        found = detector(error)
        if found("record") or found("pointer"):
            raise HocRecordError(f"Can't record {self.target}, its record pointer is not a point process.")
