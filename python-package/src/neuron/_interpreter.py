"""``h``: NEURON's top-level interpreter on the jpatch engine, with NEURON's semantics where
Patch's ``p`` differs (celsius stays 6.3 °C, NetCon takes threshold, delay and weight by position
with NEURON's defaults, ``run()`` runs to ``tstop``, ``continuerun(t)`` to the absolute time t)."""

import numbers

from patch import _rules
from patch.core import is_nrn_scalar, transform_netcon
from patch.interpreter import PythonHocInterpreter
from patch.network import NetCon, NetStim, VecStim
from patch.objects import to_neuron
from patch.point_process import APCount, PointProcess
from patch.section import Section

# What p adds to NEURON's names (Patch's API), kept out of dir(h).
_PATCH_ONLY = frozenset({"ParallelCon", "parallel", "record", "time"})

# NEURON's NetCon defaults: threshold 10 mV, delay 1 ms, weight 0.
_NETCON_DEFAULTS = (("threshold", 10.0), ("delay", 1.0), ("weight", 0.0))


class HocInterpreter(PythonHocInterpreter):
    """NEURON's ``h``: shares the engine, the objects and the globals with Patch's ``p``."""

    __module__ = "hoc"
    _initial_celsius = None
    # NEURON's classes: h hands out NEURON-level objects (p's are Patch's views of the same).
    _section_class = Section
    _point_process_classes = {"APCount": APCount, "NetStim": NetStim, "VecStim": VecStim}
    _point_process_class = PointProcess
    _netcon_class = NetCon
    _present = staticmethod(to_neuron)

    def __repr__(self):
        return "<TopLevelHocInterpreter>"

    def __dir__(self):
        # Patch's own conveniences are p's, not NEURON's h's.
        return sorted(set(super().__dir__()) - _PATCH_ONLY)

    def Section(self, name=None, cell=None):
        """Section(name=None, cell=None): a new section, named ``<cell>.<name>`` when it
        belongs to a cell object (NEURON's naming: ``BallAndStick[0].soma``)."""
        if cell is not None:
            if name is None:
                raise TypeError("Section(cell=...) needs a name too")
            section = super().Section(f"{cell}.{name}")
            section.__dict__["_cell"] = cell
            return section
        return super().Section(name)

    def NetCon(self, source, target=None, *args, sec=None):
        """NetCon(source, target, [threshold, delay, weight], sec=None): source is a
        variable reference (``seg._ref_v``), a point process or None; target a point process
        or None. NEURON's defaults: threshold 10 mV, delay 1 ms, weight 0."""
        if len(args) > 3:
            raise TypeError(f"NetCon takes at most 5 positional arguments, got {2 + len(args)}")
        nrn_source = transform_netcon(source)
        nrn_target = transform_netcon(target)
        if not (nrn_source is None or is_nrn_scalar(nrn_source) or isinstance(nrn_source, PointProcess)):
            raise RuntimeError(f"NetCon source {source!r} must be a variable reference, a point process or None")
        if not (nrn_target is None or isinstance(nrn_target, PointProcess)):
            raise RuntimeError(f"NetCon target {target!r} must be a point process or None")
        for value, (name, _) in zip(args, _NETCON_DEFAULTS):
            _rules.number(value, f"NetCon {name}")
        connection = self._netcon_class(self, self._session.new_handle(), nrn_source, nrn_target, self._next_index("NetCon"))
        given = dict(zip((name for name, _ in _NETCON_DEFAULTS), args))
        for name, default in _NETCON_DEFAULTS:
            setattr(connection, name, given.get(name, default))
        return connection

    def run(self, tstop=None):
        """stdrun's run(): initialise to v_init and run to ``tstop`` (given, or h.tstop)."""
        if tstop is not None:
            self.tstop = tstop
        self.stdinit()
        self.continuerun(self.tstop)
        return 0.0

    def stdinit(self):
        """stdrun's stdinit(): setdt(), then finitialize(v_init)."""
        self.setdt()
        self.finitialize(self.v_init)
        return 0.0

    init = stdinit

    def continuerun(self, tstop):
        """stdrun's continuerun(tstop): advance to the absolute time ``tstop``."""
        if not isinstance(tstop, numbers.Real):
            raise TypeError(f"continuerun(tstop) takes a number, got {tstop!r}")
        self._session.ask(["sim", "continuerun", [float(tstop)]], f"h.continuerun({tstop!r})")
        return 0.0

