"""Duck typing through Patch's magic methods, and the ``is_*`` predicates."""

from .exceptions import NotConnectableError


def transform(obj):
    """The simulator object behind ``obj`` (its ``__neuron__()``), else ``obj`` itself."""
    neuron = getattr(obj, "__neuron__", None)
    return obj if neuron is None else neuron()


def transform_netcon(obj):
    """What a NetCon should watch or target for ``obj`` (its ``__netcon__()``)."""
    netcon = getattr(obj, "__netcon__", None)
    return transform(obj) if netcon is None else netcon()


def transform_record(obj):
    """What a Vector should record for ``obj`` (its ``__record__()``)."""
    record = getattr(obj, "__record__", None)
    return transform(obj) if record is None else record()


def transform_arc(obj, *args, **kwargs):
    """The object at ``obj``'s default arc position (``obj(obj.__arc__())``), transformed."""
    arc = getattr(obj, "__arc__", None)
    if arc is None:
        return transform(obj)
    return transform(obj(arc(*args, **kwargs)))


def is_sequence(obj):
    cls = type(obj)
    return hasattr(cls, "__len__") and hasattr(cls, "__getitem__")


def assert_connectable(obj, label=None):
    if not hasattr(obj, "_connections"):
        raise NotConnectableError(
            f"{label if label is not None else obj} is not connectable: it lacks the "
            "`_connections` attribute required to form NetCons."
        )


def is_section(obj):
    from .section import Section

    return isinstance(transform(obj), Section)


def is_segment(obj):
    from .segment import Segment

    return isinstance(transform(obj), Segment)


def is_nrn_scalar(obj):
    from .pointer import Pointer

    return isinstance(transform(obj), Pointer)


def _catalogue():
    from . import _get_interpreter

    return _get_interpreter()._catalogue


def is_point_process(obj):
    """Whether ``obj`` is a point process, its type's factory (``h.IClamp``) or the name of its
    type; as in Patch, artificial cells (NetStim, VecStim, IntFire…) are not: they have no
    location (no get_loc)."""
    from .point_process import PointProcess

    catalogue = _catalogue()
    if isinstance(obj, str):
        name = obj
    elif isinstance(obj, type):
        return False
    else:
        obj = transform(obj)
        name = obj._mechanism if isinstance(obj, PointProcess) else getattr(obj, "_point_process_type", None)
    return name in catalogue.point and catalogue.info(name).kind != "artificial"


def is_density_mechanism(obj):
    """Whether ``obj`` is a density mechanism (``seg.hh``, ``h.hh``) or its name."""
    from neuron._mechanisms import DensityMechanism

    from .segment import Mechanism

    if isinstance(obj, str):
        catalogue = _catalogue()
        # as Patch, which asks NEURON's h: capacitance is no mechanism object there
        return (obj in catalogue.density and obj != "capacitance") or obj in catalogue.ions
    return not isinstance(obj, type) and isinstance(transform(obj), (Mechanism, DensityMechanism))
