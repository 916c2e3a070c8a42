"""What the engine's mechanisms are called and which variables they carry.

The API layer decides locally, without a round trip, whether ``sec.gnabar_hh = 0.2``
is a simulator variable (queued for the JVM) or an ordinary Python attribute, and
whether ``p.ExpSyn`` is a point-process factory. It learns the names once per session.
"""

_ION_SUFFIX = "_ion"
# Python names of NMODL variables that are Python keywords, as NEURON renames them.
_PYTHON_NAMES = {"del": "delay"}


class MechanismInfo:
    """One mechanism type as ``mechanism_info`` describes it (bridge/README.md)."""

    __slots__ = ("name", "kind", "variables", "ions", "pointers", "_range_names", "scalars", "arrays", "weights")

    def __init__(self, info):
        self.name = info["name"]
        self.kind = info["kind"]
        # Unsuffixed name (gnabar, ena, amp) → name on a section or segment (gnabar_hh, ena).
        self._range_names = {v["name"]: v["range_name"] for v in info["variables"]}
        self.variables = tuple(self._range_names)
        self.ions = tuple(info.get("ions", ()))
        # POINTER variables: set by p.setpointer, then read and written through their target.
        self.pointers = frozenset(info.get("pointers", ()))
        # A NetCon to it has this many weights; None: it has no NET_RECEIVE (no NetCon target).
        self.weights = info.get("net_receive_weights")
        # For point processes: Python name → engine name of every scalar variable, and
        # the array variables (VClamp's dur[0..2]) by name and length. Worked out once
        # per type, as every instance of it needs them.
        self.scalars, self.arrays = {}, {}
        for var in self.variables:
            name, bracket, element = var.partition("[")
            if bracket:
                self.arrays[name] = max(self.arrays.get(name, 0), int(element.rstrip("]")) + 1)
            else:
                self.scalars[_PYTHON_NAMES.get(var, var)] = var

    def range_name(self, var):
        return self._range_names[var]


class Catalogue:
    """The session's mechanism types; each type's variables are fetched on first use."""

    def __init__(self, session):
        self._session = session
        self._info = {}
        self._after_insert = {}
        self.refresh()

    def refresh(self):
        """Learn the type names again (after NMODL files were loaded)."""
        listing = self._session.ask(["sim", "mechanism_names", []], "list the mechanism types")
        self.density = frozenset(listing["density"])
        self.point = frozenset(listing["point"])
        self.ions = frozenset(listing["ions"])
        #: The engine's largest nseg (_rules.nseg).
        self.max_nseg = listing["max_nseg"]

    def after_insert(self, range_variables, mechanism):
        """The range-variable names a section has once ``mechanism`` (and the ions it
        uses) is inserted, given those it had. Memoised: building sections is hot."""
        key = (range_variables, mechanism)
        result = self._after_insert.get(key)
        if result is None:
            info = self.info(mechanism)
            names = {info.range_name(v) for v in info.variables}
            for ion in info.ions:
                ion_info = self.info(ion + _ION_SUFFIX)
                names.update(ion_info.range_name(v) for v in ion_info.variables)
            result = self._after_insert[key] = range_variables | names
        return result

    def after_uninsert(self, range_variables, mechanism):
        """The names left once ``mechanism`` is removed (its ions stay, as in NEURON)."""
        info = self.info(mechanism)
        return range_variables - {info.range_name(v) for v in info.variables}

    def inserted_ions(self, mechanisms):
        """The ion mechanisms (na_ion…) that inserting ``mechanisms`` brings along."""
        return {ion + _ION_SUFFIX for m in mechanisms for ion in self.info(m).ions}

    def info(self, mechanism):
        info = self._info.get(mechanism)
        if info is None:
            raw = self._session.ask(
                ["sim", "mechanism_info", [mechanism]], f"describe mechanism {mechanism!r}"
            )
            info = self._info[mechanism] = MechanismInfo(raw)
        return info
