"""nmodl-glia's exception tree, same names and same parents, so ``except`` clauses of
glia users keep catching what they caught."""


class GliaError(Exception):
    pass


class CompileError(GliaError):
    pass


class LibraryError(GliaError):
    pass


class NeuronError(GliaError):
    pass


class ResolveError(GliaError):
    pass


class TooManyMatchesError(ResolveError):
    """The candidates are kept as attributes, as nmodl-glia's ``errr`` exception does."""

    def __init__(self, message, matches, asset, pkg, variant):
        super().__init__(message)
        self.matches = matches
        self.asset = asset
        self.pkg = pkg
        self.variant = variant


class NoMatchesError(ResolveError):
    def __init__(self, message, pkg, variant):
        super().__init__(message)
        self.pkg = pkg
        self.variant = variant


class UnknownAssetError(ResolveError):
    pass


class AssetLookupError(ResolveError):
    pass


class PackageError(GliaError):
    pass


class PackageApiError(PackageError):
    pass


class PackageFileError(PackageError):
    pass


class PackageModError(PackageError):
    pass


class PackageProjectError(PackageError):
    pass


class PackageVersionError(PackageError):
    pass


class CatalogueError(GliaError):
    pass


class BuildCatalogueError(CatalogueError):
    pass


class NmodlError(GliaError):
    pass


class ModSourceError(NmodlError):
    pass
