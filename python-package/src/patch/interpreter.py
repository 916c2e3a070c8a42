"""The interpreter ``p``: factories, globals, run control and NEURON's functions."""

import numbers

from . import _rules
from ._catalogue import Catalogue
from ._hoc_functions import HOC_CONSTANTS, HocFunctions
from .core import assert_connectable, is_nrn_scalar, transform, transform_netcon
from .exceptions import HocConnectError
from .network import PatchNetCon, PatchNetStim, PatchVecStim
from .objects import encode, to_patch
from .parallel import ParallelContext as _ParallelContext
from .parallel import parallel_con
from .point_process import IClamp, PatchAPCount, PatchPointProcess, PointProcess, SEClamp
from .pointer import global_pointer
from .section import SECTION_VARIABLES, PatchSection, Section
from .section_ref import SectionRef as _SectionRef
from .segment import Segment
from .vector import Vector

# Simulator globals that exist whatever mechanisms are loaded.
_CORE_GLOBALS = frozenset(
    {"t", "dt", "celsius", "secondorder", "tstop", "v_init", "steps_per_ms"}
)

# Patch's classes of the point processes it knows (the others: PatchPointProcess).
_POINT_PROCESS_CLASSES = {
    "IClamp": IClamp,
    "SEClamp": SEClamp,
    "APCount": PatchAPCount,
    "NetStim": PatchNetStim,
    "VecStim": PatchVecStim,
}

# Density mechanisms NEURON keeps out of h as objects (h.capacitance raises there).
_NO_MECHANISM_OBJECT = frozenset({"capacitance"})

# Patch's NetCon defaults (NEURON's are weight 0, delay 1, threshold 10).
_NETCON_DEFAULTS = {"weight": 0.1, "delay": 1, "threshold": -20}


def _segment_at(section, x, mechanism):
    """The segment a point process created as NEURON's ``Mechanism(x, sec=section)`` sits on."""
    if not 0 <= x <= 1:
        # NEURON refuses x with hoc_execerror ("Arg out of range in user function")
        raise RuntimeError(f"{mechanism}({x!r}): the position must be in [0, 1], got {x!r}")
    return transform(section)(x)


class PythonHocInterpreter(HocFunctions):
    # Patch runs at 32 °C (NEURON's default is 6.3 °C).
    _initial_celsius = 32
    # The classes this interpreter hands out: Patch's (neuron's h: NEURON's).
    _section_class = PatchSection
    _point_process_classes = _POINT_PROCESS_CLASSES
    _point_process_class = PatchPointProcess
    _netcon_class = PatchNetCon
    _present = staticmethod(to_patch)

    def __init__(self, session):
        d = self.__dict__
        d["_session"] = session
        d["_catalogue"] = Catalogue(session)
        d["_globals"] = set(_CORE_GLOBALS)
        # One section stack per session, as NEURON has one: p and h share it.
        d["_section_stack"] = session.__dict__.setdefault("_section_stack", [])
        d["_finitialized"] = False
        d["_time"] = None
        # NEURON numbers the objects of a type once per process: p and h share the counters.
        d["_instance_counters"] = session.__dict__.setdefault("_instance_counters", {})
        d.update(HOC_CONSTANTS)
        # neuron imports patch's proxies: its modules are imported here, not at the top
        from neuron._registry import Registry

        d["_registry"] = Registry.of(session)
        session.set_wrapper(self._wrap)
        self.load_file("stdrun.hoc")
        if self._initial_celsius is not None:
            self.celsius = self._initial_celsius

    @property
    def __h(self):
        """NEURON's h (Patch keeps it as ``p._PythonHocInterpreter__h``)."""
        from neuron import h

        return h

    def _wrap(self, handle, kind):
        """A proxy for an object the JVM created itself (a negative handle)."""
        if kind == "Section":
            return Section(self, handle)
        if kind == "Vector":
            return Vector.wrap(self, handle)
        if kind in self._registry.classes:
            from neuron.hoc import HocObject

            return HocObject(self, handle, kind, self._next_index(kind))
        raise TypeError(f"the engine returned a {kind} (handle {handle}) that has no proxy")

    # Globals: read from and written to the simulator; other names live on `p` itself.
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self._catalogue.point:
            if self._catalogue.info(name).kind == "artificial":
                return self._artificial_cell_factory(name)
            return self._point_process_factory(name)
        if (name in self._catalogue.density and name not in _NO_MECHANISM_OBJECT) or name in self._catalogue.ions:
            from neuron._mechanisms import DensityMechanism

            return DensityMechanism(name)
        if name in self._registry.classes:
            return self._registry_class(name)
        if name in self._registry.functions:
            return self._registry_function(name)
        if name.startswith("table_"):
            setter = self._function_table(name)
            if setter is not None:
                return setter
        if name.startswith("_ref_"):
            var = name[5:]
            if var in self._globals or self._probe_global(var):
                return global_pointer(self, var)
        try:
            value = self._session.ask(["gget", name], f"p.{name}")
        except NameError:
            reason = self._registry.not_provided.get(name)
            if reason is not None:
                raise AttributeError(f"h.{name} is not provided by jpatch: {reason}") from None
            raise AttributeError(f"'PythonHocInterpreter' object has no attribute {name!r}") from None
        self._globals.add(name)
        return value

    def __setattr__(self, name, value):
        if isinstance(getattr(type(self), name, None), property):
            object.__setattr__(self, name, value)
        elif name not in self.__dict__ and (name in self._globals or self._probe_global(name)):
            # Synchronous: each global has its own rules (dt > 0, …), the engine's.
            self._session.ask(["gset", name, encode(value)], f"p.{name} = {value!r}")
        else:
            self.__dict__[name] = value

    def __dir__(self):
        # As NEURON's dir(h): mechanism names (glia finds the built-ins so), the range
        # variables' hoc names (gnabar_hh, ena), registry classes and functions.
        catalogue = self._catalogue
        range_names = set(SECTION_VARIABLES)
        for mechanism in catalogue.density | catalogue.ions:
            info = catalogue.info(mechanism)
            range_names.update(info.range_name(var) for var in info.variables)
        public = {name for name in super().__dir__() if not name.startswith("_") or name.startswith("__")}
        return sorted(
            public
            | self._globals
            | catalogue.point
            | catalogue.density
            | catalogue.ions
            | range_names
            | set(self._registry.classes)
            | set(self._registry.functions)
        )

    # The engine's registry of NEURON's classes and functions (neuron/_registry.py).
    def _registry_class(self, name):
        info = self._registry.classes[name]

        def construct(*args, **kwargs):
            if not info["constructible"]:
                raise TypeError(f"{name} objects are made by the engine, not by {name}()")
            from neuron.hoc import HocObject

            handle = self._session.new_handle()
            self._registry.new(handle, name, args, kwargs, f"{name}(...)")
            return HocObject(self, handle, name, self._next_index(name))

        construct.__name__ = construct.__qualname__ = name
        construct.__doc__ = info["doc"]
        return construct

    def _registry_function(self, name):
        def call(*args, **kwargs):
            return self._registry.call(None, name, args, self._section_keywords(kwargs), f"{name}(...)")

        call.__name__ = call.__qualname__ = name
        call.__doc__ = self._registry.functions[name]
        return call

    def _section_keywords(self, kwargs):
        """The keywords of a registry call, with the accessed section as ``cas`` when no ``sec=``
        is given: the engine's functions that act on "the" section take it from there."""
        if "sec" in kwargs:
            kwargs = dict(kwargs, sec=transform(kwargs["sec"]))
        elif self._section_stack:
            # With nothing pushed the engine takes NEURON's default, the first section.
            kwargs = dict(kwargs, cas=self._section_stack[-1])
        return kwargs

    def _probe_global(self, name):
        """Ask once whether the simulator has a global called ``name``."""
        try:
            self._session.ask(["gget", name], f"p.{name}")
        except NameError:
            return False
        self._globals.add(name)
        return True

    # Factories.
    def Section(self, name=None):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"Section name must be a str, not {name!r}")
        handle = self._session.new_handle()
        if name is None:
            # NEURON names unnamed sections __nrnsec_<address>; naming them here, by
            # handle, lets messages and repr use the name without a round trip.
            name = f"__nrnsec_{handle}"
        section = self._section_class(self, handle, name)
        # A tuple of plain values, described only on failure (_commands.describe): 11 of
        # these per cell in a model-building loop.
        self._session.send(("new", handle, "Section", name), ("p.Section(name={!r})", name))
        return section

    def Vector(self, *args):
        return Vector(self, self._session.new_handle(), *args)

    def SectionRef(self, *args, sec=None):
        if len(args) > 1:
            raise TypeError(f"SectionRef takes 1 positional argument but {len(args)} given")
        if sec is None:
            sec = args[0] if args else self.cas()
        sec = transform(sec)
        if not isinstance(sec, Section):
            raise TypeError(f"SectionRef needs a Section, got {sec!r}")
        return _SectionRef(self._present(sec))

    def IClamp(self, x=0.5, sec=None):
        if isinstance(x, (Segment, Section)) and sec is None:
            return self._point_process("IClamp", x)
        owner = sec if sec is not None else self._accessed_section("IClamp")
        return self._point_process("IClamp", _segment_at(owner, x, "IClamp"), owner=owner)

    def SEClamp(self, sec, x=0.5):
        if isinstance(transform(sec), Segment):
            return self._point_process("SEClamp", sec)
        return self._point_process("SEClamp", transform(sec)(x), owner=sec)

    IClamp._point_process_type = "IClamp"
    SEClamp._point_process_type = "SEClamp"

    def _point_process_factory(self, mechanism):
        def factory(target, *args, sec=None, **attributes):
            owner = target
            if isinstance(target, numbers.Real):
                owner = sec if sec is not None else self._accessed_section(mechanism)
                target = _segment_at(owner, target, mechanism)
            # Checked before the point process is made: a refused call leaves none behind.
            variables = self._catalogue.info(mechanism).scalars
            for name, value in attributes.items():
                if name in variables:
                    _rules.number(value, f"{mechanism}.{name}")
            pp = self._point_process(mechanism, target, owner=owner)
            for name, value in attributes.items():
                setattr(pp, name, value)
            return pp

        factory.__name__ = factory.__qualname__ = mechanism
        factory._point_process_type = mechanism
        return factory

    def _point_process(self, mechanism, target, owner=None):
        """A new point process at a Segment, or at the ``__arc__`` of a Section-like."""
        if mechanism not in self._catalogue.point:
            raise AttributeError(f"the engine has no point process type {mechanism!r}")
        owner = target if owner is None else owner
        segment = target
        if hasattr(segment, "__arc__"):
            segment = segment(segment.__arc__())
        segment = transform(segment)
        if not isinstance(segment, Segment):
            raise TypeError(f"{mechanism} needs a Segment or Section target, got {target!r}")
        cls = self._point_process_classes.get(mechanism, self._point_process_class)
        index = self._next_index(mechanism)
        pp = cls(self, self._session.new_handle(), mechanism, index, segment.sec, segment.x)
        # Patch: the point process and what it sits on keep each other alive.
        pp.__ref__(owner)
        if hasattr(owner, "__ref__"):
            owner.__ref__(pp)
        return pp

    def _next_index(self, kind):
        """NEURON numbers the objects of each type: IClamp[0], NetCon[3]…"""
        index = self._instance_counters.get(kind, 0)
        self._instance_counters[kind] = index + 1
        return index

    def _artificial_cell_factory(self, mechanism):
        def factory(location=None, sec=None, **attributes):
            # NEURON accepts and ignores a location for an artificial cell (has_loc() is 0).
            if location is not None and not isinstance(location, (Segment, numbers.Real)):
                raise TypeError(f"{mechanism}() takes an optional segment or x, got {location!r}")
            cls = self._point_process_classes.get(mechanism, self._point_process_class)
            cell = cls(self, self._session.new_handle(), mechanism, self._next_index(mechanism))
            for name, value in attributes.items():
                setattr(cell, name, value)
            return cell

        factory.__name__ = factory.__qualname__ = mechanism
        factory._point_process_type = mechanism
        return factory

    def VecStim(self, pattern=None):
        """A VecStim; with ``pattern`` (spike times) it plays them."""
        if "VecStim" not in self._catalogue.point:
            raise AttributeError("the engine has no VecStim")
        stim = self._artificial_cell_factory("VecStim")()
        if pattern is not None:
            stim.__dict__["_pattern"] = list(pattern)
            stim.play(self.Vector(pattern))
        return stim

    # Events.
    def NetCon(self, source, target, *args, weight=None, delay=None, threshold=None, sec=None):
        """A NetCon from ``source`` to ``target`` with Patch's defaults (weight 0.1,
        delay 1 ms, threshold -20 mV). Sections and segments are watched at their v."""
        if args:
            raise TypeError(
                "p.NetCon takes threshold, delay and weight as keyword arguments, "
                f"got positional {args!r}"
            )
        if is_nrn_scalar(source) and sec is None:
            raise ConnectionError(
                "Using NetCon with a scalar such as s(0.5)._ref_v is discouraged. "
                "Use s(0.5) instead."
            )
        # Checked before anything is created, so a refused NetCon leaves no trace: first
        # what NEURON refuses (HocConnectError, as Patch's CatchNetCon), then what Patch does.
        nrn_source = transform_netcon(source)
        nrn_target = transform_netcon(target)
        if not (nrn_source is None or is_nrn_scalar(nrn_source) or isinstance(nrn_source, PointProcess)):
            raise HocConnectError(f"NetCon source {source!r} is no variable, Section, Segment or point process")
        if not (nrn_target is None or isinstance(nrn_target, PointProcess)):
            raise HocConnectError(f"NetCon target {target!r} is no point process")
        if target is not None:
            assert_connectable(source, label="Source")
            assert_connectable(target, label="Target")
        connection = self._netcon_class(self, self._session.new_handle(), nrn_source, nrn_target, self._next_index("NetCon"))
        given = {"weight": weight, "delay": delay, "threshold": threshold}
        for name, default in _NETCON_DEFAULTS.items():
            setattr(connection, name, default if given[name] is None else given[name])
        # Patch: the NetCon and both its ends keep each other alive.
        connection.__ref__(source)
        connection.__ref__(target)
        if target is not None:
            source._connections[target] = connection
            target._connections[source] = connection
        elif hasattr(source, "__ref__"):
            source.__ref__(connection)
        return connection

    # Networks by gid (parallel.py).
    @property
    def parallel(self):
        """The simulation's ParallelContext, made on first use."""
        pc = self.__dict__.get("_parallel")
        if pc is None:
            pc = self.__dict__["_parallel"] = _ParallelContext(self, self._session.new_handle())
        return pc

    def ParallelContext(self):
        return self.parallel

    def ParallelCon(self, a, b, output=True, *args, **kwargs):
        return parallel_con(self, a, b, output, *args, **kwargs)

    # Recording and run control.
    @property
    def time(self):
        """A Vector recording t, one per interpreter."""
        if self._time is None:
            self.__dict__["_time"] = self.Vector().record(self._ref_t)
        return self._time

    def record(self, target):
        return self.Vector().record(target)

    def finitialize(self, initial=None):
        args = [] if initial is None else [encode(initial)]
        self._session.ask(["sim", "finitialize", args], f"p.finitialize({initial!r})")
        self.__dict__["_finitialized"] = True

    def fadvance(self):
        self._session.ask(["sim", "fadvance", []], "p.fadvance()")

    def setdt(self):
        self._session.ask(["sim", "setdt", []], "p.setdt()")

    def run(self, tstop, v_init=None, reset=True):
        """Initialise (unless told not to) and run until the absolute time ``tstop``."""
        if reset or not self._finitialized:
            self.finitialize(v_init)
        self._session.ask(["sim", "continuerun", [encode(tstop)]], f"p.run({tstop!r})")

    def continuerun(self, duration, v_init=None):
        """Run for ``duration`` ms more (initialising first if nobody did). As in Patch,
        through ParallelContext.psolve, whose step count differs from stdrun's
        continuerun when ``duration`` is no multiple of dt."""
        self.parallel.psolve(self.t + duration, v_init)
