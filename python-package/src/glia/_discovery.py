"""Finding the installed glia packages: every distribution that declares a
``glia.package`` entry point pointing at a ``glia.Package`` object."""

import importlib.metadata
import warnings

from .assets import Package

ENTRY_POINT_GROUP = "glia.package"


def _entry_points():
    found = importlib.metadata.entry_points()
    if hasattr(found, "select"):
        return found.select(group=ENTRY_POINT_GROUP)
    # Python 3.9's entry_points() is a dict of groups.
    return found.get(ENTRY_POINT_GROUP, ())


def discover_packages():
    """The packages of all entry points; one that cannot be loaded is skipped with a
    warning (as nmodl-glia does), so a broken package does not hide the others."""
    packages = []
    for entry_point in _entry_points():
        try:
            package = entry_point.load()
        except Exception as error:
            warnings.warn(
                f"Could not load glia package '{entry_point.name}' ({entry_point.value}): "
                f"{type(error).__name__}: {error}",
                stacklevel=3,
            )
            continue
        if not isinstance(package, Package):
            warnings.warn(
                f"glia package entry point '{entry_point.name}' ({entry_point.value}) is "
                f"not a glia.Package but {package!r}; skipped",
                stacklevel=3,
            )
            continue
        packages.append(package)
    return packages
