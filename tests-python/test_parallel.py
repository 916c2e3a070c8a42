"""p.parallel and p.ParallelCon on one host: the single-host part of Patch's
tests/test_parallel.py, gid bad input, and gid-wired networks against real NEURON +
nrn-patch (the same Patch script run under both, each in its own subprocess)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from patch.exceptions import BroadcastError, ParallelConnectError

REFERENCE_PYTHON = Path(os.environ["JPATCH_REFERENCE_PYTHON"])


@pytest.fixture(autouse=True)
def fresh_gids(p):
    # gids are global to the simulation, as in NEURON: each test starts without any.
    p.parallel.gid_clear()
    yield


def hh_soma(p):
    soma = p.Section()
    soma.set_dimensions(18, 18)
    soma.insert("hh")
    return soma


# ---- Patch's TestSingleHostParallel ------------------------------------------------------


def test_parallel_is_one_context_of_rank_zero(p):
    assert p.parallel is p.parallel
    assert p.parallel == p.ParallelContext()
    assert p.parallel.id() == 0
    assert p.parallel.nhost() == 1


def test_parallel_con_makes_a_transmitter_and_a_receiver(p):
    s = p.Section()
    s.push()
    sender = p.ParallelCon(s, 202020)
    p.pop_section()
    syn = p.Section().synapse(p.ExpSyn)
    receiver = p.ParallelCon(1, syn, 5, 1)
    assert (sender.gid, receiver.gid) == (202020, 1)
    assert p.parallel.gid_exists(202020) == 3, "set here, with an output cell"
    assert sender.threshold == -20, "Patch's default threshold on the sender"
    assert (receiver.delay, receiver.weight[0]) == (1, 0), "NEURON's defaults on the receiver"


def test_parallel_con_needs_exactly_one_integer_gid(p):
    with pytest.raises(ParallelConnectError):
        p.ParallelCon(None, None)
    with pytest.raises(ParallelConnectError):
        p.ParallelCon(3, 4)


def test_parallel_con_passes_delay_and_weight(p):
    sender = p.ParallelCon(p.Section(), 202021, delay=5, weight=3)
    assert sender.delay == 5
    assert sender.weight[0] == 3
    receiver = p.ParallelCon(202021, p.Section().synapse(p.ExpSyn), delay=2.5, weight=0.25)
    assert (receiver.delay, receiver.weight[0]) == (2.5, 0.25)


def test_parallel_con_sets_the_senders_threshold(p):
    sender = p.ParallelCon(p.Section(), 31, threshold=-45)
    assert sender.threshold == -45


def test_single_host_broadcast_returns_data_and_fills_vectors_in_place(p):
    assert p.parallel.broadcast([1, 2, 3]) == [1, 2, 3]
    assert p.parallel.broadcast({"a": (1, "x")}, root=0) == {"a": (1, "x")}
    v = p.Vector([1, 2, 3])
    assert p.parallel.broadcast(v) is v
    assert list(v) == [1, 2, 3]


def test_broadcast_of_simulator_objects_or_unpicklable_data_raises_broadcast_error(p):
    with pytest.raises(BroadcastError):
        p.parallel.broadcast(p.NetStim())
    with pytest.raises(BroadcastError):
        p.parallel.broadcast(p.Section())

    class Local:
        pass

    with pytest.raises(BroadcastError):
        p.parallel.broadcast(Local())


def test_broadcast_from_a_rank_that_does_not_exist_raises_runtime_error(p):
    with pytest.raises(RuntimeError, match="root"):
        p.parallel.broadcast(p.Vector([1]), root=1)


def test_collective_operations_on_one_host(p):
    assert p.parallel.barrier() == 0
    assert p.parallel.allreduce(2.5, 1) == 2.5
    v = p.Vector([1, 2])
    p.parallel.allreduce(v, 2)
    assert list(v) == [1, 2]
    gathered = p.Vector([9, 9, 9])
    p.parallel.allgather(4.0, gathered)
    assert list(gathered) == [4.0]


# ---- gids: bad input -----------------------------------------------------------------------


def test_a_gid_used_twice_raises_and_the_gid_keeps_its_first_cell(p):
    first, second = hh_soma(p), hh_soma(p)
    p.ParallelCon(first, 7)
    with pytest.raises(RuntimeError, match="gid=7 already exists on this process as an output port"):
        p.ParallelCon(second, 7)
    assert p.parallel.gid_exists(7)
    times, gids = p.parallel.spike_record(7)
    second.iclamp(amplitude=0.5, delay=1, duration=1)
    p.finitialize(-65)
    p.parallel.psolve(20)
    assert list(times) == [], "gid 7 is still the first soma, which was not stimulated"
    first.iclamp(amplitude=0.5, delay=1, duration=1)
    p.finitialize(-65)
    p.parallel.psolve(20)
    assert len(times) == 1 and list(gids) == [7]


def test_setting_a_gid_already_connected_to_raises(p):
    p.parallel.gid_connect(12, p.Section().synapse(p.ExpSyn))
    with pytest.raises(RuntimeError, match="gid=12 already exists as an input port"):
        p.parallel.set_gid2node(12)
        p.parallel.gid_exists(12)
    assert p.parallel.gid_exists(12) == 0


def test_threshold_on_a_gid_connect_receiver_raises_and_the_source_keeps_its_threshold(p):
    sender = p.ParallelCon(hh_soma(p), 13, threshold=-30)
    receiver = p.ParallelCon(13, p.Section().synapse(p.ExpSyn))
    with pytest.raises(RuntimeError, match="2135"):
        receiver.threshold = -20
    assert receiver.threshold == sender.threshold == -30


def test_gids_never_set_or_without_cell_raise_where_neuron_raises(p):
    syn = p.Section().synapse(p.ExpSyn)
    with pytest.raises(RuntimeError, match="gid=14 has not been set on rank 0"):
        p.parallel.cell(14, p.NetCon(hh_soma(p), None))
        p.parallel.gid_exists(14)
    p.parallel.set_gid2node(15)
    with pytest.raises(RuntimeError, match="gid 15 owned by 0 but no associated cell"):
        p.parallel.gid_connect(15, syn)
        p.parallel.gid_exists(15)
    with pytest.raises(RuntimeError, match="gid 16"):
        p.parallel.spike_record(16)
        p.parallel.gid_exists(16)
    with pytest.raises(RuntimeError, match="point process"):
        p.parallel.gid_connect(16, p.Section())


def test_a_gid_never_set_connects_but_never_delivers(p):
    soma = hh_soma(p)
    p.ParallelCon(soma, 17)
    p.ParallelCon(4242, soma.synapse(p.ExpSyn), weight=1, delay=1)
    times, _ = p.parallel.spike_record()
    p.finitialize(-65)
    p.parallel.psolve(20)
    assert list(times) == []
    assert p.parallel.gid_exists(4242) == 0


def test_psolve_refuses_receivers_faster_than_dt(p):
    soma = hh_soma(p)
    receiver = p.ParallelCon(4343, soma.synapse(p.ExpSyn), delay=0.01)
    p.finitialize(-65)
    with pytest.raises(RuntimeError, match="mindelay"):
        p.parallel.psolve(1)
    assert p.t == 0
    receiver.delay = 1
    p.parallel.psolve(1)
    assert p.t == pytest.approx(1)


def test_set_gid2node_after_spike_record_all_warns(p):
    p.parallel.spike_record()
    with pytest.warns(UserWarning, match="not be recorded"):
        p.parallel.set_gid2node(18)
    p.parallel._warn_new_gids = False


# ---- against real NEURON + nrn-patch ---------------------------------------------------------

# A ring of four hh cells wired by gid, a NetStim with a gid, a receiver of a gid set nowhere;
# then Patch's same-node synapse (tests/test_parallel.py) with its trace.
NETWORK_SCRIPT = """
import json
from patch import p

cells = []
for k in range(4):
    soma = p.Section(name=f"soma{k}")
    soma.set_dimensions(18, 18)
    soma.insert("hh")
    cells.append((soma, soma.synapse(p.ExpSyn, attributes={"tau": 2})))
cells[0][1].stimulate(start=1, number=4, interval=12, delay=1, weight=0.05)
for k, (soma, _) in enumerate(cells):
    p.ParallelCon(soma, 100 + k, threshold=-10)
for k in range(4):
    p.ParallelCon(100 + k, cells[(k + 1) % 4][1], delay=1.5 + 0.25 * k, weight=0.05)
stim = p.NetStim()
stim.start, stim.number, stim.interval = 5, 2, 7
p.ParallelCon(stim, 200)
p.ParallelCon(200, cells[3][1], delay=1, weight=0.05)
p.ParallelCon(4242, cells[2][1], delay=2, weight=0.05)

sender = p.Section()
syn = sender.synapse(p.ExpSyn, attributes={"tau": 2})
syn.stimulate(number=5, start=0, interval=10, weight=0.04, delay=1)
p.ParallelCon(sender, 3033, threshold=-52, delay=1)
receiver = p.Section()
nc_recv = p.ParallelCon(3033, receiver.synapse(p.ExpSyn, attributes={"tau": 2}))
nc_recv.weight[0] = 0.04
v = p.record(receiver(0.5)._ref_v)
t = p.time

tvec, idvec = p.parallel.spike_record()
p.finitialize(-65)
p.parallel.psolve(60)
print(json.dumps({"t": list(tvec), "id": list(idvec), "v": list(v), "time": list(t)}))
"""


def run(python, script):
    done = subprocess.run(
        [str(python), "-c", textwrap.dedent(script)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.requires_neuron
@pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON")
def test_gid_wired_network_spikes_and_ids_equal_neurons():
    ours = run(sys.executable, NETWORK_SCRIPT)
    theirs = run(REFERENCE_PYTHON, NETWORK_SCRIPT)
    assert len(theirs["t"]) > 10, "the reference network spikes"
    assert ours["id"] == theirs["id"], "gids in NEURON's order"
    assert max(abs(a - b) for a, b in zip(ours["t"], theirs["t"])) < 1e-9
    assert len(ours["t"]) == len(theirs["t"])
    assert len(ours["v"]) == len(theirs["v"]) == len(ours["time"])
    assert max(abs(a - b) for a, b in zip(ours["time"], theirs["time"])) < 1e-9
    assert max(abs(a - b) for a, b in zip(ours["v"], theirs["v"])) < 1e-9


# Each bad call, then a read that returns the state: both raise in the same place.
ERRORS_SCRIPT = """
import json
from patch import p

def outcome(action):
    try:
        action()
    except Exception as error:
        return type(error).__name__
    return "ok"

pc = p.parallel
soma, other = p.Section(), p.Section()
syn = p.Section().synapse(p.ExpSyn)
p.ParallelCon(soma, 1)
results = {}
results["gid used twice"] = outcome(lambda: (p.ParallelCon(other, 1), pc.gid_exists(1)))
results["gid 1 after"] = pc.gid_exists(1)
pc.gid_connect(2, syn)
results["set after connect"] = outcome(lambda: (pc.set_gid2node(2, 0), pc.gid_exists(2)))
results["cell never set"] = outcome(lambda: (pc.cell(3, p.NetCon(soma, None)), pc.gid_exists(3)))
pc.set_gid2node(4, 0)
results["connect without cell"] = outcome(lambda: (pc.gid_connect(4, syn), pc.gid_exists(4)))
results["gid 4 after"] = pc.gid_exists(4)
results["outputcell never set"] = outcome(lambda: (pc.outputcell(5), pc.gid_exists(5)))
results["spike_record never set"] = outcome(lambda: (pc.spike_record(6), pc.gid_exists(6)))
receiver = p.ParallelCon(1, syn)
def set_threshold():
    receiver.threshold = 5
results["receiver threshold"] = outcome(set_threshold)
results["source threshold after"] = receiver.threshold
results["connect to a section"] = outcome(lambda: (pc.gid_connect(7, p.Section()), pc.gid_exists(7)))
results["both ints"] = outcome(lambda: p.ParallelCon(8, 9))
results["broadcast netstim"] = outcome(lambda: pc.broadcast(p.NetStim()))
results["broadcast root 1"] = outcome(lambda: pc.broadcast(p.Vector([1.0]), root=1))
fast = p.ParallelCon(9999, syn, delay=0.01)
results["psolve mindelay"] = outcome(lambda: pc.psolve(1))
fast.delay = 1
results["psolve fixed"] = outcome(lambda: pc.psolve(1))
results["t"] = round(p.t, 9)
print(json.dumps(results))
"""


@pytest.mark.requires_neuron
@pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON")
def test_bad_gid_input_raises_what_neuron_and_patch_raise():
    ours = run(sys.executable, ERRORS_SCRIPT)
    theirs = run(REFERENCE_PYTHON, ERRORS_SCRIPT)
    assert theirs["gid used twice"] == "RuntimeError"
    assert ours == theirs


def test_gid2obj_is_the_artificial_cell_or_none_for_a_section(p):
    stim = p.NetStim()
    p.ParallelCon(stim, 19)
    p.ParallelCon(hh_soma(p), 20)
    assert p.parallel.gid2obj(19) is stim
    assert p.parallel.gid2cell(19) is stim
    assert p.parallel.gid2obj(20) is None


def test_set_maxstep_returns_the_smallest_delay_from_gids_not_set_here(p):
    p.ParallelCon(hh_soma(p), 21)
    p.ParallelCon(21, p.Section().synapse(p.ExpSyn), delay=0.05)  # set here: not counted
    assert p.parallel.set_maxstep(10) == 10
    p.ParallelCon(5151, p.Section().synapse(p.ExpSyn), delay=0.3)
    assert p.parallel.set_maxstep(10) == 0.3
    with pytest.raises(RuntimeError, match="maxstep"):
        p.parallel.set_maxstep(0)


def test_same_node_synapse_records_the_senders_spikes_and_gathers_the_trace(p):
    # Patch's TestParallelPointProcess.test_same_node_synapse, its Patch half (the NEURON
    # half runs in NETWORK_SCRIPT under real NEURON).
    import numpy as np

    sender = p.Section()
    sender.synapse(p.ExpSyn, attributes={"tau": 2}).stimulate(number=5, start=0, interval=10, weight=0.04, delay=1)
    p.ParallelCon(sender, 3033, threshold=-52, delay=1)
    receiver = p.Section()
    nc_recv = p.ParallelCon(3033, receiver.synapse(p.ExpSyn, attributes={"tau": 2}))
    with pytest.raises(RuntimeError):
        nc_recv.threshold = -20
    nc_recv.weight[0] = 0.04
    v = p.record(receiver(0.5)._ref_v)
    spt, spid = p.parallel.spike_record()
    p.parallel._warn_new_gids = False
    p.run(100)
    assert sorted(spid) == [3033]
    gathered = np.array(p.parallel.py_allgather(list(v)))
    assert gathered.shape[0] == 1 and gathered.shape[1] > 0
    assert np.ptp(gathered) > 0, "the receiver's synapse moved its v"
    assert p.parallel.py_broadcast({"x": 1}) == {"x": 1}
