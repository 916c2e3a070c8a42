"""The process-wide glia state behind the module functions: the discovered packages, the
resolver with its preferences, and the library loaded into the simulator on first use."""

from ._builtins import builtin_package
from ._discovery import discover_packages
from ._library import Library
from .exceptions import LibraryError, PackageError
from .mech_accessor import MechAccessor
from .resolution import Resolver


class Glia:
    def __init__(self):
        self._packages = None
        self._resolver = None
        self._library = None

    @property
    def packages(self):
        if self._packages is None:
            self._packages = discover_packages()
        return self._packages

    @property
    def resolver(self):
        if self._resolver is None:
            self._resolver = Resolver(self.packages)
        return self._resolver

    def package(self, name):
        for package in self.packages:
            if package.name == name:
                return package
        raise PackageError(f"Package '{name}' not found.")

    def load_library(self):
        """Compile and load the packages' mechanisms once; files that fail are warned
        about here and raise CompileError when their asset is used."""
        if self._library is None:
            self._load()
            self._library.warn_failures()

    def compile(self):
        """Load the library and raise CompileError listing every file that failed."""
        if self._library is None:
            self._load()
        self._library.raise_failures()

    def _load(self):
        library = Library()
        library.load(self.packages)
        self._library = library
        provided = {mod.mod_name for package in self.packages for mod in package.mods}
        self._packages = [*self.packages, builtin_package(provided)]
        self.resolver.index_packages(self._packages)

    def resolve(self, asset, pkg=None, variant=None):
        self.load_library()
        return self.resolver.resolve(asset, pkg=pkg, variant=variant)

    def select(self, asset, pkg=None, variant=None):
        self.resolver.set_preference(asset, pkg=pkg, variant=variant)

    def context(self, assets=None, pkg=None, variant=None):
        return self.resolver.preference_context(assets=assets, pkg=pkg, variant=variant)

    def _resolve_mod(self, asset, pkg, variant):
        self.load_library()
        if isinstance(asset, str) and asset.startswith("glia__"):
            name = asset
        else:
            name = self.resolver.resolve(asset, pkg=pkg, variant=variant)
        mod = self.resolver.lookup(name)
        self._library.check(mod)
        return mod

    def insert(self, section, asset, variant=None, pkg=None, attributes=None, x=None):
        from patch import is_density_mechanism, is_point_process, p

        mod = self._resolve_mod(asset, pkg, variant)
        if mod.is_point_process:
            if is_density_mechanism(mod.mod_name):
                raise LibraryError(
                    f"'{mod.mod_name}' is marked as a point process, but isn't a point "
                    "process in the simulator"
                )
            if not is_point_process(mod.mod_name):
                raise LibraryError(f"'{mod.mod_name}' point process not found")
            factory = getattr(p, mod.mod_name)
            accessor = MechAccessor(section, mod, factory(section(0.5 if x is None else x)))
        else:
            try:
                section.insert(mod.mod_name)
            except ValueError as error:
                if "not a density mechanism name" in str(error):
                    raise LibraryError(f"'{mod.mod_name}' mechanism not found") from None
                raise
            accessor = MechAccessor(section, mod)
        if attributes:
            accessor.set(attributes)
        return accessor
