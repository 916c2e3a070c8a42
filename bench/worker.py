"""One benchmark case on one simulator, in its own process; prints one JSON line.

    python bench/worker.py CASE IMPL

IMPL is `jpatch` (our `patch` package, in .venv), `neuron` (NEURON's own `h`, in
.venv-ref) or `patch` (real Patch over NEURON, in .venv-ref). The case code is written
once against the calls the three share, so every simulator does the same work. Each case
returns its timings and the numbers run.py compares across simulators.

JPATCH_BENCH_NTHREAD=n (default 1) runs the case on n threads (ParallelContext.nthread),
set before anything is built.
"""

import json
import os
import sys
import time


def simulator(impl):
    if impl == "neuron":
        from neuron import h

        h.load_file("stdrun.hoc")
        return h
    from patch import p

    return p


def use_threads(h, impl):
    """ParallelContext.nthread(n) when JPATCH_BENCH_NTHREAD asks for more than NEURON's one."""
    n = int(os.environ.get("JPATCH_BENCH_NTHREAD", "1"))
    if n > 1:
        context = h.ParallelContext() if impl == "neuron" else h.parallel
        context.nthread(n)


def peak_rss_kib(pid):
    """VmHWM of a process [KiB]: the peak resident set."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for pid {pid}")


def child_pids(pid):
    pids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as children:
            pids += [int(c) for c in children.read().split()]
    return pids


def recorder(h, ref):
    vector = h.Vector()
    vector.record(ref)
    return vector


def hh_cable(h, nseg):
    """One hh cable of `nseg` compartments with a current step near its start."""
    cable = h.Section(name="cable")
    cable.L = 5000  # [µm]
    cable.diam = 1  # [µm]
    cable.Ra = 100  # [Ω·cm]
    cable.nseg = nseg
    cable.insert("hh")
    stim = h.IClamp(0.001, sec=cable)
    stim.delay = 1  # [ms]
    stim.dur = 90  # [ms]
    stim.amp = 0.2  # [nA]
    return cable, stim


def run(h, tstop, v_init=-65.0):
    h.finitialize(v_init)
    h.continuerun(tstop)


def case_cable(h, impl):
    """B1 + B6: 10,001-compartment hh cable, 100 ms at dt 0.025; peak memory."""
    nseg = 10001
    h.celsius = 6.3
    h.dt = 0.025
    cable, stim = hh_cable(h, nseg)
    traces = [recorder(h, cable(x)._ref_v) for x in (0.1, 0.5, 0.9)]
    start = time.perf_counter()
    run(h, 100.0)
    seconds = time.perf_counter() - start
    steps = int(round(100.0 / 0.025))
    pids = [os.getpid()] + (child_pids(os.getpid()) if impl != "neuron" else [])
    peak_kib = sum(peak_rss_kib(pid) for pid in pids)
    return {
        "seconds": seconds,
        "compartment_steps_per_s": nseg * steps / seconds,
        "peak_rss_bytes_per_compartment": peak_kib * 1024 / nseg,
        "traces": [list(map(float, trace)) for trace in traces],
    }


def case_recordings(h, impl):
    """B4: 200 traces x 40,001 samples recorded, then all of them as numpy arrays."""
    import numpy as np

    h.celsius = 6.3
    h.dt = 0.025
    cells = []
    for i in range(200):
        soma = h.Section(name=f"soma{i}")
        soma.L = soma.diam = 10
        soma.insert("pas")
        cells.append(soma)
    traces = [recorder(h, soma(0.5)._ref_v) for soma in cells]
    run(h, 1000.0)
    start = time.perf_counter()
    arrays = [vector.as_numpy() for vector in traces]
    as_numpy_seconds = time.perf_counter() - start
    nbytes = sum(array.nbytes for array in arrays)
    result = {
        "samples": int(arrays[0].size),
        "as_numpy_seconds": as_numpy_seconds,
        "as_numpy_gb_per_s": nbytes / as_numpy_seconds / 1e9,
        "checksum": float(sum(float(np.sum(a)) for a in arrays)),
    }
    start = time.perf_counter()
    lists = [list(vector) for vector in traces[:20]]
    list_seconds = time.perf_counter() - start
    result["list_gb_per_s"] = sum(len(values) for values in lists) * 8 / list_seconds / 1e9
    return result


def case_cold_start(impl):
    """B5: import + first Section, timed from before the import."""
    start = time.perf_counter()
    h = simulator(impl)
    section = h.Section(name="first")
    section.L  # a read: the section exists in the simulator, not only in a queue
    return {"seconds": time.perf_counter() - start}


def watch(h, impl, section, x, target):
    """A NetCon from section(x).v: Patch takes the segment, NEURON a pointer with sec=."""
    if impl == "neuron":
        return h.NetCon(section(x)._ref_v, target, sec=section)
    return h.NetCon(section(x), target)


def ball_and_stick(h, parents, nsegs):
    """ringtest's B_BallStick (cell.hoc): hh soma, hh+pas dendrite tree, two ExpSyns."""
    soma = h.Section(name="soma")
    dends = [h.Section(name=f"dend{i}") for i in range(len(parents))]
    dends[0].connect(soma, 1, 0)
    for i in range(1, len(dends)):
        dends[i].connect(dends[parents[i]], 1, 0)
    for dend, nseg in zip(dends, nsegs):
        dend.nseg = nseg
    soma.pt3dadd(0, 0, 0, 1)
    soma.pt3dadd(15, 0, 0, 1)
    dends[0].pt3dadd(15, 0, 0, 1)
    dends[0].pt3dadd(105, 0, 0, 1)
    soma.L = soma.diam = 12.6157
    dends[0].L, dends[0].diam = 200, 1
    for dend in dends[1:]:
        dend.L, dend.diam = 10, 1
    for section in [soma] + dends:
        section.Ra = 100
        section.cm = 1
    soma.insert("hh")
    soma.gnabar_hh, soma.gkbar_hh, soma.gl_hh, soma.el_hh = 0.12, 0.036, 0.0003, -54.3
    for dend in dends:
        dend.insert("pas")
        dend.g_pas, dend.e_pas = 0.001, -65
        dend.insert("hh")
    excitatory = h.ExpSyn(dends[0](0.8))
    excitatory.tau = 2
    inhibitory = h.ExpSyn(dends[0](0.1))
    inhibitory.tau, inhibitory.e = 5, -80
    return soma, dends, [excitatory, inhibitory]


def wire_rings(h, impl, cells, ncell, nring, spikes, weight=0.01):
    """Each cell excites the next of its ring; a NetStim starts every ring."""
    keep = []
    for ring in range(nring):
        for i in range(ncell):
            soma = cells[ring * ncell + i][0]
            target = cells[ring * ncell + (i + 1) % ncell][2][0]
            netcon = watch(h, impl, soma, 1, target)
            netcon.threshold, netcon.delay, netcon.weight[0] = 10, 1, weight
            times = h.Vector()
            netcon.record(times)
            spikes.append(times)
            keep.append(netcon)
        stim = h.NetStim()
        stim.number, stim.start = 1, 0
        kick = h.NetCon(stim, cells[ring * ncell][2][0])
        kick.delay, kick.weight[0] = 1, weight
        keep += [stim, kick]
    return keep


def case_ringtest(h, impl):
    """B2: neuronsimulator/ringtest at its defaults, 100 ms; spike times per cell."""
    with open(os.environ["JPATCH_BENCH_RING"]) as f:
        topology = json.load(f)
    h.celsius = 6.3
    h.dt = 0.025
    cells = [ball_and_stick(h, parents, nsegs) for parents, nsegs in topology["cells"]]
    spikes = []
    keep = wire_rings(h, impl, cells, topology["ncell"], topology["nring"], spikes)
    start = time.perf_counter()
    run(h, 100.0)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "spikes": [list(map(float, s)) for s in spikes], "objects": len(keep)}


def soma_with_dendrites(h, ndend=10, nseg=5):
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20
    soma.insert("hh")
    dends = []
    for j in range(ndend):
        dend = h.Section(name=f"dend{j}")
        dend.L, dend.diam, dend.nseg = 200, 1, nseg
        dend.insert("pas")
        for seg in dend:
            seg.g_pas = 0.0001 * (1 + seg.x)
        dend.connect(soma, 1, 0)
        dends.append(dend)
    synapse = h.ExpSyn(soma(0.5))
    synapse.tau = 2
    return soma, dends, [synapse]


def case_hh_ring(h, impl):
    """B2: a ring of 200 hh somas with 10 pas dendrites each, 100 ms."""
    h.celsius = 6.3
    h.dt = 0.025
    cells = [soma_with_dendrites(h) for _ in range(200)]
    spikes = []
    keep = wire_rings(h, impl, cells, 200, 1, spikes, weight=0.05)
    for cell in cells:
        keep.append(cell)
    start = time.perf_counter()
    run(h, 100.0)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "spikes": [list(map(float, s)) for s in spikes]}


def case_build(h, impl):
    """B3: 1,000 cells of 11 sections, an ExpSyn and a NetCon each, built from Python."""
    start = time.perf_counter()
    cells, netcons = [], []
    for i in range(1000):
        cell = soma_with_dendrites(h)
        cells.append(cell)
        netcon = watch(h, impl, cell[0], 0.5, None if i == 0 else cells[i - 1][2][0])
        netcon.weight[0], netcon.delay, netcon.threshold = 0.01, 1, -20
        netcons.append(netcon)
    # a read: every queued command has reached the simulator
    total_area = cells[-1][1][-1](0.9).area()
    return {"seconds": time.perf_counter() - start, "area": total_area}


CASES = {
    "cable": case_cable,
    "recordings": case_recordings,
    "ringtest": case_ringtest,
    "hh_ring": case_hh_ring,
    "build": case_build,
}


def main():
    case, impl = sys.argv[1], sys.argv[2]
    if case == "cold_start":
        result = case_cold_start(impl)
    else:
        h = simulator(impl)
        use_threads(h, impl)
        result = CASES[case](h, impl)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
