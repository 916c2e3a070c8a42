"""The behaviours Patch's tests/test_basics.py asserts, on our engine."""

import numpy as np
import pytest

import patch
import patch.objects
from patch import transform, transform_arc, transform_netcon, transform_record
from patch.exceptions import HocRecordError


def test_p_and_h_are_the_same_interpreter(p):
    assert patch.p is patch.h is p


def test_continuerun_is_relative_and_run_is_absolute(p):
    p.finitialize(-70)
    p.continuerun(10)
    p.continuerun(10)
    assert p.t == pytest.approx(20)
    p.run(10)
    assert p.t == pytest.approx(10)


def test_celsius_is_32_at_start_up():
    # A fresh interpreter in a subprocess: the shared one may have been changed by tests.
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "from patch import p; print(p.celsius)"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    assert float(out) == 32


def test_globals_are_read_and_written_through_p(p):
    old = p.celsius
    try:
        p.celsius = 11.004
        assert p.celsius == 11.004
        assert "celsius" not in p.__dict__
    finally:
        p.celsius = old


def test_unknown_names_are_stored_on_p_and_reads_of_missing_names_fail(p):
    p.something_else = 15.4
    assert p.__dict__["something_else"] == 15.4
    assert p.something_else == 15.4
    with pytest.raises(AttributeError):
        p.doesnt_exist


def test_section_attributes_go_to_the_engine_and_others_stay_on_the_object(p):
    s = p.Section()
    s.nseg = 5
    assert s.nseg == 5
    s.nseggg = 55
    assert s.__dict__["nseggg"] == 55
    assert s.nseggg == 55


def test_factories_return_patch_types(p):
    assert type(p.Section()) is patch.objects.Section
    assert type(p.Vector()) is patch.objects.Vector
    assert type(p.IClamp(sec=p.Section())) is patch.objects.IClamp


def test_transform_returns_the_simulator_object(p):
    s = p.Section()
    assert transform(s) is s.__neuron__()
    assert transform(transform(s)) is transform(s)
    assert transform(1) == 1


def test_record_and_netcon_transforms_of_segments_and_sections_are_pointers(p):
    s = p.Section()
    seg = s(0.5)
    assert patch.is_nrn_scalar(transform_record(seg))
    assert patch.is_nrn_scalar(transform_netcon(seg))
    assert patch.is_nrn_scalar(transform_netcon(s))
    assert transform_record(s) == seg._ref_v


def test_transform_arc_gives_the_default_segment(p):
    section = p.Section()
    assert transform(section(0.5)) == transform_arc(section)
    assert transform(1) == transform_arc(1)


def test_duck_typed_objects_work_through_magic_methods(p):
    s = p.Section()

    class Cell:
        def __neuron__(self):
            return s

        def __record__(self):
            return s(1)._ref_v

        def __arc__(self):
            return 0.25

        def __call__(self, x):
            return s(x)

    cell = Cell()
    assert transform(cell) is s
    assert transform_arc(cell) == s(0.25)
    other = p.Section()
    other.connect(cell)
    assert other.parent is s
    v = p.record(cell)
    p.finitialize(-65)
    p.continuerun(1)
    assert len(v) == 41


def test_p_record_returns_a_vector_and_refuses_what_cannot_be_recorded(p):
    s = p.Section()
    v = p.record(s)
    assert type(v) is patch.objects.Vector
    sr = p.SectionRef(s)
    with pytest.raises(HocRecordError):
        p.record(sr)
    with pytest.raises(HocRecordError):
        p.record(4)


def test_section_call_returns_a_segment(p):
    s = p.Section()
    s.nseg = 5
    seg = s(0.5)
    assert type(seg) is patch.objects.Segment
    assert seg.x == 0.5 and seg.sec is s and seg.section is s


def test_set_dimensions_and_add_3d(p):
    s = p.Section()
    s.set_dimensions(10, 10)
    assert s.L == 10
    assert s.diam == 10
    s.add_3d([[0.0, 0.0, 0.0]])
    assert (s.x3d(0), s.y3d(0), s.z3d(0), s.diam3d(0)) == (0.0, 0.0, 0.0, 10.0)
    s.pt3dclear()
    s.add_3d([[0.0, 2.0, 0.0], [4.0, 3.0, 2.0]], 4)
    assert (s.x3d(0), s.y3d(0), s.z3d(1), s.diam3d(0)) == (0.0, 2.0, 2.0, 4.0)
    assert s.n3d() == 2
    np.testing.assert_array_equal(s.points, [[0.0, 2.0, 0.0], [4.0, 3.0, 2.0]])
    assert s.arc3d(1) == pytest.approx(np.sqrt(16 + 1 + 4))


def test_add_3d_takes_one_diameter_per_point(p):
    s = p.Section()
    s.add_3d(np.array([[0, 0, 0], [0, 0, 10], [0, 0, 20]]), [3, 2, 1])
    assert [s.diam3d(i) for i in range(3)] == [3, 2, 1]


def test_wholetree_lists_the_connected_sections(p):
    s = p.Section()
    children = [p.Section() for _ in range(3)]
    for child in children:
        child.connect(s)
    tree = s.wholetree()
    assert all(type(t) is patch.objects.Section for t in tree)
    assert set(map(id, tree)) == {id(s), *map(id, children)}


def test_record_is_cached_per_position(p):
    s = p.Section()
    r = s.record(0.5)
    r2 = s.record(0.7)
    assert r is not r2
    assert r is s.record(0.5)
    assert s.recordings == {0.5: r, 0.7: r2}


def test_section_iteration_yields_nseg_segments(p):
    s = p.Section()
    s.nseg = 5
    segments = list(s)
    assert [type(seg) for seg in segments] == [patch.objects.Segment] * 5
    assert [seg.x for seg in segments] == pytest.approx([0.1, 0.3, 0.5, 0.7, 0.9])


def test_push_pop_and_cas(p):
    s = p.Section()
    s2 = p.Section()
    s.push()
    assert p.cas() is s
    with s2.push():
        assert p.cas() is s2
    assert p.cas() is s
    with pytest.raises(RuntimeError):
        s2.pop()
    s.pop()


def test_synapse_keeps_references_both_ways(p):
    s = p.Section()
    s.synapse(p.IClamp)
    assert len(s._references) == 1
    assert s._references[0]._references == [s]
    assert not hasattr(s, "synapses")
    syn = s.synapse(p.IClamp, store=True, attributes={"amp": 0.3})
    assert syn in s.synapses
    assert syn.amp == 0.3


def test_sectionref_holds_the_section_and_lists_children(p):
    s = p.Section()
    s2 = p.Section()
    s2.connect(s)
    sr = p.SectionRef(s)
    assert sr.section is s
    assert sr.sec is s
    assert sr.child == [s2]
    assert type(sr.child[0]) is patch.objects.Section
    assert p.SectionRef(sec=s2).parent is s
    assert sr.nchild() == 1 and not sr.has_parent()


def test_argless_sectionref_uses_the_accessed_section(p):
    s = p.Section()
    with s.push():
        r = p.SectionRef()
    assert r.section is s


def test_sectionref_refuses_two_positional_arguments(p):
    with pytest.raises(TypeError):
        p.SectionRef(2, 2)


def test_point_process_factory_wraps_a_point_process(p):
    s = p.Section()
    pp = p.IClamp(s(0.5))
    assert isinstance(pp, patch.objects.PointProcess)
    second = p.IClamp(s(0.5))
    assert str(second) == f"IClamp[{int(str(pp)[7:-1]) + 1}]"
    assert pp.get_segment() == s(0.5)
    assert patch.is_point_process(pp) and patch.is_point_process("IClamp")
    assert not patch.is_point_process("hh")
    assert patch.is_density_mechanism("hh") and not patch.is_density_mechanism("IClamp")


def test_load_file_accepts_stdrun(p):
    assert p.load_file("stdrun.hoc") == 1.0


def test_p_time_records_t(p):
    t = p.time
    assert p.time is t
    p.finitialize(-65)
    p.continuerun(1)
    assert list(t) == pytest.approx([i * p.dt for i in range(41)])


def test_synapse_insertion_with_a_synapse_factory(p, has_point_process):
    # Patch's own test_section_synapse_insertion, with ExpSyn.
    has_point_process("ExpSyn")
    s = p.Section()
    s.synapse(p.ExpSyn)
    assert len(s._references) == 1
    assert len(s._references[0]._references) == 1
    assert s._references[0]._references[0] is s
    assert not hasattr(s, "synapses")
    syn = s.synapse(p.ExpSyn, store=True)
    assert syn in s.synapses
    assert str(syn).startswith("ExpSyn[")
    assert syn.get_segment() == s(0.5)


def test_every_object_takes_arbitrary_attributes(p):
    s = p.Section()
    objects = [
        s,
        s(0.5),
        p.Vector(),
        p.IClamp(sec=s),
        p.SectionRef(s),
        p.NetStim(),
        p.NetCon(p.NetStim(), None),
    ]
    for i, obj in enumerate(objects):
        obj.labels = ["tag", i]
        assert obj.labels == ["tag", i], type(obj)
        assert obj.__dict__["labels"] == ["tag", i]


def test_hoc_constants_read_as_in_neuron(p):
    # Patch's test_attributes reads p.E; values as NEURON 9.0.2 prints them.
    assert p.E - 2.7 < 0.2
    assert (p.PI, p.E, p.GAMMA, p.DEG, p.PHI) == (
        3.141592653589793, 2.718281828459045, 0.5772156649015329, 57.29577951308232, 1.618033988749895,
    )
    assert (p.FARADAY, p.R) == (96485.33212331001, 8.31446261815324)
