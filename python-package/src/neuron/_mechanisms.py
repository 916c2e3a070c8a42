"""``h.hh``, ``h.pas``…: NEURON 9's density mechanism objects, which ``sec.insert`` takes and which
insert themselves into many sections at once."""


class DensityMechanism:
    """A density mechanism type by name: ``sec.insert(h.hh)``, ``h.hh.insert(sections)``."""

    __module__ = "neuron"

    def __init__(self, name):
        self._name = name

    @property
    def mechanism_name(self):
        return self._name

    def insert(self, sections):
        """Inserts the mechanism into a section, or into each section of a SectionList or iterable."""
        for section in _sections(sections):
            section.insert(self._name)
        return self

    def uninsert(self, sections):
        for section in _sections(sections):
            section.uninsert(self._name)
        return self

    def __repr__(self):
        return f"neuron.DensityMechanism({self._name!r})"

    __str__ = __repr__

    def __eq__(self, other):
        return type(other) is DensityMechanism and other._name == self._name

    def __hash__(self):
        return hash(self._name)


def _sections(sections):
    from patch.section import Section

    return [sections] if isinstance(sections, Section) else list(sections)
