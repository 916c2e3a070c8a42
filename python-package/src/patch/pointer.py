"""``_ref_<var>`` pointers: a name for one simulator variable, as NEURON's data handles."""


class Pointer:
    """Refers to one variable (a segment's ``v``, a point process's ``i``, the global ``t``).

    It carries the bridge's variable reference and keeps its owner alive, so the
    variable it names cannot disappear while it is held. ``ptr[0]`` reads and writes
    the value, as in NEURON.
    """

    __slots__ = ("_session", "_ref", "_owner", "_label", "_read", "_write", "__weakref__")

    def __init__(self, session, ref, owner, label, read, write):
        self._session = session
        self._ref = ref
        self._owner = owner
        self._label = label
        self._read = read
        self._write = write

    def _bridge_value(self):
        return self._ref

    def _check_index(self, index):
        if index != 0:
            raise IndexError(f"a pointer to {self._label} has only index 0, not {index!r}")

    def __getitem__(self, index):
        self._check_index(index)
        return self._session.ask(self._read, f"{self._label}[0]")

    def __setitem__(self, index, value):
        from .objects import encode

        self._check_index(index)
        # Synchronous: the variable may be gone (an uninserted mechanism's, a POINTER's unset target).
        self._session.ask([*self._write, encode(value)], f"{self._label}[0] = {value!r}")

    def check_alive(self):
        """ReferenceError if what the variable belongs to was deleted (_rules)."""
        from . import _rules
        from .point_process import PointProcess
        from .section import Section

        owner = self._owner
        if isinstance(owner, Section):
            _rules.alive(owner)
        elif isinstance(owner, PointProcess):
            _rules.point_process_alive(owner)

    @property
    def var(self):
        return self._ref["var"]

    def __eq__(self, other):
        return isinstance(other, Pointer) and self._ref == other._ref

    def __hash__(self):
        return hash(tuple(sorted((k, str(v)) for k, v in self._ref.items())))

    def __repr__(self):
        # NEURON < 9 printed "<pointer to hoc scalar>": Patch's is_nrn_scalar looks for those words.
        return f"<pointer to hoc scalar {self._label}>"

    __str__ = __repr__


def segment_pointer(section, x, var):
    session = section._session
    h = section._h
    return Pointer(
        session,
        {"ref": "seg", "sec": h, "x": x, "var": var},
        section,
        f"{section.name()}({x:g}).{var}",
        ["sget", h, x, var],
        ["sset", h, x, var],
    )


def point_process_pointer(pp, var):
    h = pp._h
    return Pointer(
        pp._session,
        {"ref": "pp", "pp": h, "var": var},
        pp,
        f"{pp.hname()}.{var}",
        ["get", h, var],
        ["set", h, var],
    )


def global_pointer(interpreter, var):
    return Pointer(
        interpreter._session,
        {"ref": "global", "var": var},
        interpreter,
        var,
        ["gget", var],
        ["gset", var],
    )
