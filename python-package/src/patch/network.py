"""Events: NetCon, and the artificial cells (NetStim, VecStim) that are spike sources."""

import numbers

from . import _rules
from .objects import PatchLevel, PythonHocObject, encode, patch_interpreter, patch_level
from .point_process import PatchPointProcess, PointProcess
from .pointer import Pointer


class NetStim(PointProcess):
    """NEURON's spike generator: ``start``, ``interval``, ``number``, ``noise``."""

    def noiseFromRandom123(self, id1, id2, id3):
        """Draw the noise from Random123 stream (id1, id2, id3), from its start."""
        ids = [encode(i) for i in (id1, id2, id3)]
        self._call("noiseFromRandom123", ids, f"{self.hname()}.noiseFromRandom123{tuple(ids)}")

    def seed(self, position):
        """Continue the noise stream from ``position``."""
        self._call("seed", [encode(position)], f"{self.hname()}.seed({position!r})")


class VecStim(PointProcess):
    """Emits a spike at each time of the Vector it plays."""

    def play(self, times):
        from .vector import Vector

        if times is not None and not isinstance(times, Vector):
            times = self._interpreter.Vector(times)  # noqa: the level's own Vector
        _rules.point_process_alive(self)
        self._queue("play", [_rules.vector_or_none(times, f"{self.hname()}.play")], f"{self.hname()}.play(...)")
        self.__dict__["_vector"] = times
        return self

    @property
    def vector(self):
        return self.__dict__.get("_vector")

    @property
    def pattern(self):
        pattern = self.__dict__.get("_pattern")
        return None if pattern is None else list(pattern)


@patch_level(NetStim)
class PatchNetStim(PatchPointProcess, NetStim):
    # No current to record (as in Patch, where NetStim is no PointProcess): recording
    # one raises HocRecordError.
    __record__ = None


@patch_level(VecStim)
class PatchVecStim(PatchPointProcess, VecStim):
    __record__ = None


# Descriptions of queued calls, formatted only if the command fails (_commands.describe).
NEW_NETCON = "p.NetCon({!r}, {!r})"  # source, target
NETCON_ASSIGNMENT = "NetCon[{}].{} = {!r}"  # index, name, value
WEIGHT_ASSIGNMENT = "NetCon[{}].weight[{}] = {!r}"  # index, weight index, value


class WeightVector:
    """``nc.weight``: the NetCon's weights, indexable as in NEURON (``nc.weight[0] = 0.4``)."""

    __slots__ = ("_netcon",)

    def __init__(self, netcon):
        self._netcon = netcon

    def __len__(self):
        return self._netcon._call("weight_count", [], f"len({self._netcon.hname()}.weight)")

    def _check(self, index):
        nc = self._netcon
        return _rules.weight_index(nc, index, nc._weights)

    def __getitem__(self, index):
        nc = self._netcon
        return nc._call("weight", [self._check(index)], f"{nc.hname()}.weight[{index}]")

    def __setitem__(self, index, value):
        nc = self._netcon
        cls = type(value)
        if cls is not float and cls is not int:
            value = _rules.number(value, f"{nc.hname()}.weight[{index!r}]")
        d = nc.__dict__
        # The description is formatted only if the command fails (see _commands.describe).
        d["_session"].send(
            ("call", d["_h"], "set_weight", (self._check(index), value)), (WEIGHT_ASSIGNMENT, d["_index"], index, value)
        )

    def __iter__(self):
        return iter([self[i] for i in range(len(self))])

    def __repr__(self):
        return f"<weights of {self._netcon.hname()}: {list(self)}>"


class NetCon(PythonHocObject):
    """Carries the spikes of a source (a watched variable or an artificial cell) to a
    target's NET_RECEIVE after ``delay`` ms, with ``weight``. NEURON's; Patch's is PatchNetCon."""

    __module__ = "hoc"

    _kind = "NetCon"
    _ATTRIBUTES = frozenset({"delay", "threshold"})

    def __init__(self, interpreter, handle, source, target, index):
        # Before registering: a refused NetCon leaves no handle behind.
        if isinstance(source, Pointer):
            source.check_alive()
        elif isinstance(source, PointProcess):
            _rules.point_process_alive(source)
        if target is not None:
            _rules.netcon_target(target, target._weights)
        super().__init__(interpreter, handle)
        # NEURON gives a NetCon without target one weight.
        self.__dict__["_weights"] = 1 if target is None else target._weights
        self.__dict__["_index"] = index
        self.__dict__["_nothreshold"] = False
        self._session.send(
            ("new", handle, "NetCon", encode(source), encode(target)), (NEW_NETCON, source, target)
        )

    def hname(self):
        return f"NetCon[{self._index}]"

    __str__ = hname
    __repr__ = hname

    def __setattr__(self, name, value):
        if name == "weight":
            self._set_weights(value)
        elif name == "threshold" and self._nothreshold:
            raise RuntimeError(
                "Do not set threshold on gid_connect'ed NetCons: see "
                "https://github.com/neuronsimulator/nrn/issues/2135"
            )
        elif name in self._ATTRIBUTES:
            d = self.__dict__
            value = _rules.netcon_value(self, name, value)
            d["_session"].send(("set", d["_h"], name, value), (NETCON_ASSIGNMENT, d["_index"], name, value))
        else:
            self._own_attribute(name, value)

    def __getattr__(self, name):
        if name in self._ATTRIBUTES:
            return self._session.ask(["get", self._h, name], f"{self.hname()}.{name}")
        raise AttributeError(f"'NetCon' object has no attribute {name!r}")

    @property
    def weight(self):
        return WeightVector(self)

    def _set_weights(self, value):
        cls = type(value)
        if cls is float or cls is int or isinstance(value, numbers.Real):
            self.weight[0] = value
        else:
            for i, w in enumerate(value):
                self.weight[i] = w

    def active(self, on=None):
        """Whether spikes are delivered; ``active(False)`` switches it off (NEURON's form)."""
        if on is None:
            return self._session.ask(["get", self._h, "active"], f"{self.hname()}.active()")
        self._session.send(["set", self._h, "active", bool(on)], f"{self.hname()}.active({on!r})")
        return bool(on)

    def valid(self):
        return self._call("valid", [], f"{self.hname()}.valid()")

    def event(self, time):
        self._call("event", [encode(time)], f"{self.hname()}.event({time!r})")

    def syn(self):
        return self._call("target", [], f"{self.hname()}.syn()")

    def record(self, *args):
        """``record()``: the Vector of this NetCon's spike times (made once);
        ``record(vec)`` or ``record(tvec, idvec, id)``: record into those."""
        if not args:
            recorder = self.__dict__.get("recorder")
            if recorder is None:
                recorder = self._interpreter.Vector()
                self._record_into(recorder)
            return recorder
        self._record_into(*args)

    def _record_into(self, vector, *more):
        what = f"{self.hname()}.record"
        args = [_rules.vector_or_none(vector, what)]
        if more:
            if len(more) != 2:
                raise TypeError(f"{what} takes (tvec), or (tvec, idvec, id), got {1 + len(more)} arguments")
            args += [_rules.vector_or_none(more[0], what), _rules.number(more[1], f"{what}'s id")]
        self._queue("record", args, f"{what}(...)")
        self.__dict__["recorder"] = vector
        vector.__ref__(self)
        self.__ref__(vector)


@patch_level(NetCon)
class PatchNetCon(PatchLevel, NetCon):
    def __repr__(self):
        return f"<patch.objects.NetCon {self.hname()}>"
