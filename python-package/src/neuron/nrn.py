"""``neuron.nrn``: the types of sections and segments, for scripts that test ``isinstance``."""

from patch.section import Section
from patch.segment import Segment

__all__ = ["Section", "Segment"]
