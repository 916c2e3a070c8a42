"""p.parallel.nthread: NEURON's ParallelContext.nthread — one thread by default, two on
request with traces and spike times identical to one thread's, NEURON's refusals."""

import pytest


@pytest.fixture(autouse=True)
def one_thread_and_no_gids(p):
    # The thread count and the gid tables belong to the session's one simulation.
    p.parallel.gid_clear()
    celsius = p.celsius
    yield
    p.parallel.nthread(1)
    p.celsius = celsius


def run_twice(p, run):
    """What ``run`` returns with one thread and then with two, on the same model."""
    assert p.parallel.nthread(1) == 1
    one = run()
    assert p.parallel.nthread(2) == 2
    two = run()
    return one, two


def test_one_thread_by_default_and_the_count_reads_back(p):
    assert p.parallel.nthread() == 1
    assert p.parallel.nthread(2) == 2
    assert p.parallel.nthread() == 2
    assert p.parallel.nthread(1) == 1
    assert p.parallel.nthread() == 1


def test_count_is_truncated_and_serial_threads_report_their_count_as_neuron(p):
    assert p.parallel.nthread(2.9) == 2
    assert p.parallel.nthread(4, 0) == 4, "NEURON's serial threads: any count"
    assert p.parallel.nthread() == 4


@pytest.mark.parametrize("n", [0, -1, 0.5, 1e6])
def test_count_out_of_range_raises_neurons_runtime_error(p, n):
    p.parallel.nthread(2)
    with pytest.raises(RuntimeError, match="Arg out of range"):
        p.parallel.nthread(n)
    assert p.parallel.nthread() == 2, "a refused count changes nothing"


@pytest.mark.parametrize("n", ["2", None, [2]])
def test_count_that_is_no_number_raises_runtime_error(p, n):
    with pytest.raises(RuntimeError):
        p.parallel.nthread(n, 1)
    assert p.parallel.nthread() == 1


def test_parallel_threads_beyond_two_run_and_are_reported_as_set(p):
    # the step splits into two node ranges: a script asking for its machine's cores runs unchanged
    assert p.parallel.nthread(8) == 8
    assert p.parallel.nthread() == 8
    p.parallel.nthread(1)


# Both models have more than 4000 nodes: smaller ones stay on one thread whatever the count.


def test_cable_on_two_threads_gives_the_same_traces_as_on_one(p):
    p.celsius = 6.3  # hh spikes fully here (Patch's 32 degrees leave this cable's small)
    cable = p.Section(name="nthread_cable")
    cable.set_dimensions(2000, 2)
    cable.nseg = 5000
    cable.insert("hh")
    branch = p.Section(name="nthread_branch")
    branch.set_dimensions(100, 0.5)
    branch.nseg = 50
    branch.insert("pas")
    branch.connect(cable(0.7))
    clamp = p.IClamp(cable(0.0))
    clamp.delay, clamp.dur, clamp.amp = 0.5, 100, 0.4
    traces = [p.record(cable(x)._ref_v) for x in (0.0, 0.3, 0.7, 1.0)]
    traces.append(p.record(branch(1.0)._ref_v))
    traces.append(p.record(cable(0.3)._ref_m_hh))

    def run():
        p.finitialize(-65)
        p.continuerun(20)
        return [list(v) for v in traces]

    one, two = run_twice(p, run)
    assert max(one[3]) > 0, f"spikes reached the far end: {[max(v) for v in one]}"
    assert two == one


def test_network_on_two_threads_gives_the_same_spikes_and_traces_as_on_one(p):
    # A ring of 30 hh somas with 150-segment passive dendrites, wired by gid.
    cells = []
    for k in range(30):
        soma = p.Section(name=f"nthread_soma{k}")
        soma.set_dimensions(18, 18)
        soma.insert("hh")
        dend = p.Section(name=f"nthread_dend{k}")
        dend.set_dimensions(300, 1)
        dend.nseg = 150
        dend.insert("pas")
        dend.connect(soma)
        cells.append((soma, dend, soma.synapse(p.ExpSyn, attributes={"tau": 2})))
        p.ParallelCon(soma, 500 + k, threshold=-10)
    for k in range(30):
        p.ParallelCon(500 + k, cells[(k + 1) % 30][2], delay=1 + 0.1 * k, weight=0.1)
    stim = p.NetStim()
    stim.start, stim.number, stim.interval = 1, 3, 20
    p.NetCon(stim, cells[0][2], weight=0.1, delay=1)
    traces = [p.record(cells[k][0](0.5)._ref_v) for k in (0, 1, 15, 29)]
    traces.append(p.record(cells[1][1](0.2)._ref_v))
    times, gids = p.parallel.spike_record(list(range(500, 530)))

    def run():
        p.finitialize(-65)
        p.parallel.psolve(60)
        return list(times), list(gids), [list(v) for v in traces]

    one, two = run_twice(p, run)
    assert len(set(one[1])) > 5, f"the activity went round the ring: {one[1]}"
    assert two == one
