"""The proxies' common ground: handles, references, arbitrary attributes, argument encoding.

Every simulator object the user holds is a thin Python proxy: engine state lives in the
JVM behind a handle; anything the simulator does not know becomes an ordinary Python
attribute, as in Patch.
"""

import numbers

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
    """A proxy for one JVM object, addressed by ``_h``."""

    _kind = None

    def __init__(self, interpreter, handle):
        d = self.__dict__
        d["_interpreter"] = interpreter
        d["_session"] = interpreter._session
        d["_h"] = handle
        interpreter._session.register(handle, self)

    def _bridge_value(self):
        return {"h": self._h}

    def _call(self, method, args, what):
        return self._session.ask(["call", self._h, method, args], what)

    def _queue(self, method, args, what):
        self._session.send(["call", self._h, method, args], what)

    def __eq__(self, other):
        return transform(self) is transform(other)

    def __hash__(self):
        return object.__hash__(self)

    def __del__(self):
        d = self.__dict__
        session = d.get("_session")
        if session is not None:
            session.release(d["_h"], self)


__all__ = [
    "Connectable",
    "H",
    "PythonHocObject",
    "Referencing",
    "encode",
]


def __getattr__(name):
    # The concrete proxies live in their own modules; ``patch.objects.Section`` etc.
    # remain reachable here as in Patch without import cycles.
    from . import network, point_process, pointer, section, section_ref, segment, vector

    for module in (section, segment, vector, point_process, network, section_ref, pointer):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
