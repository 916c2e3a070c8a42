"""Patch's network API on the engine's events: the behaviours of Patch's test_networks,
test_basics (wrapping, stimulate) and test_interplay (connectability)."""

import random
import subprocess
import sys

import pytest

import patch
import patch.objects
from patch import connection
from patch.exceptions import HocConnectError, HocError, HocRecordError, NotConnectableError, NotConnectedError


def test_deleting_a_watched_section_leaves_the_session_runnable():
    # In its own process, so a failure cannot break the other tests' session.
    script = """
import gc
from patch import p
s = p.Section()
nc = p.NetCon(s, p.NetStim())
p.t
del nc, s
gc.collect()
p.finitialize(-65)
p.continuerun(1)
print(p.t)
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert float(run.stdout) == pytest.approx(1)


def test_factories_wrap_network_objects(p):
    assert type(p.NetCon(p.NetStim(), p.NetStim())) is patch.objects.NetCon
    assert type(p.NetStim()) is patch.objects.NetStim
    assert type(p.VecStim()) is patch.objects.VecStim


def test_netcon_has_patchs_defaults(p):
    s = p.Section()
    nc = p.NetCon(s, p.ExpSyn(s))
    assert (nc.weight[0], nc.delay, nc.threshold) == (0.1, 1, -20)
    nc = p.NetCon(s, p.ExpSyn(s), weight=0.3, delay=2, threshold=0)
    assert (nc.weight[0], nc.delay, nc.threshold) == (0.3, 2, 0)
    nc.weight = 0.6
    assert list(nc.weight) == [0.6]


def test_connection_helper(p):
    s = p.Section()
    pp = p.ExpSyn(s)
    stim = pp.stimulate()
    assert type(connection(stim, pp)) is patch.objects.NetCon
    # Both ends record the NetCon, so the helper finds it from either side.
    assert connection(pp, stim) is connection(stim, pp)
    with pytest.raises(NotConnectedError):
        connection(s, s)
    with pytest.raises(NotConnectableError):
        connection(p.Vector(), s)
    with pytest.raises(NotConnectableError):
        connection(s, p.Vector())


def test_only_connectable_objects_can_be_connected(p):
    class Foreign:
        pass

    from neuron import h

    # What NEURON itself refuses is Patch's HocConnectError (its CatchNetCon) ...
    with pytest.raises(HocConnectError):
        p.NetCon(Foreign(), p.NetStim())
    with pytest.raises(HocConnectError):
        p.NetCon(p.NetStim(), Foreign())
    # ... what NEURON takes but Patch cannot track (NEURON-level objects) NotConnectableError.
    with pytest.raises(NotConnectableError):
        p.NetCon(h.NetStim(), p.NetStim())
    assert type(p.NetCon(p.NetStim(), p.NetStim())) is patch.objects.NetCon


def test_a_bare_pointer_source_needs_sec(p):
    s = p.Section()
    syn = p.ExpSyn(s)
    with pytest.raises(ConnectionError, match="s\\(0.5\\)"):
        p.NetCon(s(0.5)._ref_v, syn)
    watcher = p.NetCon(s(0.5)._ref_v, None, sec=s)
    assert watcher.threshold == -20


def test_a_target_without_net_receive_is_refused(p):
    s = p.Section()
    with pytest.raises(HocError, match="NET_RECEIVE"):
        p.NetCon(s, p.IClamp(sec=s))
        p.t
    with pytest.raises(HocConnectError):
        p.NetCon(s, p.Section())


def test_stimulate_drives_a_synapse(p):
    s = p.Section()
    pp = p.ExpSyn(s(0.5))
    stim = pp.stimulate(start=0, number=1)
    stim._connections[pp].weight[0] = 0.4
    r = s.record()
    p.finitialize(-70)
    p.continuerun(10)
    assert list(r)[-1] == pytest.approx(-68.0, abs=0.1)


def test_netstim_and_vecstim_with_the_same_spikes_give_the_same_trace(p):
    s1, s2, s3 = p.Section(), p.Section(), p.Section()
    se, se2, se3 = p.ExpSyn(s1), p.ExpSyn(s2), p.ExpSyn(s3)
    se.stimulate(start=1, number=3, interval=1)
    vs = se2.stimulate(pattern=[1, 2, 3])
    se3.stimulate(pattern=[random.random() * 2, random.random() + 2, random.random() * 2 + 3])
    rs1, rs2, rs3 = s1.record(), s2.record(), s3.record()
    p.finitialize()
    p.continuerun(10)
    assert max(rs1) > min(rs1), "flat line where stimulation was expected"
    assert list(rs1) == pytest.approx(list(rs2), abs=1e-6)
    assert list(rs2) != pytest.approx(list(rs3), abs=1e-6)
    assert vs.pattern == [1, 2, 3]
    assert list(vs.vector) == [1, 2, 3]


def test_netcon_record_keeps_one_vector_of_spike_times(p):
    stim = p.NetStim(start=2, number=3, interval=5)
    nc = p.NetCon(stim, None)
    spikes = nc.record()
    assert nc.record() is spikes
    p.finitialize()
    p.continuerun(20)
    assert list(spikes) == pytest.approx([2, 7, 12])


def test_netcon_record_with_ids(p):
    stim = p.NetStim(start=1, number=2, interval=3)
    times, ids = p.Vector(), p.Vector()
    p.NetCon(stim, None).record(times, ids, 7)
    p.finitialize()
    p.continuerun(10)
    assert list(times) == pytest.approx([1, 4])
    assert list(ids) == [7, 7]


def test_section_spikes_reach_a_synapse_through_connect_synapse(p):
    pre = p.Section().insert("hh")
    pre.set_dimensions(20, 20)
    pre.iclamp(0.5, delay=1, duration=2)
    post = p.Section().insert("pas")
    post.e_pas = -65
    post.set_dimensions(10, 10)
    syn = post.synapse(p.ExpSyn, store=True)
    nc = pre.connect_synapse(syn, weight=0.01, delay=2)
    spikes = nc.record()
    v = post.record()
    p.celsius = 6.3
    try:
        p.finitialize(-65)
        p.continuerun(10)
    finally:
        p.celsius = 32
    assert len(spikes) == 1
    t_spike = spikes[0]
    arrival = int((t_spike + 2) / p.dt)
    assert v[arrival - 2] == pytest.approx(-65, abs=1e-6)
    assert v[arrival + 20] > -64
    assert connection(pre, syn) is nc


def test_network_objects_keep_each_other_alive(p):
    import gc
    import weakref

    s = p.Section()
    syn = p.ExpSyn(s)
    stim = weakref.ref(syn.stimulate(start=1, number=1))
    gc.collect()
    assert stim() is not None
    nc = weakref.ref(connection(stim(), syn))
    gc.collect()
    assert nc() is not None


def test_active_switches_delivery(p):
    s = p.Section()
    syn = p.ExpSyn(s)
    stim = syn.stimulate(start=1, number=1, weight=0.5)
    nc = connection(stim, syn)
    assert nc.active() is True
    nc.active(False)
    v = s.record()
    p.finitialize(-65)
    p.continuerun(5)
    assert max(v) == pytest.approx(-65, abs=1e-9)


def test_artificial_cells_are_not_recordable_or_iterable(p):
    stim = p.NetStim()
    with pytest.raises(HocRecordError):
        p.record(stim)
    with pytest.raises(TypeError):
        iter(stim)
    stim.my_label = "input"
    assert stim.my_label == "input"


def test_an_artificial_cell_ignores_a_location_as_neuron_does(p):
    soma = p.Section(name="artificial_host")
    stim = p.NetStim(soma(0.5))
    stim.start, stim.number = 1, 1
    times = p.Vector()
    p.NetCon(stim, None).record(times)
    p.finitialize(-65)
    p.continuerun(5)
    assert list(times) == [1.0]
    with pytest.raises(TypeError, match="NetStim"):
        p.NetStim("soma")
