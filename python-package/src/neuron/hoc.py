"""``hoc.HocObject``: the proxy of any object of a registry class (List, SectionList, Random, …),
with the members the engine's registry declares for its class."""

from patch.objects import PythonHocObject


class HocObject(PythonHocObject):
    """An object of one of NEURON's classes, held in the JVM; members come from the registry."""

    __module__ = "hoc"

    def __init__(self, interpreter, handle, class_name, index):
        super().__init__(interpreter, handle)
        d = self.__dict__
        d["_kind"] = class_name
        d["_members"] = interpreter._registry.classes[class_name]["members"]
        d["_name"] = f"{class_name}[{index}]"

    def __getattr__(self, name):
        member = self.__dict__["_members"].get(name)
        if member is None or name.startswith("__"):
            raise AttributeError(f"'{self._kind}' object has no attribute '{name}'")
        kind = member["kind"]
        if kind == "method":
            return _BoundMethod(self, name)
        if kind == "array":
            return _MemberArray(self, name)
        return self._session.ask(["hget", self._h, name], f"{self._name}.{name}")

    def __setattr__(self, name, value):
        member = self.__dict__["_members"].get(name)
        if member is None:
            # As NEURON, a HocObject takes no new attributes.
            raise AttributeError(f"'{self._kind}' object has no attribute '{name}'")
        if member["kind"] != "property" or member["readonly"]:
            raise AttributeError(f"'{self._kind}.{name}' is read-only")
        self._session.ask(["hset", self._h, name, value], f"{self._name}.{name} = {value!r}")

    def __dir__(self):
        return sorted(set(self._members) - {"__iter__"} | {"hname"})

    def hname(self):
        return self._name

    def __repr__(self):
        return self._name

    __str__ = __repr__

    def __iter__(self):
        if "__iter__" not in self._members:
            raise TypeError(f"'{self._kind}' object is not iterable")
        return iter(self._method("__iter__")())

    def __len__(self):
        for counter in ("count", "size"):
            if counter in self._members:
                return int(self._method(counter)())
        raise TypeError(f"object of type '{self._kind}' has no len()")

    def __getitem__(self, i):
        if "object" not in self._members:
            raise TypeError(f"'{self._kind}' object is not subscriptable")
        if not -len(self) <= i < len(self):
            raise IndexError(self._name)
        return self._method("object")(i % len(self))

    def _method(self, name):
        return _BoundMethod(self, name)


class _BoundMethod:
    __slots__ = ("_owner", "_name")

    def __init__(self, owner, name):
        self._owner = owner
        self._name = name

    def __call__(self, *args, **kwargs):
        owner = self._owner
        interpreter = owner._interpreter
        kwargs = interpreter._section_keywords(kwargs)
        return interpreter._registry.call(owner._h, self._name, args, kwargs, f"{owner._name}.{self._name}(...)")

    @property
    def __doc__(self):
        return self._owner._members[self._name]["doc"]

    def __repr__(self):
        return f"<method {self._owner._name}.{self._name}>"


class _MemberArray:
    """An array member such as ``nc.weight``: indexing reads and writes one element."""

    __slots__ = ("_owner", "_name")

    def __init__(self, owner, name):
        self._owner = owner
        self._name = name

    def __len__(self):
        return int(self._owner._session.ask(["hlen", self._owner._h, self._name], f"len({self._owner._name}.{self._name})"))

    def __getitem__(self, i):
        return self._owner._session.ask(["hgeti", self._owner._h, self._name, i], f"{self._owner._name}.{self._name}[{i}]")

    def __setitem__(self, i, value):
        self._owner._session.ask(
            ["hseti", self._owner._h, self._name, i, value], f"{self._owner._name}.{self._name}[{i}] = {value!r}"
        )
