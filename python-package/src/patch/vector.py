"""Vector: NEURON's Vector with Python's sequence protocol and numpy/arrow views.

Contents reach Python only through the session's shared-memory views, never value by
value over the socket. NEURON's methods are the engine's registry's (org.jpatch.core.hoc
VectorClass): the proxy reaches each through the schema, so a method is added in Java only.
What must be Python stays here: indexing and slicing, the numpy protocol, pickling,
from_python/to_python, and apply() with a Python callable.
"""

import numbers
import sys

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

# Members of the proxy besides the registry's (for dir()).
_PYTHON_MEMBERS = ("as_numpy", "from_python", "to_python", "to_arrow", "hname")


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
    """Vector([size, [fill]] | values): NEURON's growable array of doubles, held in the engine.

    NEURON's methods (``dir(v)``; each has its doc) are the engine's registry's; indexing
    (negative indices, stepped slices), numpy views, pickling, ``from_python``/``to_python``
    and ``apply`` with a Python callable are Python's."""

    _kind = "Vector"
    # One class serves p and h for now: Patch's ordinary Python attributes (v.labels = ...)
    # are kept, where NEURON's hoc.Vector would refuse them.
    __getattribute__ = object.__getattribute__

    def __init__(self, interpreter, handle, *args):
        # Validate before registering: a refused Vector must leave no handle behind.
        new, bulk, fill, source = _creation(args)
        _learn_queries(interpreter)
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
        _learn_queries(interpreter)
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
        member = _members(self._interpreter).get(name)
        if member is None or member["kind"] != "method" or name.startswith("__"):
            raise AttributeError(f"'Vector' object has no attribute {name!r}")
        return _Method(self, name, member["doc"])

    def __dir__(self):
        return sorted(set(_members(self._interpreter)) | set(_PYTHON_MEMBERS) | set(super().__dir__()))

    def apply(self, function, *bounds):
        """apply(func, [start, end]): x[i] = func(x[i]) for elements start..end. ``func`` is a
        hoc function's name (run by the engine) or a Python callable (run here, element by
        element in order, as NEURON calls it; its results are written back together)."""
        if isinstance(function, str) or not callable(function):
            return _Method(self, "apply", None)(function, *bounds)
        if len(bounds) not in (0, 2):
            raise RuntimeError(f"Vector.apply takes a function and optionally start and end, got {len(bounds) + 1} arguments")
        values = self.as_numpy().copy()
        if len(bounds) == 2:
            start, end = (_rules.number(b, "Vector.apply bound") for b in bounds)
            if not (0 <= start <= len(values) - 1 and start <= end <= len(values) - 1):
                raise RuntimeError(f"Vector.apply: range {start}..{end} out of [0, {len(values) - 1}]")
            start, end = int(start), int(end)
        else:
            start, end = 0, len(values) - 1
        for i in range(start, end + 1):
            values[i] = function(float(values[i]))
        self._session.vector_load(self._h, values)
        return self

    def append(self, *values):
        """append(x or vec, ...): appends numbers and Vectors in order; returns the Vector
        (numbers alone are queued, not sent one by one)."""
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

    @property
    def __array_interface__(self):
        """NEURON's numpy interface: the current snapshot's (read-only, native float64). Its
        memory is given as the view itself, so every array made from it keeps the mapping alive."""
        view = self.as_numpy()
        return {"shape": view.shape, "typestr": view.dtype.str, "version": 3, "data": view}

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
        """size(): the number of elements (from the current numpy view when there is one)."""
        return len(self)

    def __iter__(self):
        return iter(self.as_numpy().tolist())

    def to_python(self, destination=None):
        """to_python([sequence]): the values as a new list, or written into the list or array
        given (of the Vector's size, as NEURON requires), which is returned."""
        values = self.as_numpy()
        if destination is None:
            return values.tolist()
        if len(destination) != values.size:
            raise RuntimeError(f"{self._label()}.to_python: Python Sequence not same size as Vector"
                               f" ({len(destination)} vs {values.size})")
        destination[:] = values.tolist() if isinstance(destination, list) else values
        return destination

    def __getitem__(self, index):
        if isinstance(index, slice):
            # NEURON 9: a new Vector of the selected elements
            return self._interpreter.Vector(self.as_numpy()[index])
        return self._element("hgeti", self._index(index), f"{self._label()}[{index!r}]")

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            self._assign_slice(index, value)
            return
        self._element("hseti", self._index(index), f"{self._label()}[{index!r}] = {value!r}", value)

    def _index(self, index):
        if not isinstance(index, numbers.Integral) or isinstance(index, bool):
            raise TypeError(f"Vector indices must be integers or slices, not {index!r}")
        if index >= 0:
            return int(index)
        # as NEURON 9: negative indices count from the end
        size = len(self)
        if index < -size:
            raise IndexError(f"Vector index {index} out of range for size {size}")
        return int(index) + size

    def _element(self, op, i, what, *value):
        # Synchronous: the bounds are the engine's (an IndexError names the index).
        return self._session.ask([op, self._h, "x", i, *(encode(v) for v in value)], what)

    def _assign_slice(self, index, values):
        import numpy as np

        array = self.as_numpy().copy()
        positions = range(*index.indices(array.size))
        new = np.asarray(list(values) if not hasattr(values, "__len__") else values, dtype=np.float64).reshape(-1)
        if new.size != len(positions):
            # NEURON: a sequence of another length than the slice is an IndexError
            raise IndexError(f"{self._label()}[{index.start}:{index.stop}:{index.step}] has {len(positions)} elements,"
                             f" the assigned sequence {new.size}")
        array[index] = new
        self._session.vector_load(self._h, array)

    def from_python(self, values):
        """from_python(sequence): the Vector's values become those of a list, tuple or array."""
        self._session.vector_load(self._h, values)
        return self

    def __reduce__(self):
        return _unpickle, (self.as_numpy().copy(),)

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
        return vector._element("hgeti", _element_index(i), f"{vector._label()}.x[{i!r}]")

    def __setitem__(self, i, value):
        vector = self._vector
        vector._element("hseti", _element_index(i), f"{vector._label()}.x[{i!r}] = {value!r}", value)


def _element_index(i):
    if not isinstance(i, numbers.Integral):
        # NEURON: any index that is not an element's is an IndexError
        raise IndexError(f"Vector.x index must be an integer, got {i!r}")
    return int(i)


class _Method:
    """A registry method bound to a Vector: a synchronous call (what each takes depends on
    sizes and values Python does not keep), its result decoded (a new Vector for c(), …).
    The "call" op answers None where the method returns the Vector itself (NEURON's
    chainable methods; no Vector method returns None): the proxy is that result."""

    __slots__ = ("_vector", "_name", "_doc")

    def __init__(self, vector, name, doc):
        self._vector, self._name, self._doc = vector, name, doc

    @property
    def __doc__(self):
        return self._doc

    def __call__(self, *args):
        vector = self._vector
        result = vector._call(self._name, [encode(a) for a in args], f"{vector._label()}.{self._name}(...)")
        return vector if result is None else result

    def __repr__(self):
        return f"<method {self._vector._label()}.{self._name}>"


def _members(interpreter):
    return interpreter._registry.classes["Vector"]["members"]


def _learn_queries(interpreter):
    """Tells the session's view cache which Vector methods leave a Vector unchanged (once)."""
    views = interpreter._session._views
    if not views.queries_known:
        views.learn_queries(name for name, m in _members(interpreter).items() if m["kind"] == "method" and m["readonly"])


def _unpickle(values):
    """A pickled Vector, made again by the interpreter in use (NEURON's ``h`` if the program
    imported ``neuron``, else Patch's ``p``)."""
    import patch

    interpreter = patch._interpreter
    if interpreter is None:
        neuron = sys.modules.get("neuron")
        interpreter = neuron._get_h() if neuron is not None else patch._get_interpreter()
    return interpreter.Vector(values)


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

