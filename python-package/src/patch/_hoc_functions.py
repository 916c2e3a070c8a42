"""NEURON's hoc functions that users reach through ``p``: the section stack, allsec,
secname, psection, topology, the 3-D point functions with ``sec=``, load_file."""

import math
import numbers
import os

from . import _rules
from .core import transform
from .exceptions import HocError, HocSectionAccessError
from .objects import encode
from .section import Section
from .segment import Segment

# hoc's named constants: ordinary (assignable) interpreter variables, as in NEURON 9,
# where FARADAY and R follow the exact CODATA 2018 definitions (e·N_A and k·N_A).
HOC_CONSTANTS = {
    "PI": math.pi,
    "E": math.e,
    "GAMMA": 0.57721566490153286060,
    "DEG": 180 / math.pi,
    "PHI": (1 + math.sqrt(5)) / 2,
    "FARADAY": 1.602176634e-19 * 6.02214076e23,
    "R": 1.380649e-23 * 6.02214076e23,
    "Avogadro_constant": 6.02214076e23,
}

# hoc libraries whose content the engine provides natively: loading them is a no-op.
_BUILTIN_LIBRARIES = frozenset({"stdrun.hoc", "stdlib.hoc", "nrngui.hoc"})


class HocFunctions:
    """Mixed into the interpreter; needs its ``_session``, ``_catalogue`` and
    ``_section_stack``."""

    def load_file(self, *args):
        name = args[-1] if args else None
        if name in _BUILTIN_LIBRARIES:
            return 1.0
        raise HocError(
            f"load_file({name!r}): jpatch runs no hoc code; only the standard libraries "
            f"{sorted(_BUILTIN_LIBRARIES)} can be loaded"
        )

    def load_mechanisms(self, path):
        """Compile and register the NMODL mechanisms of ``path`` (a directory of .mod
        files, or one file); returns their names. As NEURON's neuron.load_mechanisms,
        without nrnivmodl: the engine translates NMODL itself."""
        path = os.fspath(path)
        names = self._session.ask(["sim", "load_mechanisms", [path]], f"load_mechanisms({path!r})")
        self._catalogue.refresh()
        return names

    def nrn_load_dll(self, path):
        """NEURON's nrn_load_dll, given the .mod files (directory or file) themselves."""
        self.load_mechanisms(path)
        return 1.0

    def _function_table(self, name):
        """``table_<function>_<suffix>``, NEURON's setter of a FUNCTION_TABLE's values, or
        None when no loaded mechanism's suffix ends the name."""
        rest = name[len("table_"):]
        mechanisms = sorted(self._catalogue.density | self._catalogue.point, key=len, reverse=True)
        for mechanism in mechanisms:
            if rest.endswith("_" + mechanism) and len(rest) > len(mechanism) + 1:
                return _FunctionTableSetter(self._session, rest[: -len(mechanism) - 1], mechanism)
        return None

    def setpointer(self, pointer, name, target):
        """NEURON's setpointer: POINTER ``name`` of point process ``target`` (a gap
        junction's ``vgap``) refers to ``pointer``'s variable (``sec(x)._ref_v``) from now
        on; reading and writing ``target.<name>`` reads and writes that variable."""
        from .point_process import PointProcess
        from .pointer import Pointer

        target = transform(target)  # e.g. glia's accessor of a point process
        if not isinstance(pointer, Pointer) or not isinstance(name, str) or not isinstance(target, PointProcess):
            raise TypeError(
                "setpointer(_ref_var, 'POINTER_name', point_process) takes a _ref_ pointer, a str and a point "
                f"process, got {type(pointer).__name__} {pointer!r}, {type(name).__name__} {name!r}, "
                f"{type(target).__name__} {target!r}"
            )
        self._session.ask(
            ["call", target._h, "setpointer", [pointer._bridge_value(), name]],
            f"p.setpointer({pointer}, {name!r}, {target.hname()})",
        )
        # The variable's owner (its section, point process) lives as long as the POINTER may reach it.
        target.__ref__(pointer._owner)

    def allsec(self):
        return self._present(self._session.ask(["sim", "sections", []], "p.allsec()"))

    def push_section(self, section):
        section = transform(section)
        if not isinstance(section, Section):
            raise TypeError(f"push_section needs a Section, got {section!r}")
        self._section_stack.append(section)

    def pop_section(self):
        if not self._section_stack:
            raise RuntimeError("pop_section: the section stack is empty")
        self._section_stack.pop()

    def cas(self):
        """The currently accessed section: the top of the stack, else the first section."""
        if self._section_stack:
            return self._present(self._section_stack[-1])
        sections = self.allsec()
        return sections[0] if sections else None

    def _accessed_section(self, what):
        section = self.cas()
        if section is None:
            raise HocSectionAccessError(f"{what}: no section given and none is accessed")
        return section

    def _section(self, sec, what):
        return transform(sec) if sec is not None else self._accessed_section(what)

    def secname(self, sec=None):
        return self._section(sec, "secname").name()

    def topology(self):
        print(self._session.ask(["sim", "topology", []], "p.topology()"), end="")
        return 1.0

    def psection(self, sec=None):
        """NEURON's description of a section as a dict."""
        section = self._section(sec, "psection")
        segments = list(section)
        catalogue = self._catalogue
        density, ions = {}, {}
        for mechanism in section._call("mechanisms", [], f"psection({section.name()})"):
            info = catalogue.info(mechanism)
            values = {
                var: [getattr(seg, info.range_name(var)) for seg in segments]
                for var in info.variables
            }
            target = ions if mechanism.endswith("_ion") else density
            target[mechanism.removesuffix("_ion")] = values
        points = section._call("points", [], f"psection({section.name()})")
        parent = section.parent
        return {
            "point_processes": _group_by_type(section.point_processes()),
            "density_mechs": density,
            "ions": ions,
            "morphology": {
                "L": section.L,
                "diam": [seg.diam for seg in segments],
                "pts3d": [tuple(p[:4]) for p in points],
                "parent": None if parent is None else section.parentseg(),
            },
            "nseg": len(segments),
            "Ra": section.Ra,
            "cm": [seg.cm for seg in segments],
            "name": section.name(),
            "cell": None,
        }

    def pt3dadd(self, x, y, z, diam, sec=None):
        self._section(sec, "pt3dadd").pt3dadd(x, y, z, diam)

    def pt3dclear(self, sec=None):
        self._section(sec, "pt3dclear").pt3dclear()

    def n3d(self, sec=None):
        return self._section(sec, "n3d").n3d()

    def x3d(self, i, sec=None):
        return self._section(sec, "x3d").x3d(i)

    def y3d(self, i, sec=None):
        return self._section(sec, "y3d").y3d(i)

    def z3d(self, i, sec=None):
        return self._section(sec, "z3d").z3d(i)

    def diam3d(self, i, sec=None):
        return self._section(sec, "diam3d").diam3d(i)

    def arc3d(self, i, sec=None):
        return self._section(sec, "arc3d").arc3d(i)

    def area(self, x, sec=None):
        return self._section(sec, "area")(_rules.x(x)).area()

    def ri(self, x, sec=None):
        return self._section(sec, "ri")(_rules.x(x)).ri()

    def distance(self, *args, sec=None):
        """NEURON's path distance between nodes (µm), in its forms:
        ``distance(sec=s)`` / ``distance(0, x, sec=s)`` / ``distance(0, seg)`` set the
        origin (and return x); ``distance(x, sec=s)`` / ``distance(1, x, sec=s)`` /
        ``distance(seg)`` measure from it; ``distance(seg1, seg2)`` between two segments.
        Locations in different trees are 1e20 apart, as in NEURON."""
        what = f"p.distance({', '.join(map(repr, args))})"
        if len(args) > 2:
            raise RuntimeError(f"{what}: takes at most 2 positional arguments, got {len(args)}")
        if not args:
            return self._distance_origin(self._section(sec, "distance"), 0.0, what)
        if len(args) == 1:
            return self._distance_from_origin(*self._location(args[0], sec, what), what)
        first = transform(args[0])
        if isinstance(first, Segment):
            other, x = self._location(args[1], sec, what)
            return self._session.ask(["sim", "distance", [encode(first.sec), first.x, encode(other), x]], what)
        if not isinstance(first, numbers.Real) or not 0 <= first <= 1:
            # NEURON: chkarg(1, 0, 1) refuses the mode with hoc_execerror
            raise RuntimeError(f"{what}: the first argument must be 0 (set the origin), 1 (measure) or a segment, got {args[0]!r}")
        location = self._location(args[1], sec, what)
        if int(first) == 0:
            return self._distance_origin(*location, what)
        return self._distance_from_origin(*location, what)

    def _location(self, arg, sec, what):
        """(section, x) of a segment, or of x on ``sec`` (or the accessed section)."""
        arg = transform(arg)
        if isinstance(arg, Segment):
            return arg.sec, arg.x
        if isinstance(arg, numbers.Real):
            if not 0 <= arg <= 1:
                # NEURON: chkarg's "Arg out of range", a hoc_execerror
                raise RuntimeError(f"{what}: x must be in [0, 1], got {arg!r}")
            return self._section(sec, "distance"), float(arg)
        # NEURON refuses other arguments with a hoc_execerror too
        raise RuntimeError(f"{what}: a location is a segment or a number x with sec=, got {arg!r}")

    def _distance_origin(self, section, x, what):
        self._session.ask(["sim", "distance_origin", [encode(section), x]], what)
        return x

    def _distance_from_origin(self, section, x, what):
        return self._session.ask(["sim", "distance", [encode(section), x]], what)

    def delete_section(self, sec=None):
        section = self._section(sec, "delete_section")
        section._delete(f"delete_section(sec={section._label()})")


def _group_by_type(point_processes):
    groups = {}
    for pp in point_processes:
        groups.setdefault(pp._mechanism, set()).add(pp)
    return groups


class _FunctionTableSetter:
    """``p.table_<function>_<suffix>(...)`` as NEURON takes it: a constant; a Vector of
    values and a Vector of their points (one argument); or ``vec._ref_x[i]`` (or a Vector)
    then ``n, min, max`` per argument of the function (an even grid)."""

    def __init__(self, session, function, mechanism):
        self._session, self._function, self._mechanism = session, function, mechanism

    def __call__(self, *args):
        from .vector import ElementPointer, Vector

        name = f"table_{self._function}_{self._mechanism}"
        if len(args) == 1 and isinstance(args[0], numbers.Real):
            spec = [float(args[0])]
        elif len(args) == 2 and all(isinstance(a, Vector) for a in args):
            spec = [args[0]._bridge_value(), args[1]._bridge_value()]
        elif args and isinstance(args[0], (ElementPointer, Vector)) and len(args) in (4, 7) and all(
            isinstance(a, numbers.Real) for a in args[1:]
        ):
            first = args[0]
            vector, index = (first.vector, first.index) if isinstance(first, ElementPointer) else (first, 0)
            spec = [vector._bridge_value(), index, *(encode(a) for a in args[1:])]
        else:
            raise TypeError(
                f"{name}() takes a constant, two Vectors (values, points), or vec._ref_x[i] and n, min, max "
                f"per argument; got {args!r}"
            )
        self._session.ask(["sim", "function_table", [self._mechanism, self._function, *spec]], f"p.{name}(...)")
        return 0.0

