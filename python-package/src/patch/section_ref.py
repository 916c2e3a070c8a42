"""SectionRef: NEURON's handle on a section's neighbourhood in the tree."""

from .objects import Referencing


class SectionRef(Referencing):
    def __init__(self, section):
        self.__dict__["sec"] = section
        self.__ref__(section)

    @property
    def section(self):
        return self.sec

    @property
    def child(self):
        return self.sec.children()

    def nchild(self):
        return len(self.sec.children())

    def has_parent(self):
        return self.sec.parent is not None

    @property
    def parent(self):
        parent = self.sec.parent
        if parent is None:
            raise RuntimeError(f"SectionRef.parent: {self.sec.name()} has no parent")
        return parent

    @property
    def root(self):
        return self.sec.root()

    def is_cas(self):
        return self.sec._interpreter.cas() == self.sec

    def __repr__(self):
        return f"<patch.objects.SectionRef to {self.sec.name()}>"
