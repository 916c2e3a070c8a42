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


# B7: a Golgi-cell-like model as dbbs-models builds one from the dbbs-catalogue 6.0.1
# mechanisms: (region, [(mechanism, {parameter: value})]); sections named after regions.
GOLGI_MECHANISMS = {
    "soma": [
        ("Leak__0", {"gmax": 3e-5, "e": -55}), ("Nav1_6__0", {"gbar": 0.048}),
        ("Kv1_1__0", {"gbar": 0.01}), ("Kv3_4__0", {"gkbar": 0.032}), ("Kv4_3__0", {"gkbar": 0.008}),
        ("Kca1_1__0", {"gbar": 0.003}), ("Kca3_1__0", {"gkbar": 4e-4}), ("Cav2_2__0", {"gcanbar": 9e-4}),
        ("Cav3_1__0", {}), ("Km__granule_cell", {"gkbar": 0.001}), ("cdp5__CAM_GoC", {}),
    ],
    "dendrite": [
        ("Leak__0", {"gmax": 3e-5, "e": -55}), ("Nav1_6__0", {"gbar": 0.016}),
        ("Kca1_1__0", {"gbar": 0.018}), ("Kca2_2__0", {"gkbar": 0.001}), ("Cav2_2__0", {"gcanbar": 9e-4}),
        ("Cav2_3__0", {"gcabar": 1e-4}), ("Cav3_1__0", {}), ("cdp5__CAM_GoC", {}),
    ],
    "axon": [
        ("Leak__0", {"gmax": 3e-5, "e": -55}), ("Nav1_6__0", {"gbar": 0.1}), ("Kv3_4__0", {"gkbar": 0.09}),
        ("HCN1__golgi", {"gbar": 1e-4}), ("HCN2__0", {"gbar": 1e-4}), ("Kv7__0", {}),
    ],
}
GOLGI_MOD_FILES = sorted({name + ".mod" for region in GOLGI_MECHANISMS.values() for name, _ in region})


def golgi_tree(h, name, parent, length, diam, depth, sections):
    """A dendrite that forks in two `depth` times, each child 0.8 as long and 0.7 as thick."""
    section = h.Section(name=f"{name}{len(sections)}")
    section.L, section.diam = length, diam  # [µm]
    section.nseg = 1 + 2 * int(length / 20)  # odd, one segment per ~20 µm
    section.connect(parent, 1, 0)
    sections.append(section)
    if depth > 0:
        for _ in range(2):
            golgi_tree(h, name, section, length * 0.8, diam * 0.7, depth - 1, sections)
    return sections


def golgi_cell(h):
    """Soma, 3 basal dendrites forking 3 times, 2 apical ones forking 4 times, an axon of
    a hillock, an initial segment and 1 mm of axon: 120 sections, 580 segments."""
    soma = h.Section(name="soma")
    soma.L = soma.diam = 27  # [µm]
    regions = {"soma": [soma], "dendrite": [], "axon": []}
    for _ in range(3):
        golgi_tree(h, "basal", soma, 60, 2.5, 3, regions["dendrite"])
    for _ in range(2):
        golgi_tree(h, "apical", soma, 110, 3, 4, regions["dendrite"])
    parent = soma
    for i, (length, diam, nseg) in enumerate([(10, 2.0, 5), (20, 1.0, 11)] + [(100, 0.8, 5)] * 10):
        axon = h.Section(name=f"axon{i}")
        axon.L, axon.diam, axon.nseg = length, diam, nseg  # [µm]
        axon.connect(parent, 0 if parent is soma else 1, 0)
        regions["axon"].append(axon)
        parent = axon
    for region, sections in regions.items():
        for section in sections:
            section.Ra, section.cm = 122, 1  # [Ω·cm], [µF/cm²]
            for mod, parameters in GOLGI_MECHANISMS[region]:
                mechanism = "glia__dbbs__" + mod
                section.insert(mechanism)
                for parameter, value in parameters.items():
                    setattr(section, f"{parameter}_{mechanism}", value)
    return regions


def load_golgi_mechanisms(h, impl):
    """NEURON: the library run.py built with nrnivmodl; jpatch: the same files, compiled in process."""
    if impl == "neuron":
        h.nrn_load_dll(os.environ["JPATCH_BENCH_GOLGI_LIBRARY"])
        return
    # One load per file in nrnivmodl's (alphabetical) order: the engine orders the sweeps
    # as NEURON does after loading (concentration writers first), whatever the load order.
    mods = os.environ["JPATCH_BENCH_GOLGI_MODS"]
    for name in GOLGI_MOD_FILES:
        h.load_mechanisms(os.path.join(mods, name))


def case_golgi(h, impl):
    """B7: the Golgi-cell-like model, a 0.2 nA step from 100 ms, JPATCH_BENCH_TSTOP ms (500)."""
    tstop = float(os.environ.get("JPATCH_BENCH_TSTOP", "500"))  # [ms]
    load_golgi_mechanisms(h, impl)
    h.celsius = 32  # [°C]
    h.dt = 0.025  # [ms]
    regions = golgi_cell(h)
    soma, tip, axon = regions["soma"][0], regions["dendrite"][-1], regions["axon"][-1]
    stim = h.IClamp(soma(0.5))
    stim.delay, stim.dur, stim.amp = 100, 1e9, 0.2  # [ms], [ms], [nA]
    traces = [recorder(h, section(0.5)._ref_v) for section in (soma, tip, axon)]
    start = time.perf_counter()
    run(h, tstop, v_init=-65.0)
    seconds = time.perf_counter() - start
    nseg = sum(section.nseg for sections in regions.values() for section in sections)
    return {
        "seconds": seconds,
        "segments": nseg,
        "traces": [list(map(float, trace)) for trace in traces],
    }


CASES = {
    "cable": case_cable,
    "recordings": case_recordings,
    "ringtest": case_ringtest,
    "hh_ring": case_hh_ring,
    "build": case_build,
    "golgi": case_golgi,
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
