"""Vector: NEURON's methods, Python's sequence protocol, numpy and arrow views."""

import numpy as np
import pytest


def test_construction_forms(p):
    assert len(p.Vector()) == 0
    assert list(p.Vector(3)) == [0, 0, 0]
    assert list(p.Vector(3, 2.5)) == [2.5] * 3
    assert list(p.Vector([1, 2, 3])) == [1, 2, 3]
    assert list(p.Vector(p.Vector([4, 5]))) == [4, 5]
    assert list(p.Vector(x * 0.5 for x in range(3))) == [0, 0.5, 1]


def test_large_arrays_go_in_bulk(p):
    values = np.linspace(0, 1, 1_000_000)
    v = p.Vector(values)
    assert len(v) == 1_000_000
    np.testing.assert_array_equal(np.asarray(v), values)


def test_sequence_protocol(p):
    v = p.Vector([1.0, 2.0, 3.0])
    assert len(v) == 3
    assert v[0] == 1 and v[-1] == 3
    assert list(v[1:]) == [2, 3]
    v[1] = 7
    assert list(v) == [1, 7, 3]
    assert [x for x in v] == [1, 7, 3]
    with pytest.raises(IndexError):
        v[3]


def test_numpy_views_are_read_only(p):
    v = p.Vector([1.0, 2.0])
    a = np.asarray(v)
    assert a.dtype == np.float64
    assert not a.flags.writeable
    np.testing.assert_array_equal(v.as_numpy(), [1, 2])
    assert v.to_arrow().to_pylist() == [1, 2]


def test_neuron_methods(p):
    v = p.Vector(5).indgen()
    assert list(v) == [0, 1, 2, 3, 4]
    assert v.sum() == 10 and v.max() == 4 and v.min_ind() == 0
    assert v.mean() == 2
    v.mul(2).add(1)
    assert list(v) == [1, 3, 5, 7, 9]
    v.append(11, 13)
    assert v.size() == 7
    v.resize(2)
    assert list(v) == [1, 3]
    w = p.Vector([1, 1])
    v.add(w)
    assert list(v) == [2, 4]
    assert v.var() == 2 and v.stdev() == pytest.approx(2**0.5)
    assert len(v.clear()) == 0


def test_record_with_dt_and_with_a_time_vector(p):
    s = p.Section()
    every_ms = p.Vector().record(s(0.5), 1.0)
    tvec = p.Vector([0.5, 1.5])
    at_times = p.Vector().record(s(0.5)._ref_v, tvec)
    p.finitialize(-65)
    p.continuerun(3)
    assert len(every_ms) == 4
    assert len(at_times) == 2


def test_play_drives_a_variable(p):
    s = p.Section()
    clamp = p.IClamp(sec=s)
    amps = p.Vector([0.0, 0.5, 1.0])
    times = p.Vector([0.0, 1.0, 2.0])
    amps.play(clamp._ref_amp, times)
    recorded = p.record(clamp._ref_amp)
    p.finitialize(-65)
    p.continuerun(3)
    assert max(recorded) == 1.0
    assert recorded[int(1.5 / p.dt)] == 0.5


def test_x_reads_and_writes_elements_as_neuron_without_negative_indices(p):
    v = p.Vector([1.0, 2.0, 3.0])
    v.x[1] = 7.5
    assert v.x[1] == 7.5 and list(v) == [1.0, 7.5, 3.0]
    with pytest.raises(IndexError, match="-1"):
        v.x[-1]
    with pytest.raises(IndexError, match="3"):
        v.x[3]
