"""The behaviours Patch's tests/test_referencing.py asserts: objects that depend on each
other keep each other alive."""

import gc
import weakref


def test_ref_and_deref(p):
    s = p.Section()
    s2 = p.Section()
    s.__ref__(s2)
    s.__ref__(s2)
    assert s2 in s._references
    assert len(s._references) == 1, "referencing twice must store once"
    assert s.__deref__(s2)
    assert not s.__deref__(s2)


def test_a_connected_child_outlives_its_python_name(p):
    s3 = p.Section()

    def patched_closure():
        s4 = p.Section()
        s4.connect(s3)

    patched_closure()
    gc.collect()
    assert len(s3.children()) == 1


def test_a_point_process_is_kept_by_its_section(p):
    s = p.Section()
    pp = weakref.ref(p.IClamp(sec=s))
    gc.collect()
    assert pp() is not None
    assert len(s.point_processes()) == 1


def test_dropped_sections_are_freed_in_the_engine(p):
    gc.collect()  # earlier tests' garbage would otherwise be freed mid-test
    before = len(p.allsec())

    def make():
        p.Section()

    make()
    gc.collect()
    assert len(p.allsec()) == before


def test_a_vector_keeps_what_it_records(p):
    v = p.Vector()
    s = p.Section()
    v.record(s)
    assert s in v._references
    s = weakref.ref(s)
    gc.collect()
    assert s() is not None


def test_an_object_whose_assignment_was_refused_is_still_freed(p):
    import pytest

    gc.collect()
    before = len(p.allsec())
    s = p.Section()
    with pytest.raises(ValueError):
        s.L = 0
    del s
    assert len(p.allsec()) == before
