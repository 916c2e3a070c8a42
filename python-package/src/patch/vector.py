"""Vector: NEURON's Vector with Python's sequence protocol and numpy/arrow views.

Contents reach Python only through the session's shared-memory views, never value by
value over the socket.
"""

import numbers

from . import _rules
from .core import transform_record
from .exceptions import HocRecordError
from .objects import PythonHocObject, encode
from .pointer import Pointer

# Sequences up to this length travel inside the command; longer ones in bulk.
_INLINE_LENGTH = 1000
# Vectors of more elements are made synchronously: the JVM may lack the memory (or,
# past 2**31 - 1, the array), and the refusal must be raised by the call.
_QUEUED_SIZE_LIMIT = 1 << 20

# NEURON Vector methods that modify the vector and return it (chainable, queued).
_CHAINABLE = frozenset(
    {"resize", "clear", "fill", "indgen", "setrand", "add", "sub", "mul", "div", "copy", "from_list", "play_remove"}
)
# NEURON Vector methods that return a value (a round trip).
_QUERIES = frozenset({"sum", "mean", "var", "stdev", "min", "max", "min_ind", "max_ind"})


def _creation(args):
    """(the `new` argument, values to load in bulk, a fill value, a Vector to copy)."""
    if not args:
        return None, None, None, None
    first = args[0]
    if isinstance(first, numbers.Integral) and not isinstance(first, bool):
        if first < 0:
            raise ValueError(f"Vector size must be >= 0, got {first!r}")
        return int(first), None, (args[1] if len(args) > 1 else None), None
    if isinstance(first, Vector):
        return None, None, None, first
    if hasattr(first, "__len__") or hasattr(first, "__iter__"):
        values = first if hasattr(first, "__len__") else list(first)
        if len(values) > _INLINE_LENGTH or hasattr(values, "__array__"):
            return None, values, None, None
        return [_rules.number(v, "a Vector's value") for v in values], None, None, None
    raise TypeError(f"Vector() takes a size, a sequence or a Vector, not {first!r}")


def _describe(args):
    if args and hasattr(args[0], "__len__"):
        return f"({len(args[0])} values)"
    return repr(args) if len(args) != 1 else f"({args[0]!r})"


class Vector(PythonHocObject):
    _kind = "Vector"

    def __init__(self, interpreter, handle, *args):
        # Validate before registering: a refused Vector must leave no handle behind.
        new, bulk, fill, source = _creation(args)
        super().__init__(interpreter, handle)
        command, what = ["new", handle, "Vector", new], f"Vector{_describe(args)}"
        if type(new) is int and new > _QUEUED_SIZE_LIMIT:
            self._session.ask(command, what)
        else:
            self._session.send(command, what)
        if bulk is not None:
            self._session.vector_load(handle, bulk)
        if fill is not None:
            self.fill(fill)
        if source is not None:
            self.copy(source)

    @classmethod
    def wrap(cls, interpreter, handle):
        """A proxy for an existing JVM Vector."""
        vector = cls.__new__(cls)
        PythonHocObject.__init__(vector, interpreter, handle)
        return vector

    def _label(self):
        return f"Vector#{self._h}"

    @property
    def _ref_x(self):
        """``vec._ref_x[i]``: where element i lies, as NEURON's pointer into a Vector
        (here for FUNCTION_TABLE values, ``p.table_<f>_<suffix>(vec._ref_x[0], n, min, max)``)."""
        return _ElementPointers(self)

    def __getattr__(self, name):
        if name in _QUERIES:
            return lambda *args: self._call(name, [encode(a) for a in args], f"{self._label()}.{name}()")
        if name in _CHAINABLE:
            def chain(*args):
                # Synchronous: what these take depends on sizes Python does not keep.
                self._call(name, [encode(a) for a in args], f"{self._label()}.{name}{args!r}")
                return self

            return chain
        raise AttributeError(f"'Vector' object has no attribute {name!r}")

    def append(self, *values):
        what = f"{self._label()}.append(...)"
        if all(isinstance(v, numbers.Real) for v in values):
            self._queue("append", [_rules.number(v, what) for v in values], what)
        else:
            # Vectors too, checked by the engine.
            self._call("append", [encode(v) for v in values], what)
        return self

    # Recording and playing.
    def record(self, target, *args):
        """Record ``transform_record(target)`` every step, or every ``Dt`` ms, or at the
        times of a Vector."""
        pointer = transform_record(target)
        if not isinstance(pointer, Pointer):
            raise HocRecordError(
                f"Cannot record {target!r}: pass a Section, a Segment, a point process "
                "or a _ref_ pointer"
            )
        # Synchronous: the variable may be gone, the times Vector or Dt refused.
        self._call(
            "record",
            [pointer._bridge_value(), *(encode(a) for a in args)],
            f"{self._label()}.record({pointer!r})",
        )
        self.__ref__(target)
        return self

    def play(self, target, *args):
        """Play the values into ``target`` (a _ref_ pointer) every ``Dt`` ms or at the
        times of a Vector; ``continuous`` interpolates."""
        if not isinstance(target, Pointer):
            raise TypeError(f"Vector.play needs a _ref_ pointer target, got {target!r}")
        self._call(
            "play",
            [target._bridge_value(), *(encode(a) for a in args)],
            f"{self._label()}.play({target!r})",
        )
        self.__ref__(target)
        for arg in args:
            if isinstance(arg, Vector):
                self.__ref__(arg)
        return self

    # Sequence protocol and numpy interop.
    def as_numpy(self):
        """A read-only numpy view of the contents (zero copy). Unlike NEURON's live view
        it is a snapshot: a later change of the Vector (a call, a run) leaves it as it
        was, and the next as_numpy() returns a new array (bridge/README.md, "Vector views")."""
        return self._session.vector_view(self._h)

    def to_arrow(self):
        """The contents as a pyarrow Array (zero copy)."""
        return self._session.vector_arrow(self._h)

    def __array__(self, dtype=None, copy=None):
        view = self.as_numpy()
        if dtype is not None and dtype != view.dtype:
            return view.astype(dtype)
        return view.copy() if copy else view

    def __len__(self):
        # list(v) asks for the length first: the current view answers it without a round trip.
        view = self._session.cached_vector_view(self._h)
        if view is not None:
            return view.size
        return self._call("size", [], f"len({self._label()})")

    def size(self):
        return len(self)

    def __iter__(self):
        return iter(self.as_numpy().tolist())

    def to_python(self):
        return self.as_numpy().tolist()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.as_numpy()[index]
        if not isinstance(index, numbers.Integral):
            raise TypeError(f"Vector indices must be integers or slices, not {index!r}")
        size = len(self)
        i = index + size if index < 0 else index
        if not 0 <= i < size:
            raise IndexError(f"Vector index {index} out of range for size {size}")
        return self._call("x", [int(i)], f"{self._label()}[{index}]")

    def __setitem__(self, index, value):
        if not isinstance(index, numbers.Integral) or index < 0:
            raise IndexError(f"Vector assignment needs a non-negative integer index, got {index!r}")
        # Synchronous: the bounds are the JVM's.
        self._call("setx", [int(index), encode(value)], f"{self._label()}[{index}] = {value!r}")

    @property
    def x(self):
        """NEURON's ``v.x[i]``: element i, read or written, with no negative indices."""
        return _Elements(self)

    def __repr__(self):
        return f"<patch.objects.Vector {self._label()}>"

    def hname(self):
        return self._label()


class _Elements:
    """What ``v.x`` gives: NEURON's element access; out of range (also i < 0) is an IndexError."""

    __slots__ = ("_vector",)

    def __init__(self, vector):
        self._vector = vector

    def __getitem__(self, i):
        vector = self._vector
        return vector._call("x", [_element_index(i)], f"{vector._label()}.x[{i!r}]")

    def __setitem__(self, i, value):
        vector = self._vector
        vector._call("setx", [_element_index(i), encode(value)], f"{vector._label()}.x[{i!r}] = {value!r}")


def _element_index(i):
    if not isinstance(i, numbers.Integral):
        # NEURON: any index that is not an element's is an IndexError
        raise IndexError(f"Vector.x index must be an integer, got {i!r}")
    return int(i)


class _ElementPointers:
    """``vec._ref_x``: indexing gives an ElementPointer."""

    __slots__ = ("_vector",)

    def __init__(self, vector):
        self._vector = vector

    def __getitem__(self, index):
        if not isinstance(index, int) or index < 0:
            raise IndexError(f"{self._vector._label()}._ref_x takes an index >= 0, not {index!r}")
        return ElementPointer(self._vector, index)


class ElementPointer:
    """Element ``index`` of a Vector and the ones after it, as hoc's ``&vec.x[index]``."""

    __slots__ = ("vector", "index")

    def __init__(self, vector, index):
        self.vector, self.index = vector, index

    def __repr__(self):
        return f"<pointer to {self.vector._label()}.x[{self.index}]>"

