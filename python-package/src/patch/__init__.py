"""Patch's API (``from patch import p``) on the jpatch engine.

``p`` (also ``h``) is the interpreter: sections, segments and mechanisms, Vector (numpy
and Arrow views), point processes (IClamp, SEClamp, VClamp, ExpSyn, Exp2Syn,
AlphaSynapse, APCount and NMODL ones loaded with ``p.load_mechanisms``), NetStim,
VecStim, NetCon, ParallelContext on one host, globals, run control (``p.run`` to an
absolute time, ``p.continuerun`` for a duration) and hoc's functions (allsec, cas, the
section stack, secname, psection, topology, the 3-D point functions).

Every object is a thin proxy of a JVM object: assignments are queued and sent in
batches, reads wait for the answer. An error in a queued assignment is raised at the
next read or run, naming the call that caused it; the model stays as it was before that
call.

Not offered: the variable-step integrator, hoc code
(``load_file`` accepts NEURON's standard libraries only), MPI with more than one rank.
"""

from .core import (
    is_density_mechanism,
    is_nrn_scalar,
    is_point_process,
    is_section,
    is_segment,
    transform,
    transform_arc,
    transform_netcon,
    transform_record,
)
from .exceptions import NotConnectableError, NotConnectedError
from .interpreter import PythonHocInterpreter

_interpreter = None


def _get_interpreter():
    global _interpreter
    if _interpreter is None:
        from ._commands import session

        _interpreter = PythonHocInterpreter(session())
    return _interpreter


def __getattr__(name):
    # `p` and `h` are created on first access, which starts the JVM.
    if name == "p" or name == "h":
        return _get_interpreter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def connection(source, target, strict=True):
    """The NetCon that connects ``source`` to ``target``."""
    for end, label in ((source, "Source"), (target, "Target")):
        if not hasattr(end, "_connections"):
            raise NotConnectableError(
                f"{label} {end!r} is not connectable: it lacks the `_connections` "
                "attribute required to form NetCons."
            )
    if target in source._connections:
        return source._connections[target]
    if not strict and source in target._connections:
        return target._connections[source]
    raise NotConnectedError(f"{source!r} is not connected to {target!r}.")


__all__ = [
    "connection",
    "h",
    "is_density_mechanism",
    "is_nrn_scalar",
    "is_point_process",
    "is_section",
    "is_segment",
    "p",
    "PythonHocInterpreter",
    "transform",
    "transform_arc",
    "transform_netcon",
    "transform_record",
]
