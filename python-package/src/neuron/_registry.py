"""Python's side of the registry of NEURON's classes and functions in the JVM (bridge/README.md,
"The registry"): its schema, read once per session, and calls through the generic protocol.

Nothing here knows any particular class or function: what ``h`` offers beyond the proxies the
``patch`` package keeps (sections, segments, vectors, point processes, NetCons) comes from the
engine's registry, so a class or method is added in Java, in one place.
"""

import sys

from patch.objects import encode


class Registry:
    """The schema of one session's registry, and calls into it."""

    @classmethod
    def of(cls, session):
        """The session's registry, read on first use (p and h share it)."""
        registry = session.__dict__.get("_hoc_registry")
        if registry is None:
            registry = session.__dict__["_hoc_registry"] = cls(session)
        return registry

    def __init__(self, session):
        self._session = session
        schema = session.ask(["schema"], "the registry's schema")
        self.classes = schema["classes"]
        self.functions = schema["functions"]
        self.not_provided = schema["not_provided"]

    def call(self, target, name, args, kwargs, what):
        """A method of ``target`` (a handle) or, with target None, the function ``name``."""
        command = ["hcall", target, name, [encode(a) for a in args], _keywords(kwargs)]
        return shown(self._session.ask(command, what))

    def new(self, handle, class_name, args, kwargs, what):
        command = ["hnew", handle, class_name, [encode(a) for a in args], _keywords(kwargs)]
        shown(self._session.ask(command, what))


def _keywords(kwargs):
    return {name: encode(value) for name, value in kwargs.items()}


def shown(reply):
    """A registry result, after showing what the call printed where Python's output goes."""
    if type(reply) is dict and "printed" in reply:
        if reply["printed"]:
            sys.stdout.write(reply["printed"])
        if reply["warned"]:
            sys.stderr.write(reply["warned"])
        return reply["value"]
    return reply
