"""Segments and mechanisms: range variables per segment and section-wide, `seg.hh.gnabar`,
iteration over a segment's mechanisms, `_ref_` pointers."""

import pytest

import patch


def test_section_wide_and_per_segment_range_variables(p):
    s = p.Section()
    s.nseg = 3
    s.insert("hh")
    s.gnabar_hh = 0.2
    assert [seg.gnabar_hh for seg in s] == [0.2] * 3
    s(0.5).gnabar_hh = 0.3
    assert [seg.gnabar_hh for seg in s] == [0.2, 0.3, 0.2]
    assert s(0.5).hh.gnabar == 0.3
    s(0.1).hh.gnabar = 0.4
    assert s(0.1).gnabar_hh == 0.4


def test_mechanism_access_and_iteration(p):
    s = p.Section().insert("hh").insert("pas")
    names = [m.name() for m in s(0.5)]
    assert "hh" in names and "pas" in names
    mech = s(0.5).hh
    assert patch.is_density_mechanism(mech)
    assert mech.name() == "hh" and str(mech) == "hh"
    assert "gnabar" in list(mech)
    assert s(0.5).pas.g == pytest.approx(0.001)


def test_ion_variables(p):
    s = p.Section().insert("hh")
    assert s(0.5).ena == 50
    s(0.5).ena = 55
    assert s(0.5).na_ion.ena == 55


def test_range_variable_of_an_absent_mechanism_is_a_python_attribute(p):
    # As in Patch: NEURON refuses it, so the wrapper stores it on the Python object.
    s = p.Section()
    s.gnabar_hh = 0.2
    assert s.__dict__["gnabar_hh"] == 0.2
    s.labels = ["soma"]
    assert s.labels == ["soma"]


def test_has_membrane_follows_insert_and_uninsert(p):
    s = p.Section().insert("pas")
    assert s.has_membrane("pas")
    s.uninsert("pas")
    assert not s.has_membrane("pas")
    assert "pas" not in [m.name() for m in s(0.5)]


def test_segment_v_area_ri(p):
    s = p.Section()
    s.L = 10
    s.diam = 10
    s.nseg = 1
    assert s(0.5).v == -65
    assert s(0.5).area() == pytest.approx(3.141592653589793 * 100)
    assert s(0.5).ri() > 0


def test_pointers_name_variables_and_read_and_write_them(p):
    s = p.Section().insert("hh")
    ptr = s(0.5)._ref_gnabar_hh
    assert patch.is_nrn_scalar(ptr)
    assert ptr[0] == pytest.approx(0.12)
    ptr[0] = 0.15
    assert s(0.5).gnabar_hh == 0.15
    assert s(0.5).hh._ref_gnabar == ptr
    with pytest.raises(IndexError):
        ptr[1]
    assert p._ref_t[0] == p.t


def test_recording_a_range_variable_through_its_pointer(p):
    s = p.Section().insert("hh")
    m = p.record(s(0.5)._ref_m_hh)
    p.finitialize(-65)
    p.continuerun(2)
    assert len(m) == 81
    assert 0 < m[0] < 0.1


def test_segments_compare_by_section_and_position(p):
    s = p.Section()
    assert s(0.5) == s(0.5)
    assert s(0.5) != s(0.7)
    assert len({s(0.5), s(0.5)}) == 1
    assert patch.is_segment(s(0.5)) and patch.is_section(s)
    assert str(p.Section(name="dend_seg")(0.25)) == "dend_seg(0.25)"


def test_arbitrary_attributes_on_segments_and_mechanisms(p):
    seg = p.Section()(0.5)
    seg.tag = "x"
    assert seg.tag == "x"
    mech = p.Section().insert("pas")(0.5).pas
    mech.note = 1
    assert mech.note == 1


def test_dir_lists_simulator_attributes(p):
    s = p.Section().insert("hh")
    assert {"L", "nseg", "gnabar_hh", "ena", "connect"} <= set(dir(s))
    assert {"v", "hh", "gkbar_hh", "area"} <= set(dir(s(0.5)))
    assert {"gnabar", "m"} <= set(dir(s(0.5).hh))
    assert {"amp", "dur", "delay", "get_segment"} <= set(dir(p.IClamp(sec=s)))
    assert {"celsius", "dt", "IClamp", "Section"} <= set(dir(p))


def test_segment_point_processes_are_those_on_its_node(p):
    s = p.Section()
    s.nseg = 5
    a, b = p.IClamp(s(0.1)), p.ExpSyn(s(0.15))
    c = p.IClamp(s(0.5))
    assert set(map(id, s(0.12).point_processes())) == {id(a), id(b)}
    assert s(0.5).point_processes() == [c]
    assert s(0.9).point_processes() == []
    assert len(s.point_processes()) == 3
