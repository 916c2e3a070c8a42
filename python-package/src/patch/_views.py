"""Which numpy views of Vectors are still current (bridge/README.md, "Vector views").

A view is a snapshot of a Vector's values in a mapped Arrow file. It stays the answer to
``as_numpy()`` until a command that may change the Vector is sent; then the next request
exports the values again. Arrays already handed out never change (a snapshot, unlike
NEURON's live view): they keep their mapping alive by themselves.

What invalidates, decided from the commands alone:
- a ``call``/``hcall`` of a Vector method that may change it (the registry's schema marks
  the others read-only), or an ``hseti`` of its elements: that Vector's view, and every view
  when a Vector is among the arguments (NEURON's ``src.sortindex(dest)`` fills dest);
- every ``sim`` op (a run records, ``finitialize`` clears) and every ``call``/``hcall`` on
  an object of another kind (a NetCon's or ParallelContext's may fill Vectors): all views;
- ``free`` of a Vector: its view (the handle is never used again).
Construction, attributes, reads and frees of other objects change no Vector's values.
"""

#: The Vector transport's reads (bridge VectorCommands); its NEURON methods come from the schema.
_TRANSPORT_READS = frozenset({"to_list", "export"})
#: Ops that never change a Vector's values ("free" is handled apart: it ends a handle).
_HARMLESS_OPS = frozenset(
    {"new", "hnew", "set", "get", "hget", "hgeti", "hlen", "sset", "ssetbits", "sget", "gset", "gget", "export", "schema"}
)
_METHOD_CALLS = frozenset({"call", "hcall"})


class ViewCache:
    def __init__(self):
        # handle -> (pyarrow Array, read-only numpy view) of its current values
        self._current = {}
        # Handles of live Vector proxies: the candidates that ride along with an export.
        self.vector_handles = set()
        # Vector methods that leave it unchanged: the transport's, then the schema's (learn_queries).
        self.read_only_methods = _TRANSPORT_READS
        self.queries_known = False

    def learn_queries(self, names):
        """The read-only Vector methods of the engine's registry (its schema)."""
        self.read_only_methods = _TRANSPORT_READS | frozenset(names)
        self.queries_known = True

    def get(self, handle):
        return self._current.get(handle)

    def put(self, handle, array, view):
        self._current[handle] = (array, view)

    def forget(self, handle):
        """The handle is gone (its proxy died)."""
        self._current.pop(handle, None)
        self.vector_handles.discard(handle)

    def stale_vectors(self):
        """Live Vector handles without a current view."""
        current = self._current
        return [h for h in list(self.vector_handles) if h not in current]

    def mutates(self, commands):
        """True if some command may change the values behind a current view."""
        current = self._current
        if not current:
            return False
        for cmd in commands:
            stale = self._invalidated_by(cmd)
            if stale is _ALL or stale in current:
                return True
        return False

    def note_sent(self, commands):
        """Drops the views these commands may make stale; called before they run."""
        if not self._current:
            return
        for cmd in commands:
            stale = self._invalidated_by(cmd)
            if stale is _ALL:
                self._current.clear()
                return
            if stale is not None:
                self._current.pop(stale, None)

    def _invalidated_by(self, cmd):
        """None, a handle whose view it may change, or _ALL."""
        op = cmd[0]
        if op in _HARMLESS_OPS or op == "free":
            return None
        if op in _METHOD_CALLS or op == "hseti":
            target = cmd[1]
            if type(target) is dict:
                target = target.get("h")
            if target in self.vector_handles:
                if op == "hseti":
                    return target
                if cmd[2] in self.read_only_methods:
                    return None
                args = cmd[3] if len(cmd) > 3 else ()
                return _ALL if any(type(a) is dict and "h" in a for a in args or ()) else target
        return _ALL


_ALL = object()
