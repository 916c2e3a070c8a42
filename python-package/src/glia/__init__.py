"""glia for jpatch: nmodl-glia's asset manager API on the in-process NMODL compiler.

Packages that declare a ``glia.package`` entry point (dbbs-catalogue…) are found at first
use; their NEURON-dialect .mod files are compiled to JVM code by ``p.load_mechanisms``
(no nrnivmodl, no C compiler) and their assets resolve to the simulator names
``glia__{pkg}__{asset}__{variant}``::

    import glia
    from patch import p

    soma = p.Section()
    glia.insert(soma, "Kv1_1")
    synapse = glia.insert(soma, "GABA", variant="biexp", x=0.5)

Not offered: Arbor catalogues (``glia.catalogue``), the ``glia`` command line and its
global preferences, and nmodl-glia's MPI coordination of compilation.
"""

from ._manager import Glia
from .assets import Mod, Package
from .exceptions import (
    AssetLookupError,
    BuildCatalogueError,
    CatalogueError,
    CompileError,
    GliaError,
    LibraryError,
    ModSourceError,
    NeuronError,
    NmodlError,
    NoMatchesError,
    PackageApiError,
    PackageError,
    PackageFileError,
    PackageModError,
    PackageProjectError,
    PackageVersionError,
    ResolveError,
    TooManyMatchesError,
    UnknownAssetError,
)
from .mech_accessor import MechAccessor

_manager = Glia()


def insert(section, asset, variant=None, pkg=None, attributes=None, x=None):
    """Insert the mechanism or point process ``asset`` into ``section`` (a point process
    at ``x``, default 0.5) and set ``attributes`` on it; returns a MechAccessor.
    ``asset`` is resolved with the preferences unless it is a full ``glia__`` name.
    (nmodl-glia takes ``variant`` and ``pkg`` by position only; here they may also be
    given by keyword.)

    :raises: UnknownAssetError, NoMatchesError or TooManyMatchesError if the selection
        does not resolve to one mod; CompileError if its file could not be compiled;
        LibraryError if the simulator does not have it as the package declared it.
    """
    return _manager.insert(section, asset, variant, pkg, attributes, x)


def resolve(asset, pkg=None, variant=None):
    """The simulator name of the selected asset, applying all preferences."""
    return _manager.resolve(asset, pkg=pkg, variant=variant)


def select(asset, pkg=None, variant=None):
    """Prefer ``pkg`` and/or ``variant`` for ``asset`` for the rest of the script."""
    return _manager.select(asset, pkg=pkg, variant=variant)


def context(assets=None, pkg=None, variant=None):
    """A context manager applying preferences inside a ``with`` block: ``assets`` maps
    asset names to ``{"package": ..., "variant": ...}``; ``pkg``/``variant`` apply to
    every asset."""
    return _manager.context(assets=assets, pkg=pkg, variant=variant)


def compile():
    """Compile and load every package's mechanisms; CompileError lists the files the
    translator refused (the others are loaded)."""
    return _manager.compile()


def load_library():
    """Compile and load the packages' mechanisms if not done yet (warns about files
    that could not be compiled)."""
    return _manager.load_library()


def package(name):
    """The installed glia package called ``name``."""
    return _manager.package(name)


def get_packages():
    """All installed glia packages."""
    return [*_manager.packages]


__all__ = [
    "AssetLookupError",
    "BuildCatalogueError",
    "CatalogueError",
    "CompileError",
    "GliaError",
    "LibraryError",
    "MechAccessor",
    "ModSourceError",
    "Mod",
    "NeuronError",
    "NmodlError",
    "NoMatchesError",
    "Package",
    "PackageApiError",
    "PackageError",
    "PackageFileError",
    "PackageModError",
    "PackageProjectError",
    "PackageVersionError",
    "ResolveError",
    "TooManyMatchesError",
    "UnknownAssetError",
    "compile",
    "context",
    "get_packages",
    "insert",
    "load_library",
    "package",
    "resolve",
    "select",
]
