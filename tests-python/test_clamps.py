"""The behaviours Patch's tests/test_clamps.py asserts, on our engine."""

import pytest


def test_iclamp_variants_inject_current(p):
    s0, s1, s2, s3, s4 = (p.Section() for _ in range(5))
    for s in (s0, s1, s2, s3, s4):
        s.record()
    p.time
    cs = s1.iclamp(amplitude=10, delay=5)
    c = p.IClamp(sec=s2)
    c.amp = 10
    c.dur = 10
    s3.iclamp(amplitude=10)
    s4.iclamp(amplitude=[-10 for _ in range(int(10 / p.dt))])

    assert cs.amplitude == 10
    assert c.amplitude == 10
    assert cs.__neuron__().amp == 10

    p.finitialize()
    p.continuerun(10)

    peak = {s: max(s.recordings[0.5]) for s in (s0, s1, s2, s3)}
    assert peak[s1] > peak[s0]
    assert peak[s2] > peak[s0]
    assert peak[s3] > peak[s0]
    assert peak[s3] > peak[s1], "half the charge should depolarise less than all of it"
    assert min(s0.recordings[0.5]) > min(s4.recordings[0.5])


def test_iclamp_defaults_are_patchs(p):
    c = p.IClamp(sec=p.Section())
    assert (c.delay, c.dur, c.amp) == (0, 1e200, 1)
    c.duration = 3
    assert c.dur == 3


def test_iclamp_defaults_to_the_accessed_section(p):
    s = p.Section()
    with s.push():
        c = p.IClamp(0.3)
    # As in NEURON, a point process sits at the centre of its segment.
    assert c.get_segment() == s(0.5)
    assert c.get_loc() == 0.5
    assert c in s._references and s in c._references


def test_seclamp_aliases(p, has_point_process):
    has_point_process("SEClamp")
    clamp = p.SEClamp(p.Section())
    assert clamp.delay == 100
    clamp.delay = 102
    assert clamp.__neuron__().dur1 == 102 and clamp.delay == 102
    clamp.duration = 102
    assert clamp.__neuron__().dur2 == 102 and clamp.duration == 102
    clamp.after = 102
    assert clamp.__neuron__().dur3 == 102 and clamp.after == 102
    clamp.voltage = -20
    assert clamp.voltage == [-70, -20, -70]
    clamp.holding = -60
    assert clamp.voltage == [-60, -20, -60]


def test_vclamp_holds_the_voltage(p, has_point_process):
    has_point_process("SEClamp")
    s = p.Section()
    s.set_dimensions(10, 10)
    s.insert("pas")
    clamp = s.vclamp(-20, before=1, duration=5, after=1)
    v = s.record()
    current = p.record(clamp)  # an SEClamp records its current i
    p.finitialize(-65)
    p.continuerun(7)
    assert clamp.voltage == [-70, -20, -70]
    assert min(current) < 0 < max(current)
    assert v[int(0.9 / p.dt)] == pytest.approx(-70, abs=0.5)
    assert v[int(5.9 / p.dt)] == pytest.approx(-20, abs=0.5)
    assert v[-1] == pytest.approx(-70, abs=0.5)
