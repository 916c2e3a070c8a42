"""NEURON's ``neuron`` module on the jpatch engine: ``from neuron import h`` (and NEURON 9's
``n``) is NEURON's top-level interpreter, sharing the engine and every object with Patch's ``p``.

``h`` is created on first use, which starts the JVM (the same one ``p`` uses). Its classes and
functions beyond sections, segments, vectors, point processes and NetCons come from the engine's
registry (bridge/README.md, "The registry"); ``dir(h)`` lists them.
"""

from . import hoc, nrn, units


class _LazyInterpreter:
    """Stands for ``h`` (or ``n``) until first used; then forwards to the interpreter."""

    __slots__ = ("_repr",)

    def __init__(self, text):
        object.__setattr__(self, "_repr", text)

    def __getattr__(self, name):
        return getattr(_get_h(), name)

    def __setattr__(self, name, value):
        setattr(_get_h(), name, value)

    def __dir__(self):
        return dir(_get_h())

    def __call__(self, code):
        raise RuntimeError(f"h({code!r}): jpatch runs no hoc code yet")

    def __repr__(self):
        return self._repr


_h = None


def _get_h():
    global _h
    if _h is None:
        from patch._commands import session

        from ._interpreter import HocInterpreter

        _h = HocInterpreter(session())
    return _h


h = _LazyInterpreter("<TopLevelHocInterpreter>")
n = _LazyInterpreter("<TopLevelNEURONInterface>")


def load_mechanisms(path, warn_if_already_loaded=True):
    """NEURON's load_mechanisms: compiles and registers the NMODL mechanisms in ``path`` (a
    directory of .mod files, or one file) — no nrnivmodl: the engine translates NMODL itself."""
    _get_h().load_mechanisms(path)
    return True


__all__ = ["h", "hoc", "load_mechanisms", "n", "nrn", "units"]
