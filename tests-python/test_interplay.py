"""The parts of Patch's tests/test_interplay.py that do not need NEURON itself."""

import patch.objects


def test_sections_connect_to_sections_and_their_segments(p):
    s = p.Section()
    s2 = p.Section()
    s.connect(s2)
    assert s.parent is s2
    s3 = p.Section()
    s3.connect(s2(0.5))
    assert s3.parent is s2
    assert s3.parentseg() == s2(0.5)


def test_sections_connect_to_duck_typed_sections(p):
    s = p.Section()

    class Wrapper:
        def __neuron__(self):
            return s

    child = p.Section()
    child.connect(Wrapper())
    assert child.parent is s
    assert type(child.parent) is patch.objects.Section
