"""Point processes beyond the clamps: array variables (VClamp), APCount, Exp2Syn, pointers."""

import pytest


def test_array_variables_are_indexable(p):
    vc = p.VClamp(p.Section())
    vc.dur[1] = 4.5
    assert vc.dur[1] == 4.5
    assert len(vc.amp) == 3
    with pytest.raises(IndexError, match="3"):
        vc.dur[3]
    assert "dur" in dir(vc)


def test_apcount_counts_and_records_spikes(p):
    soma = p.Section().insert("hh")
    soma.set_dimensions(18.8, 18.8)
    soma.iclamp(0.3, delay=2, duration=30)
    apc = p.APCount(soma)
    times = p.Vector()
    apc.record(times)
    p.celsius = 6.3
    try:
        p.finitialize(-65)
        p.continuerun(35)
    finally:
        p.celsius = 32
    assert apc.n == len(times) >= 2
    assert all(2 < t < 35 for t in times)


def test_point_process_variables_and_pointers(p):
    syn = p.Exp2Syn(p.Section())
    syn.tau1 = 0.3
    assert syn.tau1 == 0.3
    assert syn._ref_g[0] == 0
    with pytest.raises(AttributeError, match="nope"):
        syn.nope
    syn.nope = 1  # not a variable: a Python attribute
    assert syn.__dict__["nope"] == 1


def test_iclamp_exposes_del_as_delay(p):
    clamp = p.IClamp(sec=p.Section())
    clamp.delay = 3
    assert clamp.delay == 3
    assert "delay" in dir(clamp)
