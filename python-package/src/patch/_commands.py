"""The command queue between the API layer and the JVM (bridge/README.md).

Every public call either raises at its own line or cannot fail later: the API layer
queues a command only once ``_rules`` has checked what the engine would refuse (or when
the engine cannot refuse it), and sends everything else synchronously (``ask``), whose
refusal is raised by the call itself. The queue goes out as one batch when a value must
come back (``ask``), on an explicit ``flush``, when it grows past ``FLUSH_THRESHOLD``
commands, and at exit. The JVM runs every command of a batch, in order, whatever
another one did.

A queue that grows past the threshold goes out without waiting for its reply: the JVM
runs it while Python builds the next one (a model-building loop keeps both processes
busy). At most one batch is in flight; the next send of a batch, ``ask``, ``flush`` and
exit wait for it first.

Should the engine refuse a queued command all the same, Python's checks missed a rule
(a bug): the refusal is kept for the thread that queued the command and raised at that
thread's next synchronous call, as ``QueuedCommandError`` naming both calls; ``refused``
counts them for the session.
"""

import atexit
import builtins
import itertools
import json
import os
import sys
import threading
import weakref
from threading import get_ident

from . import _coalesce, _shm
from ._views import ViewCache

#: Commands queued before the queue goes out unasked (without waiting for the reply):
#: small enough that the JVM's work overlaps Python's, large enough that round trips
#: (~0.3 ms each) stay negligible.
FLUSH_THRESHOLD = 4_000
#: At most this many bytes of other Vectors ride along with one requested as numpy
#: (and at most a quarter of the free shared memory).
EXPORT_RIDE_ALONG_BYTES = 1 << 30
#: Vectors this short travel inline in the batch; longer ones as an Arrow file in shared memory.
INLINE_VECTOR_LIMIT = 4096
#: Exceptions the JVM may name that are Python built-ins; any other name is looked up in patch.exceptions.
_BUILTIN_ERRORS = frozenset(
    ["ValueError", "TypeError", "AttributeError", "NameError", "RuntimeError", "ReferenceError", "IndexError",
     "MemoryError", "KeyError", "ZeroDivisionError"]
)


#: Commands that advance the simulation (and so fill recording Vectors).
_RUN_METHODS = frozenset({"run", "continuerun", "fadvance", "psolve"})


def _runs(cmd):
    op = cmd[0]
    return (op == "sim" and cmd[1] in _RUN_METHODS) or (op == "call" and cmd[2] in _RUN_METHODS)


def H(handle):
    """A handle as a command value."""
    return {"h": handle}


def _exception_class(name):
    if name in _BUILTIN_ERRORS:
        return getattr(builtins, name)
    from . import exceptions

    cls = getattr(exceptions, name, None)
    return cls if isinstance(cls, type) and issubclass(cls, Exception) else RuntimeError


def _encode_extra(value):
    """JSON for the numpy values users pass where Python numbers are expected."""
    item = getattr(value, "item", None)
    tolist = getattr(value, "tolist", None)
    if tolist is not None and getattr(value, "ndim", 0) > 0:
        return tolist()
    if item is not None:
        return item()
    raise TypeError(f"cannot send {value!r} (a {type(value).__name__}) to the simulator")


# No check for circular references: commands are built by the API layer from plain
# values and encode()d arguments (which turns a self-containing list into a
# RecursionError before it is queued), and the check's bookkeeping for every command
# was a third of the encoding's time.
_encoder = json.JSONEncoder(allow_nan=True, default=_encode_extra, separators=(",", ":"), check_circular=False)


def describe(what):
    """The user call a command came from. ``what`` is its text, or, on hot paths where
    formatting every call would cost more than sending it, a tuple (template, *args)
    for ``template.format(*args)``: only a failure needs the text. A template is a str,
    not a function, so that a description of plain values is a tuple the garbage
    collector stops tracking (with its queue entry): a function would keep every queued
    entry tracked through every collection until the batch is sent."""
    return what if type(what) is str else what[0].format(*what[1:])


def _error(error, what):
    """The exception the JVM named for a refused command, naming the user call."""
    return _exception_class(error["type"])(f"{error['message']} (in: {describe(what)})")


class _Refusal:
    """A queued command the engine refused: kept for the thread that queued it."""

    __slots__ = ("what", "type", "message")

    def __init__(self, what, error):
        self.what = describe(what)
        self.type = error["type"]
        self.message = error["message"]

    def __str__(self):
        return f"{self.what} with {self.type}: {self.message}"


def _refused_error(refusals, call):
    """The QueuedCommandError for ``refusals`` (of one thread), raised at its synchronous ``call``."""
    from .exceptions import QueuedCommandError

    listed = "; and ".join(map(str, refusals))
    return QueuedCommandError(
        f"the engine refused {listed} (queued earlier). Raised at {describe(call)}, this thread's next "
        "synchronous call. Python should have refused it at its own line: please report this jpatch bug."
    )


class Session:
    """One JVM, its command queue and handle table. Created lazily on first use of ``p``."""

    def __init__(self, gateway):
        self._gateway = gateway
        # One list of (command, what, thread id) entries, never replaced: a flush takes
        # its entries out in place (_take_queued). A single append is atomic, so ``send``
        # and a finalizer queueing a "free" need no lock (a lock per command cost more
        # than the append) and a flush in another thread cannot lose what they append.
        self._queue = []
        self._handles = itertools.count(1)
        # handle -> weak reference to its live proxy. Plain weakrefs in a dict (a
        # WeakValueDictionary's entry costs Python-level code per object made); the
        # proxy's finalizer removes its entry (release).
        self._proxies = {}
        self._wrapper = None
        self._lock = threading.RLock()
        self._closed = False
        # Arrow files written for queued imports: removed at the flush if the JVM did not consume them.
        self._import_files = []
        self._views = ViewCache()
        # The batch sent without waiting for its reply, or None.
        self._in_flight = None
        # thread id -> refusals of queued commands that thread made, not raised yet.
        self._refusals = {}
        #: Queued commands the engine refused in this session (each a validation gap).
        self.refused = 0

    # -- handles ---------------------------------------------------------------------

    def new_handle(self):
        return next(self._handles)

    def register(self, handle, obj):
        self._proxies[handle] = weakref.ref(obj)
        if getattr(obj, "_kind", None) == "Vector":
            self._views.vector_handles.add(handle)

    def set_wrapper(self, fn):
        self._wrapper = fn

    def release(self, handle, proxy=None):
        """Called from ``proxy``'s finalizer, also during interpreter exit: never flushes, never raises."""
        ref = self._proxies.get(handle)
        if ref is not None:
            current = ref()
            # Not an entry that already names a newer proxy of the handle (see _proxy).
            if current is None or current is proxy:
                self._proxies.pop(handle, None)
        if not self._closed:
            # No thread: a free is nobody's call (a refused one is reported on stderr).
            self._queue.append((["free", handle], f"release of handle {handle}", None))
            self._views.forget(handle)

    # -- queue -----------------------------------------------------------------------

    def send(self, cmd, what):
        """Queues ``cmd`` (a list, or a tuple: hot paths send tuples of plain values,
        which the garbage collector stops tracking). Only for commands the engine cannot
        refuse once the API layer has checked them (_rules)."""
        queue = self._queue
        queue.append((cmd, what, get_ident()))
        if len(queue) >= FLUSH_THRESHOLD:
            with self._lock:
                # Another thread may have sent the queue meanwhile.
                if len(queue) >= FLUSH_THRESHOLD:
                    self._dispatch_locked()

    def ask(self, cmd, what):
        """Sends the queue and ``cmd``; returns ``cmd``'s result or raises its refusal."""
        entry = (cmd, what, get_ident())
        with self._lock:
            # Settled before queueing: a Ctrl-C while waiting for the batch in flight then
            # leaves this call's command unqueued, so it never runs after the interrupt.
            self._settle_locked()
            self._queue.append(entry)
            batch, results, own_error = self._flush_locked(entry)
        if own_error is not None:
            raise _error(own_error, what)
        self._raise_refusals(what)
        # Finalizers may have queued frees after our command: find it by identity.
        for index in range(len(batch) - 1, -1, -1):
            if batch[index] is entry:
                return results[index]
        raise AssertionError(f"the command for {describe(what)} was not in the batch")

    def flush(self):
        with self._lock:
            self._flush_locked(None)
        self._raise_refusals("flush()")

    def _raise_refusals(self, call):
        """This thread's queued commands that the engine refused, raised at its synchronous ``call``."""
        if self._refusals:
            refusals = self._refusals.pop(get_ident(), None)
            if refusals:
                raise _refused_error(refusals, call)

    def _dispatch_locked(self):
        """Sends the queue without waiting for the reply (after settling the one in flight)."""
        self._settle_locked()
        batch = self._take_queued()
        if not batch:
            return
        self._views.note_sent(entry[0] for entry in batch)
        batch, payload, merges, _ = self._encode(batch, None)
        if batch:
            self._in_flight = _InFlight(self._gateway.execute, payload, batch, merges)

    def _settle_locked(self):
        """Waits for the batch in flight and keeps its refusals for their threads."""
        in_flight = self._in_flight
        if in_flight is None:
            return
        try:
            text = in_flight.reply()
        finally:
            # A Ctrl-C while waiting leaves the batch running in the JVM: it stays in
            # flight, so the next call settles it and its refusals and handles are not lost.
            if not in_flight.running():
                self._in_flight = None
        try:
            reply, _ = self._reply(text, in_flight.batch, in_flight.merges, None)
        finally:
            self._remove_unconsumed_imports()
        for result in reply["results"]:
            if type(result) is list or type(result) is dict:  # nothing else can hold a handle
                self._decode(result)

    def _flush_locked(self, asked):
        """Sends the queue (``asked``, an entry of it, or None, waiting for the reply); returns
        the batch, its results and the refusal of ``asked`` (or None)."""
        self._settle_locked()
        batch = self._take_queued()
        if not batch:
            return batch, [], None
        self._views.note_sent(entry[0] for entry in batch)
        if self._views.vector_handles and any(_runs(entry[0]) for entry in batch):
            _shm.import_pyarrow_meanwhile()
        try:
            sent, payload, merges, own_error = self._encode(batch, asked)
            reply = {"results": []}
            if sent:
                reply, refused = self._reply(self._gateway.execute(payload), sent, merges, asked)
                own_error = own_error or refused
        finally:
            _shm.await_pyarrow_import()
            self._remove_unconsumed_imports()
        results = [self._decode(r) for r in reply["results"]]
        return sent, results, own_error

    def _reply(self, text, batch, merges, asked):
        """(the reply to ``batch`` in terms of its entries, ``asked``'s refusal or None);
        the refusals of other entries are kept for the threads that queued them."""
        reply = _coalesce.expand(json.loads(text), merges)
        errors = reply.get("errors")
        if errors is None:
            return reply, None
        if len(reply["results"]) != len(batch):
            # The JVM could not read the batch at all (a transport bug): nothing ran.
            raise _exception_class(errors[0]["type"])(f"the batch was not run: {errors[0]['message']}")
        own_error = None
        for error in errors:
            entry = batch[error["index"]]
            if entry is asked:
                own_error = error
            else:
                self._refused(entry, error)
        return reply, own_error

    def _refused(self, entry, error):
        self.refused += 1
        refusal = _Refusal(entry[1], error)
        if entry[2] is None:
            print(f"jpatch: the engine refused {refusal}", file=sys.stderr)
        else:
            self._refusals.setdefault(entry[2], []).append(refusal)

    def _take_queued(self):
        """Empties the queue in place and returns what it held. Entries appended
        meanwhile (by a thread that holds no lock) stay for the next batch."""
        queue = self._queue
        batch = queue[:]
        del queue[: len(batch)]
        return batch

    def _encode(self, batch, asked):
        """(the entries sent, their JSON, the merges made in it (_coalesce.coalesce),
        ``asked``'s refusal or None). An entry holding a value JSON cannot carry is left
        out and refused as TypeError."""
        commands, merges = _coalesce.coalesce(batch)
        try:
            return batch, _encoder.encode(commands), merges, None
        except (TypeError, ValueError):
            pass
        own_error = None
        sendable = []
        for entry in batch:
            try:
                _encoder.encode(entry[0])
            except (TypeError, ValueError) as failure:
                error = {"type": "TypeError", "message": str(failure)}
                if entry is asked:
                    own_error = error
                else:
                    self._refused(entry, error)
            else:
                sendable.append(entry)
        commands, merges = _coalesce.coalesce(sendable)
        return sendable, _encoder.encode(commands), merges, own_error

    def _decode(self, value):
        if isinstance(value, list):
            return [self._decode(v) for v in value]
        if isinstance(value, dict):
            if "h" in value:
                return self._proxy(value["h"], value.get("kind"))
            return {k: self._decode(v) for k, v in value.items()}
        return value

    def _proxy(self, handle, kind):
        ref = self._proxies.get(handle)
        proxy = None if ref is None else ref()
        if proxy is not None:
            return proxy
        if self._wrapper is None:
            return {"h": handle, "kind": kind}
        # A proxy that died while this batch ran queued a "free" that would end the
        # object the new proxy stands for: withdraw it. In place and from the end, as
        # finalizers may append to the queue meanwhile.
        queue = self._queue
        for index in range(len(queue) - 1, -1, -1):
            cmd = queue[index][0]
            if cmd[0] == "free" and cmd[1] == handle:
                del queue[index]
        proxy = self._wrapper(handle, kind)
        self._proxies[handle] = weakref.ref(proxy)
        return proxy

    # -- vectors through shared memory ----------------------------------------------

    def vector_view(self, handle):
        """A read-only numpy view of the Vector's current values (a snapshot, zero copy)."""
        return self._current_view(handle)[1]

    def vector_arrow(self, handle):
        """The Vector's current values as a pyarrow Array over shared memory (zero copy)."""
        return self._current_view(handle)[0]

    def cached_vector_view(self, handle):
        """The current view if one is at hand without a round trip, else None."""
        self._gateway.check_alive()
        with self._lock:
            if self._views.mutates(entry[0] for entry in self._queue):
                return None
            current = self._views.get(handle)
        return None if current is None else current[1]

    def _current_view(self, handle):
        self._gateway.check_alive()
        with self._lock:
            if self._views.mutates(entry[0] for entry in self._queue):
                self._flush_locked(None)
            current = self._views.get(handle)
            if current is None:
                current = self._export(handle)
        return current

    def _export(self, handle):
        """One round trip, one file: the Vector and the other stale Vectors of its length
        (after a run, typically every recorded trace)."""
        riders = [h for h in self._views.stale_vectors() if h != handle]
        # The file stays in shared memory while any of its views lives: riders may take a
        # quarter of the room left there, so a small /dev/shm does not refuse the Vector asked for.
        budget = min(EXPORT_RIDE_ALONG_BYTES, _shm.free_bytes(self._gateway.shm_dir) // 4)
        exported = self.ask(["export", [handle, *riders], budget], f"Vector (handle {handle}) as numpy")
        columns = _shm.map_columns(exported["path"], exported["bytes"])
        for h, array in zip(exported["handles"], columns):
            view = array.to_numpy(zero_copy_only=True)
            view.flags.writeable = False
            if h == handle or h in self._views.vector_handles:
                self._views.put(h, array, view)
        return self._views.get(handle)

    def vector_load(self, handle, values):
        """Replaces the Vector's values, queued in order with the other commands; long
        inputs go through a shared-memory Arrow file instead of the batch text."""
        import numpy as np

        array = np.asarray(values, dtype=np.float64).reshape(-1)
        what = f"load {array.size} values into Vector (handle {handle})"
        if array.size <= INLINE_VECTOR_LIMIT:
            self.send(["call", handle, "from_list", [array.tolist()]], what)
            return
        path = _shm.write_column(self._gateway.shm_dir, array)
        self._import_files.append(path)
        self.send(["call", handle, "import", [path]], what)

    def _remove_unconsumed_imports(self):
        if not self._import_files:
            return
        # Commands are lists or tuples: compare items, not sequences.
        queued = {cmd[3][0] for cmd, _, _ in self._queue if len(cmd) > 3 and cmd[0] == "call" and cmd[2] == "import"}
        keep = []
        for path in self._import_files:
            if path in queued:
                keep.append(path)
            elif os.path.exists(path):
                os.unlink(path)
        self._import_files = keep

    # -- lifetime --------------------------------------------------------------------

    @property
    def shm_dir(self):
        return self._gateway.shm_dir

    def alive(self):
        return not self._closed and self._gateway.alive()

    def close(self):
        """Sends what is queued, then ends the JVM. Errors at this point can only be reported."""
        if self._closed:
            return
        try:
            if self._gateway.alive():
                with self._lock:
                    self._flush_locked(None)
        except Exception as error:
            print(f"jpatch: the queued commands could not be sent at exit: {error}", file=sys.stderr)
        finally:
            self._closed = True
            del self._queue[:]
            self._gateway.close()
        for refusals in self._refusals.values():
            for refusal in refusals:
                print(f"jpatch: the engine refused {refusal}", file=sys.stderr)


class _InFlight:
    """One batch executing in its own thread: Py4J's socket wait releases the GIL, so
    Python goes on queueing while the JVM works."""

    def __init__(self, execute, payload, batch, merges):
        self.batch = batch
        self.merges = merges
        self._reply = None
        self._failure = None
        # Waited on instead of Thread.join: CPython 3.11's join, interrupted by Ctrl-C,
        # marks a thread that is still running as stopped (bpo-45274's fix).
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(execute, payload), name="jpatch-batch", daemon=True)
        self._thread.start()

    def _run(self, execute, payload):
        try:
            self._reply = execute(payload)
        except BaseException as failure:  # re-raised in the thread that settles the batch
            self._failure = failure
        finally:
            self._done.set()

    def running(self):
        return not self._done.is_set()

    def reply(self):
        self._done.wait()
        if self._failure is not None:
            raise self._failure
        return self._reply


_session = None
_session_lock = threading.Lock()


def session():
    """The process-wide session; starts the JVM on the first call."""
    global _session
    current = _session
    if current is not None:
        return current
    with _session_lock:
        if _session is None:
            from ._gateway import Gateway

            _session = Session(Gateway())
            atexit.register(_session.close)
        return _session


def _forget_session_in_child():
    """A forked child must not share its parent's connection or JVM; it starts its own."""
    global _session
    if _session is not None:
        _session._gateway.abandon_after_fork()
        _session._closed = True
        _session = None


os.register_at_fork(after_in_child=_forget_session_in_child)
