"""Segment (a position on a section) and Mechanism (a density mechanism at one segment)."""

import struct

from . import _rules
from .objects import Connectable, PatchLevel, Referencing, patch_level, to_patch
from .pointer import segment_pointer

# What every segment has, whatever is inserted.
SEGMENT_VARIABLES = frozenset({"v", "diam", "cm"})


# A float's IEEE-754 bit pattern as a signed 64-bit int (the bridge's ``ssetbits``):
# _unpack_long(_pack_double(value))[0].
_pack_double = struct.Struct("<d").pack
_unpack_long = struct.Struct("<q").unpack


# Variables with a rule beyond "a number" (_rules.segment_value).
_CHECKED_VARIABLES = _rules.POSITIVE_VARIABLES

# Descriptions of queued calls, formatted only if the command fails (_commands.describe).
ASSIGNMENT = "{}.{} = {!r}"  # label, name, value
SEGMENT_ASSIGNMENT = "{}({:g}).{} = {!r}"  # section label, x, name, value


class Segment(Referencing):
    """``sec(x)``: a value naming the position ``x`` of a section; it owns no JVM object.
    NEURON's (``nrn.Segment``); Patch's is PatchSegment."""

    __module__ = "nrn"

    def __init__(self, section, x):
        d = self.__dict__
        d["sec"] = section
        d["x"] = x

    @property
    def section(self):
        return self.sec

    def __setattr__(self, name, value):
        d = self.__dict__
        sec = d["sec"]
        if name in SEGMENT_VARIABLES or name in sec._range_variables:
            if sec._deleted:
                _rules.alive(sec)
            x = d["x"]
            section = sec.__dict__
            label = section["_name"]
            if label is None:
                label = sec._label()
            cls = type(value)
            if (cls is not float and cls is not int) or name in _CHECKED_VARIABLES:
                value = _rules.segment_value(label, x, name, value)
                cls = type(value)
            # Command and description are tuples of plain values: the garbage collector
            # stops tracking them (and their queue entry), so a long queue costs it no work.
            # A float goes as its bit pattern: formatting a 17-digit double for JSON costs
            # more than the rest of the command, and the JVM's parse of one more still.
            if cls is float:
                # Inline, not a helper: two more calls per assignment were measurable in B3.
                cmd = ("ssetbits", section["_h"], _unpack_long(_pack_double(x))[0], name,
                       _unpack_long(_pack_double(value))[0])
            else:
                cmd = ("sset", section["_h"], x, name, value)
            section["_session"].send(cmd, (SEGMENT_ASSIGNMENT, label, x, name, value))
        elif isinstance(getattr(type(self), name, None), property):
            object.__setattr__(self, name, value)
        else:
            d[name] = value

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        sec = self.__dict__["sec"]
        catalogue = sec._interpreter._catalogue
        if name in SEGMENT_VARIABLES or name in sec._range_variables:
            return sec._session.ask(["sget", sec._h, self.x, name], f"{self._label()}.{name}")
        if name.startswith("_ref_"):
            var = name[5:]
            if var in SEGMENT_VARIABLES or var in sec._range_variables:
                return segment_pointer(sec, self.x, var)
        elif name in catalogue.density or name.endswith("_ion"):
            if name in sec._mechanisms or name in catalogue.inserted_ions(sec._mechanisms):
                return Mechanism(self, name)
            raise AttributeError(f"{name}, the mechanism does not exist at {self}")
        raise AttributeError(f"'Segment' object has no attribute {name!r}")

    def __dir__(self):
        sec = self.sec
        names = SEGMENT_VARIABLES | sec._range_variables | set(sec._mechanisms)
        return sorted(set(super().__dir__()) | names)

    def _label(self):
        return f"{self.sec._label()}({self.x:g})"

    def area(self):
        """Membrane area of this segment (µm²)."""
        return self.sec._call("area", [self.x], f"{self._label()}.area()")

    def ri(self):
        """Axial resistance from the parent node to this one (MΩ)."""
        return self.sec._call("ri", [self.x], f"{self._label()}.ri()")

    def point_processes(self):
        """The point processes on this segment's node."""
        return self.sec._call("point_processes", [self.x], f"{self._label()}.point_processes()")

    def __iter__(self):
        names = self.sec._call("mechanisms", [], f"iterate over {self._label()}")
        return iter([Mechanism(self, name) for name in names])

    def _seen_as(self, cls):
        """This segment at the other level: the same x of the section seen at that level."""
        sec = to_patch(self.sec) if issubclass(cls, PatchLevel) else self.sec.__neuron__()
        return cls(sec, self.x)

    def __eq__(self, other):
        return (
            isinstance(other, Segment) and other.sec._h == self.sec._h and other.x == self.x
        )

    def __hash__(self):
        return hash((self.sec._h, self.x))

    def __str__(self):
        return f"{self.sec.name()}({self.x:g})"

    __repr__ = __str__


@patch_level(Segment)
class PatchSegment(PatchLevel, Segment, Connectable):
    """Patch's segment: NEURON's, plus the arcs NetCon and record use (its v)."""

    def __netcon__(self):
        return segment_pointer(self.sec, self.x, "v")

    __record__ = __netcon__

    def __neuron__(self):
        return self._seen_as(Segment)

    def __repr__(self):
        return f"<patch.objects.Segment {self}>"


class Mechanism(Referencing):
    """``seg.hh``: the variables of one density mechanism at one segment, unsuffixed."""

    def __init__(self, segment, name):
        d = self.__dict__
        d["segment"] = segment
        d["_mechanism"] = name
        d["_info"] = segment.sec._interpreter._catalogue.info(name)

    def name(self):
        return self._mechanism

    def _range_name(self, name):
        info = self.__dict__["_info"]
        return info.range_name(name) if name in info.variables else None

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        seg = self.__dict__["segment"]
        if name.startswith("_ref_"):
            var = self._range_name(name[5:])
            if var is not None:
                return segment_pointer(seg.sec, seg.x, var)
        else:
            var = self._range_name(name)
            if var is not None:
                return getattr(seg, var)
        raise AttributeError(f"'{self._mechanism}' mechanism has no attribute {name!r}")

    def __setattr__(self, name, value):
        var = self._range_name(name)
        if var is None:
            self.__dict__[name] = value
        else:
            setattr(self.segment, var, value)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self._info.variables))

    def __iter__(self):
        return iter(self._info.variables)

    def __str__(self):
        return self._mechanism

    def __repr__(self):
        return f"<patch.objects.Mechanism {self._mechanism} at {self.segment}>"
