"""What ``glia.insert`` returns: a handle on the inserted asset that sets, reads and
records its parameters by their short names, and stands in for the point process in
Patch calls (``p.NetCon(stim, accessor)``, ``p.record(accessor)``)."""

import weakref


class MechAccessor:
    def __init__(self, section, mod, point_process=None):
        self._section_name = section.hname()
        # A weak reference: keeping the accessor must not keep a deleted section alive.
        self._section = weakref.proxy(section)
        self._mod = mod
        self._pp = point_process
        self._references = []

    def __neuron__(self):
        if self._pp is None:
            raise TypeError(
                "Density mechanisms can't be retrieved as a standalone Patch/NEURON entity."
            )
        return self._pp

    # Patch's reference protocol: objects connected to this one are kept alive with it.
    def __ref__(self, other):
        self._references.append(other)

    def __deref__(self, other):
        self._references.remove(other)

    @property
    def _connections(self):
        if self._pp is None:
            raise TypeError("Can't connect Patch/NEURON entities to a density mechanism.")
        return self._pp._connections

    def stimulate(self, *args, **kwargs):
        if self._pp is None:
            raise TypeError("Can't stimulate a DensityMechanism.")
        return self._pp.stimulate(*args, **kwargs)

    def record(self, param=None, x=0.5):
        """A Vector recording ``param`` at ``x`` (density mechanism) or the point
        process's default (its current)."""
        from patch import p

        if param is not None and self._pp is None:
            return p.record(getattr(self._alive_section()(x), f"_ref_{param}_{self._mod.mod_name}"))
        return p.record(self)

    def __record__(self):
        if self._pp is None:
            raise TypeError(
                "No default record for DensityMechanisms, use .record('param') instead."
            )
        return self._pp.__record__()

    def set(self, attribute_or_dict, value=None, /, x=None):
        """``set({"gbar": 0.01, ...})`` or ``set("gbar", 0.01)``, on the whole section
        or at ``x``."""
        if value is None:
            for name, item in attribute_or_dict.items():
                self.set_parameter(name, item, x)
        else:
            self.set_parameter(attribute_or_dict, value, x)

    def set_parameter(self, param, value, x=None):
        if self._pp is not None:
            if not hasattr(self._pp, param):
                raise AttributeError(
                    f"Point process {self._mod.mod_name} has no parameter '{param}'"
                )
            setattr(self._pp, param, value)
            return
        section = self._alive_section()
        if x is None:
            setattr(section, f"{param}_{self._mod.mod_name}", value)
        else:
            setattr(getattr(section(x), self._mod.mod_name), param, value)

    def get_parameter(self, param, x=None):
        if self._pp is not None:
            return getattr(self._pp, param)
        section = self._alive_section()
        try:
            if x is None:
                return getattr(section, f"{param}_{self._mod.mod_name}")
            return getattr(getattr(section(x), self._mod.mod_name), param)
        except AttributeError:
            raise AttributeError(
                f"Parameter '{param}' does not exist on {self._mod.asset_name}"
            ) from None

    def _alive_section(self):
        try:
            # Touching the proxy raises ReferenceError once the section is collected.
            self._section.hname()
        except ReferenceError:
            raise ReferenceError(
                f"Trying to access section '{self._section_name}' that has since been "
                "garbage collected"
            ) from None
        return self._section
