"""What a glia package declares: a ``Package`` (name, root folder) holding ``Mod`` entries
(a .mod file, its asset name and variant). Asset packages such as dbbs-catalogue build
these objects at import, so the constructors take nmodl-glia's arguments."""

from pathlib import Path

from .exceptions import PackageFileError


def mod_name(pkg, asset, variant):
    """The name a package's mechanism has in the simulator (its SUFFIX / POINT_PROCESS)."""
    return f"glia__{pkg}__{asset}__{variant}"


class _ModList(list):
    """The mods of one package: every mod added learns which package it belongs to,
    since its simulator name and file path depend on the package."""

    def __init__(self, package, mods):
        super().__init__(self._adopt(package, mod) for mod in mods)
        self._package = package

    @staticmethod
    def _adopt(package, mod):
        if not isinstance(mod, Mod):
            raise PackageFileError(f"Package mod '{mod}' is not a valid `glia.Mod`.")
        mod.set_package(package)
        return mod

    def __setitem__(self, key, mod):
        super().__setitem__(key, self._adopt(self._package, mod))

    def append(self, mod):
        super().append(self._adopt(self._package, mod))

    def extend(self, mods):
        super().extend(self._adopt(self._package, mod) for mod in mods)


class Package:
    def __init__(self, name, root, *, mods=None, builtin=False):
        self._name = name
        self._root = Path(root)
        self.mods = _ModList(self, [] if mods is None else mods)
        # The simulator's own mechanisms (hh, pas, ExpSyn…) form a package too, so that
        # glia.insert(section, "hh") resolves; they have no file to compile.
        self.builtin = builtin

    @property
    def name(self):
        return self._name

    @property
    def root(self):
        return self._root

    def get_mods(self, dialect=None):
        """The mods for ``dialect``: dialect-free ones, replaced by the dialect's own
        where both exist under the same simulator name."""
        mods = {mod.mod_name: mod for mod in self.mods if mod.dialect is None}
        if dialect:
            mods.update((mod.mod_name, mod) for mod in self.mods if mod.dialect == dialect)
        return list(mods.values())

    def __repr__(self):
        return f"<glia.Package {self._name!r} at '{self._root}'>"


class Mod:
    def __init__(
        self,
        relpath,
        asset_name,
        *,
        variant="0",
        is_point_process=False,
        is_artificial_cell=False,
        dialect=None,
        builtin=False,
    ):
        self._pkg = None
        self.relpath = relpath
        self.asset_name = asset_name
        self.variant = variant
        self.is_point_process = is_point_process
        self.is_artificial_cell = is_artificial_cell
        self.dialect = dialect
        self.builtin = builtin

    def set_package(self, package):
        self._pkg = package

    @property
    def pkg(self):
        return self._pkg

    @property
    def pkg_name(self):
        return self._pkg.name

    @property
    def mod_name(self):
        if self.builtin:
            return self.asset_name
        return mod_name(self.pkg_name, self.asset_name, self.variant)

    @property
    def path(self):
        return self.pkg.root / self.relpath

    def __repr__(self):
        return f"<glia.Mod {self.mod_name}>"
