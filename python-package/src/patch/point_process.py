"""Point processes (IClamp, SEClamp, synapses…): one mechanism instance at one location."""

from . import _rules
from .core import is_sequence
from .objects import Connectable, PatchLevel, PointerWrapper, PythonHocObject, patch_interpreter, patch_level
from .pointer import point_process_pointer
from .segment import PatchSegment, Segment


# Descriptions of queued calls, formatted only if the command fails (_commands.describe).
NEW_AT_SEGMENT = "{}({}({:g}))"  # mechanism, section label, x
ASSIGNMENT = "{}[{}].{} = {!r}"  # mechanism, index, name, value


class PointProcess(PythonHocObject):
    """Any point process, as NEURON's ``h.IClamp(...)`` (a hoc.HocObject there): parameters and
    states are attributes, ``_ref_<var>`` pointers. Patch's classes are below."""

    __module__ = "hoc"

    _kind = "PointProcess"

    def __init__(self, interpreter, handle, mechanism, index, section=None, x=None):
        """At ``x`` of ``section``; artificial cells (NetStim…) have no location."""
        info = interpreter._catalogue.info(mechanism)
        if section is not None:
            # Before registering: a refused point process leaves no handle behind.
            _rules.alive(section)
        super().__init__(interpreter, handle)
        d = self.__dict__
        d["_mechanism"] = mechanism
        # Where it stands (None for an artificial cell): it goes with its section.
        d["_section"] = section
        # A NetCon to it has this many weights (None: it cannot be a NetCon target).
        d["_weights"] = info.weights
        # Shared by every instance of the type (never changed): Python name → engine
        # name of the scalar variables, and the array variables' lengths.
        d["_variables"] = info.scalars
        d["_arrays"] = info.arrays
        d["_pointers"] = info.pointers
        d["_index"] = index
        # Descriptions are formatted only if the command fails (see _commands.describe).
        if section is None:
            self._session.send(("new", handle, "PointProcess", mechanism), f"p.{mechanism}()")
        else:
            self._session.send(
                ("new", handle, "PointProcess", mechanism, {"h": section._h}, x),
                (NEW_AT_SEGMENT, mechanism, section._label(), x),
            )

    def __setattr__(self, name, value):
        var = self._variables.get(name)
        if var is not None:
            _rules.point_process_alive(self)
            cls = type(value)
            if cls is not float and cls is not int:
                value = _rules.number(value, f"{self.hname()}.{name}")
            d = self.__dict__
            self._session.send(("set", d["_h"], var, value), (ASSIGNMENT, d["_mechanism"], d["_index"], name, value))
        elif name in self._pointers:
            # The bridge writes the POINTER's target, which may not be set yet: synchronous.
            value = _rules.number(value, f"{self.hname()}.{name}")
            self._session.ask(["set", self._h, name, value], f"{self.hname()}.{name} = {value!r}")
        elif isinstance(getattr(type(self), name, None), property):
            object.__setattr__(self, name, value)
        else:
            self._own_attribute(name, value)

    def __getattr__(self, name):
        variables = self.__dict__.get("_variables", {})
        pointers = self.__dict__.get("_pointers", frozenset())
        var = variables.get(name) or (name if name in pointers else None)
        if var is not None:
            return self._session.ask(["get", self._h, var], f"{self.hname()}.{name}")
        if name.startswith("_ref_") and name[5:] in variables:
            return point_process_pointer(self, variables[name[5:]])
        if name.startswith("_ref_") and name[5:] in pointers:
            # NEURON hands out the POINTER's target; the bridge resolves it when the reference is used.
            return point_process_pointer(self, name[5:])
        length = self.__dict__.get("_arrays", {}).get(name)
        if length is not None:
            return ArrayVariable(self, name, length)
        raise AttributeError(f"'{self.hname()}' has no attribute {name!r}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self._variables) | set(self._arrays) | set(self._pointers))

    def _own_attribute(self, name, value):
        raise LookupError(f"{name!r} is not a defined hoc variable name.")

    def hname(self):
        return f"{self._mechanism}[{self._index}]"

    __str__ = hname
    __repr__ = hname

    def get_loc(self):
        return self._call("get_loc", [], f"{self.hname()}.get_loc()")[1]

    def has_loc(self):
        return True

    def get_segment(self):
        section, x = self._call("get_loc", [], f"{self.hname()}.get_segment()")
        return (PatchSegment if isinstance(self, PatchLevel) else Segment)(section, x)

    def loc(self, target, sec=None):
        """Move to a Segment, or to ``x`` of ``sec``."""
        if isinstance(target, Segment):
            section, x = target.sec, target.x
        else:
            section, x = sec, _rules.x(target)
        from .section import Section

        if not isinstance(section, Section):
            raise TypeError(f"{self.hname()}.loc needs a Segment, or x and sec=, got {target!r}")
        _rules.point_process_alive(self)
        _rules.alive(section)
        self._queue("loc", [section._bridge_value(), x], f"{self.hname()}.loc({section}({x}))")
        self.__dict__["_section"] = section
        self.__ref__(section)
        section.__ref__(self)


class ArrayVariable:
    """An array variable of a point process (VClamp's ``dur``, ``amp``), indexable as in NEURON."""

    __slots__ = ("_pp", "_name", "_length")

    def __init__(self, pp, name, length):
        self._pp, self._name, self._length = pp, name, length

    def _element(self, index):
        if not isinstance(index, int) or not 0 <= index < self._length:
            raise IndexError(f"{self._pp.hname()}.{self._name} has indices 0..{self._length - 1}, not {index!r}")
        return f"{self._name}[{index}]"

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        var = self._element(index)
        return self._pp._session.ask(["get", self._pp._h, var], f"{self._pp.hname()}.{var}")

    def __setitem__(self, index, value):
        var = self._element(index)
        _rules.point_process_alive(self._pp)
        value = _rules.number(value, f"{self._pp.hname()}.{var}")
        self._pp._session.send(["set", self._pp._h, var, value], f"{self._pp.hname()}.{var} = {value!r}")

    def __iter__(self):
        return iter([self[i] for i in range(self._length)])

    def __repr__(self):
        return f"<{self._pp.hname()}.{self._name}: {list(self)}>"


@patch_level(PointProcess)
class PatchPointProcess(PatchLevel, PointProcess, Connectable):
    """Patch's point process: NEURON's, plus what NetCon and record take from it, stimulate,
    and Patch's repr."""

    def __init__(self, *args):
        super().__init__(*args)
        # Patch 4.0 puts a PointerWrapper on the class for each variable it meets (once per type).
        cls = type(self)
        for name in self._variables:
            if not hasattr(cls, name):  # a class's own properties (SEClamp.delay) stay
                setattr(cls, name, PointerWrapper(name))

    @property
    def parameters(self):
        """The names of this point process's variables (Patch 4.0's ``parameters``)."""
        return list(self._variables)

    def __repr__(self):
        return f"<patch.objects.{type(self).__name__} {self.hname()}>"

    def __record__(self):
        return point_process_pointer(self, "i")

    def stimulate(self, pattern=None, weight=0.04, delay=0.0, **netstim_attributes):
        """Drive this point process through a NetCon: from a new NetStim configured by
        the keyword arguments, or from a VecStim playing ``pattern``. Returns the stimulus."""
        interpreter = patch_interpreter()
        if pattern is None:
            stimulus = interpreter.NetStim()
            for name, value in netstim_attributes.items():
                setattr(stimulus, name, value)
        else:
            stimulus = interpreter.VecStim(pattern=pattern)
        interpreter.NetCon(stimulus, self, weight=weight, delay=delay)
        return stimulus


class APCount(PointProcess):
    """Counts the crossings of ``thresh`` at its location: ``n``, and their times."""

    def record(self, vector):
        """Append the time of each counted crossing to ``vector`` (None stops)."""
        _rules.point_process_alive(self)
        self._queue("record", [_rules.vector_or_none(vector, f"{self.hname()}.record")], f"{self.hname()}.record(...)")
        if vector is not None:
            self.__ref__(vector)


@patch_level(APCount)
class PatchAPCount(PatchPointProcess, APCount):
    def __record__(self):
        return point_process_pointer(self, "n")


class IClamp(PatchPointProcess):
    """A current clamp that, as in Patch, starts at once and lasts: delay 0, dur 1e200, amp 1."""

    def __init__(self, *args):
        super().__init__(*args)
        self.delay = 0
        self.dur = 1e200
        self.amp = 1

    @property
    def duration(self):
        return self.dur

    @duration.setter
    def duration(self, duration):
        self.dur = duration

    @property
    def amplitude(self):
        return self.amp

    @amplitude.setter
    def amplitude(self, amplitude):
        """A number, or a sequence played into ``amp`` one value per step from ``delay``."""
        if not is_sequence(amplitude):
            self.amp = amplitude
            return
        interpreter = self._interpreter
        dt, delay = interpreter.dt, self.delay
        times = interpreter.Vector([delay + dt * i for i in range(len(amplitude))])
        values = interpreter.Vector(amplitude)
        values.play(self._ref_amp, times)
        self.__ref__(values)
        self.__ref__(times)


class SEClamp(PatchPointProcess):
    """Patch's voltage clamp defaults: three 100 ms phases at -70, -50, -70 mV."""

    def __init__(self, *args):
        super().__init__(*args)
        self.dur1 = 100
        self.dur2 = 100
        self.dur3 = 100
        self.amp1 = -70
        self.amp2 = -50
        self.amp3 = -70

    def __record__(self):
        return point_process_pointer(self, "i")

    @property
    def delay(self):
        return self.dur1

    @delay.setter
    def delay(self, delay):
        self.dur1 = delay

    @property
    def duration(self):
        return self.dur2

    @duration.setter
    def duration(self, duration):
        self.dur2 = duration

    @property
    def after(self):
        return self.dur3

    @after.setter
    def after(self, after):
        self.dur3 = after

    @property
    def voltage(self):
        return [self.amp1, self.amp2, self.amp3]

    @voltage.setter
    def voltage(self, voltage):
        if is_sequence(voltage):
            self.amp1, self.amp2, self.amp3 = voltage
        else:
            self.amp1 = self.holding
            self.amp2 = voltage
            self.amp3 = self.holding

    @property
    def holding(self):
        return self.__dict__.get("_holding", -70)

    @holding.setter
    def holding(self, holding):
        self.__dict__["_holding"] = holding
        self.amp1 = holding
        self.amp3 = holding
