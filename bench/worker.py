"""One benchmark case on one simulator, in its own process; prints one JSON line.

    python bench/worker.py CASE IMPL

IMPL is `jpatch` (our `patch` package, in .venv), `neuron` (NEURON's own `h`, in
.venv-ref) or `patch` (real Patch over NEURON, in .venv-ref). The case code is written
once against the calls the three share, so every simulator does the same work. Each case
returns its timings and the numbers run.py compares across simulators.
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


CASES = {"cable": case_cable, "recordings": case_recordings}


def main():
    case, impl = sys.argv[1], sys.argv[2]
    if case == "cold_start":
        result = case_cold_start(impl)
    else:
        result = CASES[case](simulator(impl), impl)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
