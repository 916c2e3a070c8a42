"""NEURON's hoc functions that users reach through ``p``: the section stack, allsec,
secname, psection, topology, the 3-D point functions with ``sec=``, load_file."""

import math
import os

from .core import transform
from .exceptions import HocError, HocSectionAccessError
from .section import Section, check_x

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

    def allsec(self):
        return self._session.ask(["sim", "sections", []], "p.allsec()")

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
            return self._section_stack[-1]
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
        return self._section(sec, "area")(check_x(x)).area()

    def ri(self, x, sec=None):
        return self._section(sec, "ri")(check_x(x)).ri()

    def delete_section(self, sec=None):
        section = self._section(sec, "delete_section")
        section._queue("delete", [], f"delete_section(sec={section._label()})")


def _group_by_type(point_processes):
    groups = {}
    for pp in point_processes:
        groups.setdefault(pp._mechanism, set()).add(pp)
    return groups


