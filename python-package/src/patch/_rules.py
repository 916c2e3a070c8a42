"""What the engine refuses, checked in Python before a command is queued.

A queued command runs later, in a batch: were it refused there, the error could only
surface at a later, unrelated line. So the API layer queues a command only once it has
passed these checks, which raise at the user's line the exception the engine would
raise (bridge/README.md, "Errors at the line"), worded as the engine words it; what they
cannot check goes synchronously. Rules the engine describes (mechanism names, NetCon
weights, the largest nseg) come from it through the catalogue; the others mirror
java-core, and tests-python/test_rules_match_engine.py checks each on both sides of its
boundary against the engine itself.
"""

import json
import math
import numbers

#: Section and segment variables that must be positive and finite, and the exception
#: their refusal is: NEURON refuses diam <= 0 with hoc_execerror (RuntimeError).
POSITIVE_VARIABLES = {"L": ValueError, "Ra": ValueError, "cm": ValueError, "diam": RuntimeError}


def describe(value):
    """A refused value as the engine's messages show it: strings quoted as JSON, simulator
    objects by name."""
    if isinstance(value, str):
        return json.dumps(value)
    if hasattr(value, "_bridge_value"):
        name = value.hname() if hasattr(value, "hname") else repr(value)
        return f"a {type(value).__name__} ({name})"
    return repr(value)


def number(value, what, error=TypeError):
    """``value`` as a number the bridge carries (bool, int, float), else ``error``. An int
    beyond 64 bits goes as the double the engine would read (OverflowError past the
    largest double, as NEURON's conversion)."""
    cls = type(value)
    if cls is float or cls is bool:
        return value
    if cls is int or isinstance(value, numbers.Integral):
        value = int(value)
        return value if -_LONG <= value < _LONG else float(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise error(f"{what} must be a number, got {describe(value)}")


_LONG = 1 << 63


def finite(value, what):
    """A finite number (pt3dadd's coordinates)."""
    value = number(value, what)
    if not math.isfinite(value):
        raise ValueError(f"{what} must be finite, got {value!r}")
    return value


# -- sections and segments -----------------------------------------------------------


def section_value(label, name, value, max_nseg):
    """The value of ``<label>.<name> = value`` (a section-wide variable), or the engine's
    refusal: non-numbers and every bad value are ValueError, as in NEURON, except diam."""
    cls = type(value)
    if cls is int:  # inline: model building sets geometry from ints
        if not -_LONG <= value < _LONG:
            value = float(value)  # sent as the double the engine would read; OverflowError past the largest
    elif cls is not float:
        value = number(value, f"{label}.{name}", ValueError)
    if name == "nseg":
        return nseg(label, value, max_nseg)
    refusal = POSITIVE_VARIABLES.get(name)
    if refusal is not None and not 0 < value < math.inf:
        raise refusal(f"{label}.{name} must be > 0, got {value!r}")
    return value


def segment_value(label, x, name, value):
    """The value of ``<label>(x).<name> = value``: as section_value (nseg is no segment's)."""
    if type(value) is not float:
        value = number(value, f"{label}({x:g}).{name}", ValueError)
    refusal = POSITIVE_VARIABLES.get(name)
    if refusal is not None and not 0 < value < math.inf:
        raise refusal(f"{label}({x:g}).{name} must be > 0, got {value!r}")
    return value


def nseg(label, value, max_nseg):
    """NEURON: an int (3.0 is refused) in 1..max_nseg; a bool counts as its int."""
    if isinstance(value, float):
        raise ValueError(f"{label}.nseg must be an integer, got {value!r}")
    if not 1 <= value <= max_nseg:
        raise ValueError(f"{label}.nseg must be in 1..{max_nseg}, got {value!r}")
    return int(value)


def x(value):
    """A position along a section, 0 <= x <= 1."""
    cls = type(value)
    # Exact float/int first: the abstract-class check costs more than the rest of s(x).
    if (cls is float or cls is int or isinstance(value, numbers.Real)) and 0 <= value <= 1:
        return float(value)
    raise ValueError(f"segment position range is 0 <= x <= 1, got {value!r}")


def pt3d(x3, y3, z3, diam, what):
    """One 3-D point: finite coordinates, a finite diameter >= 0."""
    point = [finite(c, f"{what} coordinate") for c in (x3, y3, z3)]
    diam = finite(diam, f"{what} diameter")
    if diam < 0:
        raise ValueError(f"{what} diameter must be >= 0, got {diam!r}")
    point.append(diam)
    return point


def alive(section):
    """NEURON's ReferenceError for a deleted section, before anything refers to it."""
    if section._deleted:
        raise ReferenceError(f"section {section._label()} was deleted")


def connect(child, parent, parentx, childx):
    """Checks ``child.connect(parent, parentx, childx)``; returns False when the tree is not
    all known to Python (sections the engine made), so that the call must go synchronously.
    ``_children`` may count a child the engine has let go (never one it has not): a count
    too high only costs the walk."""
    # Inline where the values are plain: building a tree connects every section.
    if child._deleted or parent._deleted:
        alive(child)
        alive(parent)
    if not (type(parentx) is float or type(parentx) is int) or not 0 <= parentx <= 1:
        x(parentx)
    if childx not in (0, 1):
        raise ValueError(f"child connection point must be 0 or 1, got {childx!r}")
    # By handle: the same section may come as NEURON's object or as Patch's view of it.
    handle = child._h
    if child._children == 0 and parent._h != handle:
        # Without children, the child cannot be the parent's ancestor: no walk (a chain
        # of sections built one by one would cost a walk of its depth per connect).
        return True
    section = parent
    while section is not None:
        if section._h == handle:
            raise RuntimeError(f"connecting {child._label()} to {parent._label()} would form a loop")
        section = section._known_parent()
        if section is UNKNOWN_PARENT:
            return False
    return True


class _Unknown:
    def __repr__(self):
        return "<parent unknown to Python>"


#: The parent of a section the engine made: Python does not know its place in the tree.
UNKNOWN_PARENT = _Unknown()


# -- point processes and NetCons -----------------------------------------------------


def point_process_alive(pp):
    """A point process goes with its section (and stands anywhere if it is an artificial cell)."""
    section = pp._section
    if section is not None and section._deleted:
        raise ReferenceError(f"point process {pp.hname()} was deleted with section {section._label()}")


def netcon_target(target, weights):
    """``weights``: the target type's NET_RECEIVE weight count, None without NET_RECEIVE
    (Patch raises HocError for what NEURON's NetCon refuses)."""
    from .exceptions import HocError

    point_process_alive(target)
    if weights is None:
        raise HocError(f"{target.hname()} cannot receive events ({target._mechanism} has no NET_RECEIVE): not a NetCon target")


def netcon_value(netcon, name, value):
    """``netcon.delay`` (ms, finite and >= 0) or ``.threshold`` (mV, not NaN)."""
    if type(value) is not float:
        value = number(value, f"{netcon.hname()}.{name}")
    if name == "delay" and not 0 <= value < math.inf:
        raise ValueError(f"NetCon delay = {value!r} ms: must be finite and >= 0")
    if name == "threshold" and value != value:
        raise ValueError(f"{netcon.hname()}.threshold = nan")
    return value


def weight_index(netcon, index, count):
    """An index into ``netcon``'s ``count`` weights."""
    if type(index) is not int and (not isinstance(index, numbers.Integral) or isinstance(index, bool)):
        raise TypeError(f"NetCon weight indices must be integers, not {index!r}")
    if not 0 <= index < count:
        raise ValueError(f"{netcon.hname()} weight index {index} outside [0, {count})")
    return int(index)


# -- Vectors -------------------------------------------------------------------------


def vector_or_none(value, what):
    """A Vector argument (record into, play from) as the bridge carries it; None stops."""
    from .vector import Vector

    if value is None:
        return None
    if not isinstance(value, Vector):
        raise TypeError(f"{what} takes a Vector, got {describe(value)}")
    return value._bridge_value()
