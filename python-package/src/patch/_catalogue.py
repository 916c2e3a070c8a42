"""What the engine's mechanisms are called and which variables they carry.

The API layer decides locally, without a round trip, whether ``sec.gnabar_hh = 0.2``
is a simulator variable (queued for the JVM) or an ordinary Python attribute, and
whether ``p.ExpSyn`` is a point-process factory. It learns the names once per session.
"""

_ION_SUFFIX = "_ion"


def _names(entries):
    """Names from a list of strings or of ``{"name": ...}`` dicts."""
    return [e["name"] if isinstance(e, dict) else e for e in entries or ()]


def _unsuffixed(name, mechanism):
    suffix = "_" + mechanism
    return name[: -len(suffix)] if name.endswith(suffix) else name


class MechanismInfo:
    """One mechanism type: its kind and its variables, as the bridge describes them."""

    __slots__ = ("name", "kind", "variables", "globals", "ions")

    def __init__(self, name, kind, info):
        self.name = name
        self.kind = kind
        variables = []
        for key in ("range", "parameters", "assigned", "states"):
            for var in _names(info.get(key)):
                var = _unsuffixed(var, name)
                if var not in variables:
                    variables.append(var)
        # Unsuffixed names: ``gnabar`` for hh, ``ena`` for na_ion, ``amp`` for IClamp.
        self.variables = tuple(variables)
        self.globals = tuple(_names(info.get("globals")))
        self.ions = tuple(
            i.get("ion", i.get("name")) if isinstance(i, dict) else i
            for i in info.get("ions") or ()
        )

    def range_name(self, var):
        """NEURON's section/segment name of a density variable (``gnabar`` → ``gnabar_hh``)."""
        if self.name.endswith(_ION_SUFFIX):
            return var
        return f"{var}_{self.name}"


class Catalogue:
    """The session's mechanism types; each type's variables are fetched on first use."""

    def __init__(self, session):
        listing = session.ask(["sim", "mechanism_names", []], "list the mechanism types")
        self._session = session
        self._info = {}
        self.density = frozenset(listing.get("density", ()))
        self.point = frozenset(listing.get("point", ())) | frozenset(
            listing.get("artificial", ())
        )
        self.ions = frozenset(listing.get("ion", ())) | frozenset(
            name for name in self.density if name.endswith(_ION_SUFFIX)
        )
        self._after_insert = {}

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

    def info(self, mechanism):
        info = self._info.get(mechanism)
        if info is None:
            raw = self._session.ask(
                ["sim", "mechanism_info", [mechanism]], f"describe mechanism {mechanism!r}"
            )
            kind = "point" if mechanism in self.point else "density"
            if mechanism.endswith(_ION_SUFFIX):
                kind = "ion"
            info = self._info[mechanism] = MechanismInfo(mechanism, raw.get("kind", kind), raw)
        return info
