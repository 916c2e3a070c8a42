"""The proxies' common ground: handles, references, arbitrary attributes, argument encoding.

Every simulator object the user holds is a thin Python proxy: engine state lives in the
JVM behind a handle; anything the simulator does not know becomes an ordinary Python
attribute, as in Patch.
"""

import numbers
import weakref

from .core import transform


def H(handle):
    """A handle as the bridge encodes it."""
    return {"h": handle}


def encode(value):
    """A Python value as a bridge argument: proxies by handle, pointers by reference."""
    cls = type(value)
    if cls is float or cls is int or cls is str or value is None or cls is bool:
        return value
    encoded = getattr(value, "_bridge_value", None)
    if encoded is not None:
        return encoded()
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    tolist = getattr(value, "tolist", None)
    if tolist is not None:
        return tolist()
    return value


class Referencing:
    """Patch's strong references between objects that depend on each other."""

    def __ref__(self, obj):
        d = self.__dict__
        # A set of ids beside the list keeps this O(1): a root may gain thousands of children.
        ids = d.get("_reference_ids")
        if ids is None:
            ids = d["_reference_ids"] = set()
        key = id(obj)
        if key not in ids:
            ids.add(key)
            references = d.get("_references")
            if references is None:
                references = d["_references"] = []
            references.append(obj)

    def __deref__(self, obj):
        d = self.__dict__
        ids = d.get("_reference_ids", set())
        if id(obj) not in ids:
            return False
        ids.discard(id(obj))
        references = d["_references"]
        for i, r in enumerate(references):
            if r is obj:
                del references[i]
                break
        return True

    @property
    def _references(self):
        return self.__dict__.setdefault("_references", [])

    def __neuron__(self):
        # On this engine the proxy is the simulator object: nothing lies underneath.
        return self

    def __bool__(self):
        return True


class Connectable:
    """Objects that can be the end of a NetCon record their connections here."""

    @property
    def _connections(self):
        return self.__dict__.setdefault("_connections_by_peer", {})


class PythonHocObject(Referencing):
    """A proxy for one JVM object, addressed by ``_h``.

    The object that made the handle owns it (its finalizer frees the JVM object). The same
    JVM object seen at the other level — NEURON's (``h``) or Patch's (``p``) — is a *view*
    (``_seen_as``): another Python object of the other class over the same ``__dict__``, so
    that both see one state, holding its owner alive.
    """

    __slots__ = ("_owner", "_views")
    _kind = None

    def __init__(self, interpreter, handle):
        d = self.__dict__
        d["_interpreter"] = interpreter
        d["_session"] = interpreter._session
        d["_h"] = handle
        interpreter._session.register(handle, self)

    def __getattribute__(self, name):
        # NEURON's objects show no attributes of their own: a public name in the shared
        # __dict__ is one Patch's view of this object was given (Patch's classes skip this).
        if name[0] != "_" and name in object.__getattribute__(self, "__dict__"):
            raise AttributeError(f"'{type(self).__module__}.{type(self).__name__}' object has no attribute {name!r}")
        return object.__getattribute__(self, name)

    def _own_attribute(self, name, value):
        """An assignment to a name the simulator does not know: NEURON refuses it."""
        raise AttributeError(f"'{type(self).__module__}.{type(self).__name__}' object has no attribute {name!r}")

    def _bridge_value(self):
        return {"h": self._h}

    def _seen_as(self, cls):
        """This JVM object as an instance of ``cls`` (NEURON's or Patch's class for it)."""
        if type(self) is cls:
            return self
        owner = _owner_of(self)
        if type(owner) is cls:
            return owner
        views = getattr(owner, "_views", None)
        if views is None:
            views = {}
            object.__setattr__(owner, "_views", views)
        ref = views.get(cls)
        view = ref() if ref is not None else None
        if view is None:
            view = cls.__new__(cls)
            object.__setattr__(view, "__dict__", owner.__dict__)
            object.__setattr__(view, "_owner", owner)
            views[cls] = weakref.ref(view)
        return view

    def _call(self, method, args, what):
        return self._present(self._session.ask(["call", self._h, method, args], what))

    def _queue(self, method, args, what):
        self._session.send(["call", self._h, method, args], what)

    def __eq__(self, other):
        return transform(self) is transform(other)

    def __hash__(self):
        return object.__hash__(self)

    def __del__(self):
        if getattr(self, "_owner", None) is not None:
            return  # a view: the owner frees the JVM object
        d = self.__dict__
        session = d.get("_session")
        if session is not None:
            session.release(d["_h"], self)


def _owner_of(obj):
    owner = getattr(obj, "_owner", None)
    return obj if owner is None else owner


# NEURON's class of a kind -> Patch's (filled by @patch_level), and Patch's by name.
_PATCH_CLASSES = {}
_PATCH_NAMES = {}


def patch_level(neuron_class):
    """Declares the decorated class as Patch's class for objects of ``neuron_class``: named
    ``patch.objects.<name>``, what ``p`` hands out, and what ``transform`` undoes."""

    def declare(cls):
        name = cls.__dict__.get("_patch_name", neuron_class.__name__)
        cls.__name__ = cls.__qualname__ = name
        cls.__module__ = "patch.objects"
        cls._neuron_class = neuron_class
        _PATCH_CLASSES[neuron_class] = cls
        # the first class of a name is patch.objects.<name> (PatchNetCon, not the gid NetCon's)
        _PATCH_NAMES.setdefault(name, cls)
        return cls

    return declare


def to_patch(value):
    """``value`` as Patch hands it out: engine objects as Patch's classes, lists element-wise."""
    if type(value) is list:
        return [to_patch(v) for v in value]
    patch_class = _PATCH_CLASSES.get(type(value))
    if patch_class is None:
        return value
    return value._seen_as(patch_class)


def to_neuron(value):
    """``value`` as NEURON hands it out: Patch's objects as NEURON's, lists element-wise."""
    if type(value) is list:
        return [to_neuron(v) for v in value]
    return transform(value)


# NEURON-level objects hand out NEURON-level objects; Patch's classes (PatchLevel) Patch's.
PythonHocObject._present = staticmethod(to_neuron)


class PointerWrapper:
    """Patch 4.0's descriptor for a point process variable: reads give the value, which
    ``p.record`` records as the variable (its ``__record__``); writes set the variable."""

    def __init__(self, attr):
        self._attr = attr

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if self._attr not in instance._variables:
            # The wrapper sits on a class many point process types share: for a type whose
            # variable of this name is an array (VClamp's dur) or absent, the usual lookup.
            return type(instance).__getattr__(instance, self._attr)
        target = instance.__neuron__()
        value = getattr(target, self._attr)
        attr = self._attr

        class SimulationValue(type(value)):
            def __record__(v):
                return getattr(target, f"_ref_{attr}")

        return SimulationValue(value)

    def __set__(self, instance, value):
        setattr(instance.__neuron__(), self._attr, value)


def patch_interpreter():
    """Patch's ``p`` (what Patch's conveniences build with, whichever level made the object)."""
    from . import _get_interpreter

    return _get_interpreter()


class PatchLevel:
    """Mixed into Patch's classes (first): what they hand out is Patch's, and ``__neuron__()``
    is the NEURON-level object (``transform(p.Section())`` is an ``nrn.Section``)."""

    _present = staticmethod(to_patch)
    __getattribute__ = object.__getattribute__

    def _own_attribute(self, name, value):
        # Patch: anything the simulator does not know is an ordinary Python attribute.
        self.__dict__[name] = value

    def __neuron__(self):
        return self._seen_as(self._neuron_class)


__all__ = [
    "Connectable",
    "H",
    "PythonHocObject",
    "Referencing",
    "encode",
    "PatchLevel",
    "PointerWrapper",
    "patch_interpreter",
    "patch_level",
    "to_neuron",
    "to_patch",
]


def __getattr__(name):
    # The concrete proxies live in their own modules; ``patch.objects.Section`` etc.
    # remain reachable here as in Patch without import cycles.
    from . import network, point_process, pointer, section, section_ref, segment, vector

    if name in _PATCH_NAMES:
        return _PATCH_NAMES[name]

    for module in (section, segment, vector, point_process, network, section_ref, pointer):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
