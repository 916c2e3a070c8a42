"""``p.parallel``: NEURON's ParallelContext through Patch's API — gids, gid_connect, spike
recording by gid, psolve, the collective operations and Patch's ``broadcast`` of picklable
data — and ``p.ParallelCon``. The gid tables and the solve live in the engine; this module
only shapes calls the way Patch does."""

import numbers
import pickle
import warnings

from . import _rules
from .core import transform, transform_netcon
from .exceptions import BroadcastError, ParallelConnectError
from .network import NetCon
from .objects import PatchLevel, PythonHocObject, Referencing, encode, patch_level
from .point_process import PointProcess
from .vector import Vector

# Patch's psolve and finitialize use this maximum step between spike exchanges [ms].
_PATCH_MAXSTEP = 10

# nthread() without a count reads it; None is a count NEURON refuses, so not the marker.
_NO_COUNT = object()


def _gid(value, call):
    if not isinstance(value, numbers.Integral):
        raise TypeError(f"{call}: a gid is an integer, got {value!r}")
    return int(value)


class GidNetCon(NetCon):
    """A NetCon that ``gid_connect`` made: its source is the gid's, so its threshold is
    not its own to set (Patch raises RuntimeError: NEURON issue 2135)."""

    def __init__(self, interpreter, handle, index, weights):
        # The JVM made this NetCon on ParallelContext.gid_connect, not on "new".
        PythonHocObject.__init__(self, interpreter, handle)
        self.__dict__["_weights"] = weights
        self.__dict__["_index"] = index
        self.__dict__["_nothreshold"] = True


@patch_level(GidNetCon)
class PatchGidNetCon(PatchLevel, GidNetCon):
    _patch_name = "NetCon"

    def __repr__(self):
        return f"<patch.objects.NetCon {self.hname()}>"


class ParallelContext(PythonHocObject):
    """The simulation's one ParallelContext (``p.parallel`` = ``p.ParallelContext()``)."""

    # Its interpreter's objects: Patch's for p.parallel, NEURON's for h.ParallelContext().
    @property
    def _present(self):
        return self._interpreter._present

    _kind = "ParallelContext"

    def __init__(self, interpreter, handle):
        super().__init__(interpreter, handle)
        d = self.__dict__
        # Patch warns about gids set after spike_record(-1): they are not recorded.
        d["_warn_new_gids"] = False
        d["_rank"] = None
        d["_hosts"] = None
        self._session.send(["new", handle, "ParallelContext"], "p.ParallelContext()")

    def __repr__(self):
        return "<patch.interpreter.ParallelContext ParallelContext[0]>"

    # Ranks never change within a session: asked once.
    def id(self):
        if self._rank is None:
            self.__dict__["_rank"] = self._call("id", [], "p.parallel.id()")
        return self._rank

    def nhost(self):
        if self._hosts is None:
            self.__dict__["_hosts"] = self._call("nhost", [], "p.parallel.nhost()")
        return self._hosts

    # gids
    def set_gid2node(self, gid, id=None):
        if self._warn_new_gids:
            warnings.warn(
                f"New GID ({gid}) registered after `spike_record` was called. This GID will not be recorded.",
                stacklevel=2,
            )
        rank = self.id() if id is None else id
        gid = _gid(gid, "set_gid2node")
        self._call("set_gid2node", [gid, _gid(rank, "set_gid2node")], f"p.parallel.set_gid2node({gid}, {rank})")

    def cell(self, gid, nc):
        gid = _gid(gid, "cell")
        netcon = transform(nc)
        if not isinstance(netcon, NetCon):
            raise TypeError(f"p.parallel.cell({gid}, {nc!r}): the second argument must be a NetCon")
        self._call("cell", [gid, encode(netcon)], f"p.parallel.cell({gid}, {netcon.hname()})")

    def outputcell(self, gid):
        gid = _gid(gid, "outputcell")
        self._call("outputcell", [gid], f"p.parallel.outputcell({gid})")

    def gid_exists(self, gid):
        gid = _gid(gid, "gid_exists")
        return self._call("gid_exists", [gid], f"p.parallel.gid_exists({gid})")

    def gid2obj(self, gid):
        gid = _gid(gid, "gid2obj")
        return self._call("gid2obj", [gid], f"p.parallel.gid2obj({gid})")

    def gid2cell(self, gid):
        gid = _gid(gid, "gid2cell")
        return self._call("gid2cell", [gid], f"p.parallel.gid2cell({gid})")

    def gid_connect(self, gid, target):
        """A NetCon from the gid's spike source to ``target`` (a point process)."""
        gid = _gid(gid, "gid_connect")
        receiver = transform_netcon(target)
        if not isinstance(receiver, PointProcess):
            # NEURON's hoc error, raised before anything is sent
            raise RuntimeError(f"p.parallel.gid_connect({gid}, {target!r}): arg 2 must be a point process")
        _rules.netcon_target(receiver, receiver._weights)
        interpreter = self._interpreter
        handle = self._session.new_handle()
        # Synchronous (the engine checks the gid); the proxy only once the NetCon exists.
        self._call("gid_connect", [gid, encode(receiver), handle], f"p.parallel.gid_connect({gid}, {target!r})")
        # the interpreter's level: Patch's NetCon for p, NEURON's for h
        cls = PatchGidNetCon if issubclass(interpreter._netcon_class, PatchLevel) else GidNetCon
        nc = cls(interpreter, handle, interpreter._next_index("NetCon"), receiver._weights)
        # Patch: the NetCon and its target keep each other alive.
        nc.__ref__(target)
        if hasattr(target, "__ref__"):
            target.__ref__(nc)
        return nc

    def gid_clear(self):
        self._queue("gid_clear", [], "p.parallel.gid_clear()")

    # spike recording
    def spike_record(self, gids=-1, time_vector=None, gid_vector=None, /):
        """Spike times and their gids into two Vectors (new ones when not given), returned;
        ``gids`` -1 records every output cell set so far."""
        interpreter = self._interpreter
        if time_vector is None:
            time_vector = interpreter.Vector()
        if gid_vector is None:
            gid_vector = interpreter.Vector()
        if isinstance(gids, numbers.Integral):
            which = int(gids)
        elif isinstance(transform(gids), Vector):
            which = [int(g) for g in transform(gids)]
        else:
            which = [_gid(g, "spike_record") for g in gids]
        self._call(
            "spike_record",
            [which, encode(transform(time_vector)), encode(transform(gid_vector))],
            f"p.parallel.spike_record({gids!r}, ...)",
        )
        if which == -1:
            self.__dict__["_warn_new_gids"] = True
        return time_vector, gid_vector

    # the parallel solve
    def set_maxstep(self, maxstep):
        return self._call("set_maxstep", [encode(maxstep)], f"p.parallel.set_maxstep({maxstep!r})")

    def psolve(self, tstop, v_init=None):
        """Integrate to the absolute time ``tstop``, initialising first if nobody did (Patch)."""
        self._queue("set_maxstep", [_PATCH_MAXSTEP], f"p.parallel.psolve({tstop!r})")
        interpreter = self._interpreter
        if not interpreter._finitialized:
            interpreter.finitialize(v_init)
        self._call("psolve", [encode(tstop)], f"p.parallel.psolve({tstop!r})")

    # threads
    def nthread(self, n=_NO_COUNT, parallel=1):
        """NEURON's ``pc.nthread``: with ``n``, steps use ``n`` threads from now on (1 by
        default; ``parallel=0``: NEURON's serial threads, one thread's work; the engine splits
        a step into at most two node ranges, so a larger ``n`` computes as two); returns the
        count as set. Results are identical whatever the count."""
        if n is _NO_COUNT:
            return self._call("nthread", [], "p.parallel.nthread()")
        call = f"p.parallel.nthread({n!r}, {parallel!r})"
        # NEURON reads both as numbers (hoc's chkarg); anything else is its hoc_execerror.
        for value in (n, parallel):
            if not isinstance(value, numbers.Real):
                raise RuntimeError(f"{call}: bad stack access: expecting double, got {value!r}")
        return self._call("nthread", [float(n), float(parallel)], call)

    # collective operations
    def barrier(self):
        return self._call("barrier", [], "p.parallel.barrier()")

    def allreduce(self, value, type):
        """Sum (1), max (2) or min (3) over the ranks: a number's, or a Vector's in place."""
        return self._call("allreduce", [encode(transform(value)), type], f"p.parallel.allreduce({value!r}, {type!r})")

    def allgather(self, value, vector):
        """``vector`` becomes every rank's ``value``, by rank."""
        self._call("allgather", [encode(value), encode(transform(vector))], f"p.parallel.allgather({value!r}, ...)")

    # NEURON's Python-object collectives. With one host NEURON pickles nothing and returns the
    # object itself; several hosts need a byte exchange in the engine, which comes with MPI.
    def py_allgather(self, obj):
        """Every rank's ``obj``, by rank."""
        return [obj]

    def py_broadcast(self, obj, root=0):
        """The root rank's ``obj``."""
        return obj

    def broadcast(self, data, root=0):
        """A Vector is filled with the root's in place and returned; any other picklable
        object is pickled, sent and returned unpickled; other simulator objects raise
        BroadcastError."""
        obj = transform(data)
        if isinstance(obj, Vector):
            self._call("broadcast", [encode(obj), root], f"p.parallel.broadcast({data!r}, {root!r})")
            return data
        if isinstance(obj, Referencing):
            # Patch sends an empty Vector first, so the other ranks do not wait forever.
            self._broadcast_nothing(root)
            raise BroadcastError(
                f"Simulator objects cannot be broadcasted ({data!r}): they need to be created on their own nodes."
            )
        return self._broadcast_pickled(data, root)

    def _broadcast_nothing(self, root):
        empty = self._interpreter.Vector()  # held until the call ran: a dropped proxy frees its handle
        self._call("broadcast", [encode(empty), root], "p.parallel.broadcast(...)")

    def _broadcast_pickled(self, data, root):
        interpreter = self._interpreter
        if self.id() == root:
            try:
                payload = interpreter.Vector(list(pickle.dumps(data)))
            except Exception as error:
                self._broadcast_nothing(root)
                raise BroadcastError(str(error)) from None
        else:
            payload = interpreter.Vector()
        self._call("broadcast", [encode(payload), root], f"p.parallel.broadcast({data!r}, {root!r})")
        try:
            return pickle.loads(bytes(int(b) for b in payload))
        except EOFError:
            raise BroadcastError("Root node did not transmit. Look for root node error.") from None


def parallel_con(interpreter, a, b, output=True, *args, **kwargs):
    """Patch's ``p.ParallelCon``: exactly one of ``a`` and ``b`` is an int gid. ``(source,
    gid)``: the gid is set on this rank and its spikes come from ``source`` (threshold from
    kwargs, default -20); ``(gid, target)``: a NetCon from the gid (delay, weight from kwargs).
    The NetCon gets ``.gid``."""
    a_int = isinstance(a, int)
    b_int = isinstance(b, int)
    if a_int == b_int:
        raise ParallelConnectError("Either the first or second argument has to be an integer GID.")
    pc = interpreter.parallel
    if b_int:
        gid = b
        # Synchronous, before the NetCon: a refused gid raises here and makes no NetCon.
        pc.set_gid2node(gid, pc.id())
        nc = interpreter.NetCon(a, None, *args, **kwargs)
        pc.cell(gid, nc)
        if output:
            pc.outputcell(gid)
        # p.NetCon set the threshold (kwargs, else -20) on the source, which the gid now names.
    else:
        gid = a
        nc = pc.gid_connect(gid, b)
        # Patch keeps NEURON's delay and weight unless given.
        if "delay" in kwargs:
            nc.delay = kwargs["delay"]
        if "weight" in kwargs:
            nc.weight[0] = kwargs["weight"]
    nc.gid = gid
    return nc
