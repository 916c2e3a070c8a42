"""NEURON's built-in IntFire1/2/4, OClamp, fastpas and PointProcessMark reached through ``p``."""

import pytest


def test_integrate_and_fire_cells_have_neurons_range_variables_and_defaults(p):
    assert (p.IntFire1().tau, p.IntFire1().refrac, p.IntFire1().m) == (10, 5, 0)
    cell = p.IntFire2()
    assert (cell.taus, cell.taum, cell.ib, cell.i, cell.m) == (20, 10, 0, 0, 0)
    cell = p.IntFire4()
    assert (cell.taue, cell.taui1, cell.taui2, cell.taum) == (5, 10, 20, 50)
    assert (p.eps_IntFire4, p.taueps_IntFire4, p.ib_IntFire4) == (1e-6, 0.01, 0)


def test_state_neuron_keeps_out_of_hocs_reach_is_no_attribute(p):
    with pytest.raises(AttributeError, match="t0"):
        p.IntFire1().t0
    with pytest.raises(AttributeError, match="onflag"):
        p.OClamp(p.Section()(0.5)).onflag


def test_intfire1_driven_above_threshold_fires_and_goes_refractory(p):
    cell = p.IntFire1()
    stim = p.NetStim()
    stim.start, stim.interval, stim.number = 1, 1.5, 40
    p.NetCon(stim, cell, weight=0.45, delay=0.5)
    times = p.NetCon(cell, None).record()
    p.finitialize(-65)
    p.continuerun(30)
    # three inputs 1.5 ms apart cross 1 (0.45 decaying with tau 10); refractory for 5 ms after
    assert list(times) == [4.5, 13.5, 22.5]


def test_fastpas_is_a_density_mechanism_with_its_own_defaults(p):
    section = p.Section()
    section.insert("fastpas")
    assert (section(0.5).fastpas.g, section(0.5).fastpas.e) == (5e-4, -65)
    section(0.5).fastpas.g = 0.002
    assert section(0.5).g_fastpas == 0.002


def test_oclamp_and_point_process_mark_sit_on_segments(p):
    section = p.Section()
    clamp = p.OClamp(section(0.5))
    assert (clamp.rs, clamp.on, clamp.off, clamp.vc, clamp.switched_on) == (1, 0, 0, 0, 0)
    mark = p.PointProcessMark(section(0.5))
    assert mark.get_segment() == section(0.5)


def test_extracellular_layers_are_range_arrays_at_a_segment(p):
    section = p.Section()
    section.insert("extracellular")
    seg = section(0.5)
    assert (list(seg.xraxial), list(seg.xg), list(seg.xc)) == ([1e9, 1e9], [1e9, 1e9], [0, 0])
    seg.xg[1] = 0.02
    seg.extracellular.xc[0] = 0.3
    seg.extracellular.e = -5
    assert (seg.xg[1], seg.xc[0], seg.e_extracellular) == (0.02, 0.3, -5)
    assert list(seg.vext) == [0, 0] and seg.i_membrane == 0
    with pytest.raises(IndexError, match="vext has indices 0..1"):
        seg.vext[2]


def test_extracellular_field_drives_the_membrane_and_is_recorded_through_vext_pointers(p):
    section = p.Section()
    section.L, section.nseg = 200, 3
    section.insert("pas")
    section.insert("extracellular")
    for seg in section:
        seg.xg[0] = seg.xg[1] = 0.5
        seg.e_extracellular = 30 * seg.x
    vext = p.record(section(0.5)._ref_vext[0])
    p.finitialize(-65)
    p.continuerun(2)
    # from 0 at finitialize towards e_extracellular there (15 mV), the layers grounded through it
    assert vext[0] == 0 and abs(vext[-1] - 15) < 0.1 and vext[1] < vext[-1]
    assert section(0.5).i_membrane != 0
