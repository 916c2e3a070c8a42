"""Section: a cable with its geometry, mechanisms, 3-D points and place in a tree."""

import functools
import itertools
import numbers

from . import _rules
from .core import is_sequence, transform
from .objects import Connectable, PatchLevel, PythonHocObject, patch_interpreter, patch_level
from .segment import ASSIGNMENT, PatchSegment, Segment

# The section-wide values the engine keeps for every section, whatever is inserted.
SECTION_VARIABLES = frozenset({"L", "diam", "Ra", "nseg", "cm", "v"})
# Those with a rule beyond "a number" (_rules.section_value).
_CHECKED_VARIABLES = frozenset(_rules.POSITIVE_VARIABLES) | {"nseg"}


# Descriptions of queued calls, formatted only if the command fails (_commands.describe).
INSERT = "{}.insert({!r})"  # label, mechanism
CONNECT = "{}.connect({}, {!r}, {!r})"  # label, parent's label, parentx, childx


@functools.lru_cache(maxsize=64)
def _centres(nseg):
    """The x of each segment's centre: (i + 0.5) / nseg, worked out once per nseg."""
    return tuple((i + 0.5) / nseg for i in range(nseg))


class Section(PythonHocObject):
    """NEURON's section (``nrn.Section``); Patch's (``patch.objects.Section``) is PatchSection."""

    __module__ = "nrn"
    _kind = "Section"
    #: Set on the instance by delete_section: every later use is a ReferenceError.
    _deleted = False

    def __init__(self, interpreter, handle, name=None):
        super().__init__(interpreter, handle)
        d = self.__dict__
        d["_name"] = name
        # Range-variable names of what is inserted here: known locally so that an
        # assignment needs no round trip to decide between the engine and __dict__.
        d["_range_variables"] = frozenset()
        d["_mechanisms"] = ()
        # nseg once this proxy set or read it: iterating a section needs nseg, and a
        # round trip per section would dominate a model-building loop.
        d["_known_nseg"] = None
        # The parent and the number of children, mirrored so that a connect closing a
        # loop is refused at its line (_rules.connect). Python makes every section by
        # name; one the engine made (no name given) has a place in the tree Python does
        # not know.
        known = name is not None
        d["_parent"] = None if known else _rules.UNKNOWN_PARENT
        d["_children"] = 0 if known else None

    # Attribute traffic: simulator variables go to the JVM, anything else stays here.
    def __setattr__(self, name, value):
        if name in SECTION_VARIABLES or name in self._range_variables:
            if self._deleted:
                _rules.alive(self)
            d = self.__dict__
            label = d["_name"]
            if label is None:
                label = self._label()
            cls = type(value)
            if name in _CHECKED_VARIABLES or (cls is not float and cls is not int):
                value = _rules.section_value(label, name, value, self._interpreter._catalogue.max_nseg)
            # The description is formatted only if the command fails (see _commands.describe).
            d["_session"].send(("set", d["_h"], name, value), (ASSIGNMENT, label, name, value))
            if name == "nseg":
                d["_known_nseg"] = value
        elif isinstance(getattr(type(self), name, None), property):
            object.__setattr__(self, name, value)
        else:
            self._own_attribute(name, value)

    def __getattr__(self, name):
        if name in SECTION_VARIABLES or name in self.__dict__.get("_range_variables", ()):
            return self._session.ask(["get", self._h, name], f"{self._label()}.{name}")
        raise AttributeError(f"'Section' object has no attribute {name!r}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | SECTION_VARIABLES | self._range_variables)

    # Identity and naming.
    def name(self):
        name = self.__dict__["_name"]
        if name is None:
            name = self._session.ask(["get", self._h, "name"], "Section.name()")
            self.__dict__["_name"] = name
        return name

    hname = name

    def _label(self):
        """The name if known (always, unless the JVM created the section), else a
        handle label: describing a queued call must not cost a round trip."""
        name = self.__dict__["_name"]
        return name if name is not None else f"Section#{self._h}"

    def cell(self):
        """The object this section was made for (``Section(name, cell=...)``), or None."""
        return self.__dict__.get("_cell")

    def __str__(self):
        return self.name()

    __repr__ = __str__

    # Segments.
    def __call__(self, x, ephemeral=False):
        # Segments are values (section, x): they hold no JVM object and need no refs,
        # so `ephemeral` only exists for Patch's signature.
        return Segment(self, _rules.x(x))

    def __iter__(self):
        nseg = self._nseg()
        return map(Segment, itertools.repeat(self, nseg), _centres(nseg))

    def _nseg(self):
        """nseg, without a round trip when this proxy set or read it (an assignment
        queued is one the engine takes: _rules)."""
        d = self.__dict__
        known = d["_known_nseg"]
        if known is None:
            known = d["_known_nseg"] = self.nseg
        return known

    def _set_parent(self, parent):
        """Mirrors a connect (parent a Section) or a disconnect (None) the engine will make."""
        d = self.__dict__
        old = d["_parent"]
        if old is not None and old is not _rules.UNKNOWN_PARENT and old._children is not None:
            old.__dict__["_children"] -= 1
        if parent is not None and parent._children is not None:
            parent.__dict__["_children"] += 1
        d["_parent"] = parent

    def _known_parent(self):
        """The parent as Python knows it (_rules.connect): a deleted parent let its
        children go; UNKNOWN_PARENT where the engine made the section."""
        parent = self.__dict__["_parent"]
        if parent is not None and parent is not _rules.UNKNOWN_PARENT and parent._deleted:
            return None
        return parent

    def _delete(self, what):
        """delete_section: the engine deletes it (a second time does nothing); from now on
        every use is a ReferenceError at its line."""
        self._queue("delete", [], what)
        if not self._deleted:
            self._set_parent(None)
        d = self.__dict__
        d["_deleted"] = True
        d["_known_nseg"] = None

    def allseg(self):
        """The segments with both ends: x = 0, every centre, x = 1."""
        return [Segment(self, 0.0), *self, Segment(self, 1.0)]

    # Mechanisms.
    def insert(self, mechanism):
        # NEURON 9 also takes the mechanism object: sec.insert(h.hh)
        mechanism = getattr(mechanism, "mechanism_name", mechanism)
        if not isinstance(mechanism, str):
            raise TypeError(
                f"insert argument must be a mechanism name (str) or h.<mechanism>, not {mechanism!r}"
            )
        if mechanism not in self._interpreter._catalogue.density:
            raise ValueError(f"argument not a density mechanism name: {mechanism!r}")
        if self._deleted:
            _rules.alive(self)
        d = self.__dict__
        # The description is formatted only if the command fails (see _commands.describe).
        d["_session"].send(("call", d["_h"], "insert", (mechanism,)), (INSERT, self._label(), mechanism))
        if mechanism not in d["_mechanisms"]:
            catalogue = self._interpreter._catalogue
            d["_range_variables"] = catalogue.after_insert(d["_range_variables"], mechanism)
            d["_mechanisms"] += (mechanism,)
        return self

    def uninsert(self, mechanism):
        mechanism = getattr(mechanism, "mechanism_name", mechanism)
        if mechanism not in self._interpreter._catalogue.density:
            raise ValueError(f"argument not a density mechanism name: {mechanism!r}")
        _rules.alive(self)
        self._queue("uninsert", [mechanism], f"{self._label()}.uninsert({mechanism!r})")
        d = self.__dict__
        if mechanism in d["_mechanisms"]:
            catalogue = self._interpreter._catalogue
            d["_range_variables"] = catalogue.after_uninsert(d["_range_variables"], mechanism)
            d["_mechanisms"] = tuple(m for m in d["_mechanisms"] if m != mechanism)
        return self

    def has_membrane(self, mechanism):
        return mechanism in self._mechanisms

    # Geometry.
    # Topology.
    def connect(self, target, *args, **kwargs):
        """Make this section a child of ``target`` (a Section, or a Segment of one).

        NEURON's forms: ``connect(parent, parentx=1, childx=0)`` and
        ``connect(parent(x), childx=0)``.
        """
        # Either level's section is the simulator object's proxy: no transform needed for it.
        parent = target if isinstance(target, Section) else transform(target)
        if isinstance(parent, Segment):
            if len(args) > 1:
                raise TypeError("connect(segment, childx) takes at most one position")
            parentx = parent.x
            childx = args[0] if args else kwargs.pop("childx", 0)
            parent = parent.sec
        else:
            parentx = args[0] if args else kwargs.pop("parentx", 1)
            childx = args[1] if len(args) > 1 else kwargs.pop("childx", 0)
        if kwargs:
            raise TypeError(f"connect() got unexpected keyword arguments {sorted(kwargs)}")
        if not isinstance(parent, Section):
            raise TypeError(f"connect() needs a Section or Segment parent, got {target!r}")
        command = ("call", self._h, "connect", ({"h": parent._h}, float(parentx), float(childx)))
        what = (CONNECT, self._label(), parent._label(), parentx, childx)
        if _rules.connect(self, parent, parentx, childx):
            self._session.send(command, what)
        else:
            self._session.ask(command, what)
        self._set_parent(parent)
        return self

    def disconnect(self):
        _rules.alive(self)
        self._queue("disconnect", [], f"{self._label()}.disconnect()")
        self._set_parent(None)

    @property
    def parent(self):
        return self._call("parent", [], f"{self._label()}.parent")

    def parentseg(self):
        parent = self.parent
        if parent is None:
            return None
        return Segment(parent, self._call("parentx", [], f"{self._label()}.parentseg()"))

    def children(self):
        return self._call("children", [], f"{self._label()}.children()")

    def wholetree(self):
        return self._call("wholetree", [], f"{self._label()}.wholetree()")

    def subtree(self):
        """This section and its descendants, depth first in children() order."""
        tree = [self]
        for child in self.children():
            tree.extend(child.subtree())
        return tree

    def orientation(self):
        """The end (0 or 1) by which this section is connected to its parent."""
        return self._call("childx", [], f"{self._label()}.orientation()")

    def root(self):
        return self._call("root", [], f"{self._label()}.root()")

    # 3-D points.
    def pt3dadd(self, x, y, z, diam):
        _rules.alive(self)
        self._queue(
            "pt3dadd",
            _rules.pt3d(x, y, z, diam, "pt3dadd"),
            f"{self._label()}.pt3dadd({x!r}, {y!r}, {z!r}, {diam!r})",
        )

    def pt3dclear(self):
        _rules.alive(self)
        self._queue("pt3dclear", [], f"{self._label()}.pt3dclear()")

    def n3d(self):
        return self._call("n3d", [], f"{self._label()}.n3d()")

    def _point(self, i, column, label):
        points = self._call("points", [], f"{self._label()}.{label}({i})")
        if not isinstance(i, numbers.Integral) or not -len(points) <= i < len(points):
            raise IndexError(f"{self._label()}.{label}({i!r}): the section has {len(points)} 3-D points")
        return points[i][column]

    def x3d(self, i):
        return self._point(i, 0, "x3d")

    def y3d(self, i):
        return self._point(i, 1, "y3d")

    def z3d(self, i):
        return self._point(i, 2, "z3d")

    def diam3d(self, i):
        return self._point(i, 3, "diam3d")

    def arc3d(self, i):
        return self._point(i, 4, "arc3d")

    def point_processes(self):
        return self._call("point_processes", [], f"{self._label()}.point_processes()")

    def push(self):
        """Makes this the currently accessed section (NEURON's sec.push())."""
        self._interpreter.push_section(self)
        return self

    def psection(self):
        return self._interpreter.psection(sec=self)


@patch_level(Section)
class PatchSection(PatchLevel, Section, Connectable):
    """Patch's section: NEURON's, plus Patch's conveniences (set_dimensions, record, iclamp,
    synapse…), its references that keep connected objects alive, and NetCon/record arcs."""

    def __repr__(self):
        return f"<patch.objects.Section {self.name()!r}>"

    __str__ = Section.__str__

    def __call__(self, x, ephemeral=False):
        return PatchSegment(self, _rules.x(x))

    def __iter__(self):
        nseg = self._nseg()
        return map(PatchSegment, itertools.repeat(self, nseg), _centres(nseg))

    def allseg(self):
        return [PatchSegment(self, 0.0), *self, PatchSegment(self, 1.0)]

    def connect(self, target, *args, **kwargs):
        super().connect(target, *args, **kwargs)
        # Patch: connected sections keep each other alive.
        if hasattr(target, "__ref__"):
            target.__ref__(self)
        self.__ref__(target)
        return self

    def __arc__(self):
        return 0.5

    def __netcon__(self):
        return self(self.__arc__()).__netcon__()

    def __record__(self):
        return self(self.__arc__()).__record__()

    def set_dimensions(self, length, diameter):
        # Both values are checked before either is set: a refused call changes nothing.
        label, max_nseg = self._label(), self._interpreter._catalogue.max_nseg
        _rules.section_value(label, "L", length, max_nseg)
        _rules.section_value(label, "diam", diameter, max_nseg)
        self.L = length
        self.diam = diameter

    def set_segments(self, segments):
        self.nseg = segments

    def add_3d(self, points, diameters=None):
        """Append 3-D points (an N×3 array); diameters a scalar, one per point, or
        by default the section's diam."""
        _rules.alive(self)
        points = [list(p) for p in points]
        n = len(points)
        if diameters is None:
            diameters = [self.diam] * n
        elif not is_sequence(diameters):
            diameters = [diameters] * n
        elif len(diameters) != n:
            raise ValueError(f"add_3d: {n} points but {len(diameters)} diameters")
        if any(len(p) != 3 for p in points):
            raise ValueError(f"add_3d: every point needs x, y, z, got {points!r}")
        checked = [_rules.pt3d(*p, d, "add_3d") for p, d in zip(points, diameters)]
        columns = [[point[k] for point in checked] for k in range(4)]
        self._queue("pt3dadd_many", columns, f"{self._label()}.add_3d({n} points)")

    @property
    def points(self):
        import numpy

        points = self._call("points", [], f"{self._label()}.points")
        return numpy.array([p[:3] for p in points], dtype=float).reshape(-1, 3)

    def record(self, x=None):
        if x is None:
            x = self.__arc__()
        recordings = self.__dict__.setdefault("recordings", {})
        recorder = recordings.get(x)
        if recorder is None:
            recorder = recordings[x] = patch_interpreter().Vector().record(self(x))
        return recorder

    def iclamp(self, amplitude=1, *, x=0.5, delay=0, duration=100):
        # Checked before the clamp is made: a refused call leaves no clamp on the section.
        _rules.number(delay, "IClamp delay")
        _rules.number(duration, "IClamp duration")
        for value in amplitude if is_sequence(amplitude) else [amplitude]:
            _rules.number(value, "IClamp amplitude")
        clamp = patch_interpreter().IClamp(x=x, sec=self)
        clamp.delay = delay
        clamp.duration = duration
        clamp.amplitude = amplitude
        return clamp

    def vclamp(self, voltage=-70, *, x=0.5, before=0, duration=100, after=0, holding=-70):
        # Checked before the clamp is made: a refused call leaves no clamp on the section.
        for name, value in (("before", before), ("duration", duration), ("after", after), ("holding", holding)):
            _rules.number(value, f"SEClamp {name}")
        voltages = list(voltage) if is_sequence(voltage) else [voltage]
        if len(voltages) not in (1, 3):
            raise ValueError(f"vclamp voltage is a number or 3 numbers, got {voltage!r}")
        for value in voltages:
            _rules.number(value, "SEClamp voltage")
        clamp = patch_interpreter().SEClamp(self, x=x)
        clamp.holding = holding
        clamp.delay = before
        clamp.duration = duration
        clamp.after = after
        clamp.voltage = voltage
        return clamp

    def synapse(self, factory, *args, store=False, attributes=None, **kwargs):
        synapse = factory(self, *args, **kwargs)
        for name, value in (attributes or {}).items():
            setattr(transform(synapse), name, value)
        if store:
            self.__dict__.setdefault("synapses", []).append(synapse)
        return synapse

    def connect_synapse(self, target, **kwargs):
        """A NetCon from this section's v (at ``__arc__``) to ``target``."""
        return patch_interpreter().NetCon(self, target, **kwargs)

    def push(self):
        """Makes this the accessed section; ``with sec.push():`` pops it again."""
        self._interpreter.push_section(self)
        return _PushedSection(self)

    def pop(self):
        if self._interpreter._section_stack[-1:] != [self]:
            raise RuntimeError(
                f"Cannot pop {self._label()}: it is not on top of the section stack"
            )
        self._interpreter.pop_section()



class _PushedSection:
    """``with sec.push():`` pops the section again on exit."""

    def __init__(self, section):
        self._section = section

    def __enter__(self):
        return self._section

    def __exit__(self, *exc):
        self._section.pop()
