"""The simulator's own mechanisms as a glia package named "NEURON", as nmodl-glia adds
it, so that ``glia.insert(section, "hh")`` resolves like any asset."""

from pathlib import Path

from .assets import Mod, Package


def builtin_package(taken_names):
    """Every mechanism the simulator knows except ``taken_names`` (those the glia
    packages provide, already resolvable under their own package)."""
    import patch
    from patch import is_density_mechanism, is_point_process, p

    package = Package("NEURON", Path(patch.__file__).parent, builtin=True)
    for name in dir(p):
        if name in taken_names:
            continue
        point = is_point_process(name)
        if point or is_density_mechanism(name):
            package.mods.append(Mod(None, name, builtin=True, is_point_process=point))
    return package
