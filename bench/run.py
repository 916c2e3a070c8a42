"""jpatch side by side with NEURON: one command, a table of ratios.

    .venv/bin/python bench/run.py [--repeat N] [--only B1-B6 | --only B7] [--tstop MS]

Runs each case on jpatch (.venv) and on its peer (.venv-ref: NEURON's own `h`, or real
Patch over NEURON), alternating A B A B, each run in a fresh process, and prints medians
and ratios (jpatch / peer: below 1 means jpatch is faster). Exits non-zero when jpatch's
numbers disagree with NEURON's: a fast wrong answer is not a result.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import worker  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = {
    "jpatch": ROOT / ".venv" / "bin" / "python",
    "neuron": ROOT / ".venv-ref" / "bin" / "python",
    "patch": ROOT / ".venv-ref" / "bin" / "python",
}
WORKER = Path(__file__).resolve().parent / "worker.py"
TRACE_TOLERANCE = 1e-9  # [mV]
SPIKE_TOLERANCE = 1e-9  # [ms]


def run_worker(case, impl, extra_env=None):
    env = dict(os.environ, NEURON_MODULE_OPTIONS="-nogui", **(extra_env or {}))
    done = subprocess.run(
        [str(PYTHONS[impl]), str(WORKER), case, impl],
        capture_output=True, text=True, env=env, cwd=str(ROOT),
    )
    if done.returncode != 0:
        sys.exit(f"bench: {case} on {impl} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def alternate(case, impls, repeat, extra_env=None):
    """{impl: [result, ...]} from runs in the order A B A B ..."""
    results = {impl: [] for impl in impls}
    for _ in range(repeat):
        for impl in impls:
            results[impl].append(run_worker(case, impl, extra_env))
    return results


def median(results, key):
    return statistics.median(result[key] for result in results)


def check_traces(ours, theirs, what):
    for i, (a, b) in enumerate(zip(ours["traces"], theirs["traces"])):
        if len(a) != len(b):
            sys.exit(f"bench: {what} trace {i}: {len(a)} samples on jpatch, {len(b)} on NEURON")
        worst = max(abs(x - y) for x, y in zip(a, b))
        if not worst <= TRACE_TOLERANCE:
            sys.exit(f"bench: {what} trace {i} differs from NEURON by {worst:.3g} mV")


def check_spikes(ours, theirs, what):
    a, b = ours["spikes"], theirs["spikes"]
    if [len(x) for x in a] != [len(x) for x in b]:
        sys.exit(f"bench: {what}: spike counts differ from NEURON's")
    worst = max((abs(x - y) for xs, ys in zip(a, b) for x, y in zip(xs, ys)), default=0.0)
    if not worst <= SPIKE_TOLERANCE:
        sys.exit(f"bench: {what}: spike times differ from NEURON's by {worst:.3g} ms")
    return sum(len(x) for x in a)


def ring_topology():
    """ringtest's random cell shapes, drawn by NEURON itself (see ring_topology.py)."""
    done = subprocess.run(
        [str(PYTHONS["neuron"]), str(Path(__file__).resolve().parent / "ring_topology.py")],
        capture_output=True, text=True, check=True,
        env=dict(os.environ, NEURON_MODULE_OPTIONS="-nogui"),
    )
    handle, path = tempfile.mkstemp(prefix="jpatch-bench-ring-", suffix=".json")
    with os.fdopen(handle, "w") as f:
        f.write(done.stdout.strip().splitlines()[-1])
    return path


def golgi_library(directory):
    """nrnivmodl's build of the Golgi case's .mod files (as tools/test.sh installs dbbs-catalogue
    6.0.1) in `directory`: the library NEURON loads; jpatch compiles the same copies."""
    mods = ROOT / ".venv-ref" / "mods" / "dbbs_catalogue" / "mods" / "neuron"
    for name in worker.GOLGI_MOD_FILES:
        shutil.copy(mods / name, directory)
    built = subprocess.run([str(ROOT / ".venv-ref" / "bin" / "nrnivmodl")], cwd=directory, capture_output=True,
                           text=True)
    if built.returncode != 0:
        sys.exit(f"bench: nrnivmodl failed for the Golgi case:\n{built.stdout[-2000:]}{built.stderr[-2000:]}")
    return next(Path(directory).rglob("libnrnmech.so"))


def golgi_rows(repeat, tstop):
    with tempfile.TemporaryDirectory(prefix="jpatch-bench-golgi-") as directory:
        env = {
            "JPATCH_BENCH_GOLGI_LIBRARY": str(golgi_library(directory)),
            "JPATCH_BENCH_GOLGI_MODS": directory,
            "JPATCH_BENCH_TSTOP": str(tstop),
        }
        golgi = alternate("golgi", ["jpatch", "neuron"], repeat, env)
    check_traces(golgi["jpatch"][0], golgi["neuron"][0], "B7 Golgi cell")
    ours, theirs = median(golgi["jpatch"], "seconds"), median(golgi["neuron"], "seconds")
    segments = golgi["jpatch"][0]["segments"]
    return [(f"B7 Golgi cell {segments} seg, {tstop:g} ms [s]", ours, theirs, ours / theirs, "<= 1.0")]


def machine():
    model = ""
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    neuron = subprocess.run(
        [str(PYTHONS["neuron"]), "-c", "import neuron; print(neuron.__version__)"],
        capture_output=True, text=True, env=dict(os.environ, NEURON_MODULE_OPTIONS="-nogui"),
    ).stdout.strip().splitlines()[-1]
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {java}; NEURON {neuron}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per simulator and case")
    parser.add_argument("--only", choices=["B1-B6", "B7"], help="run these cases alone")
    parser.add_argument("--tstop", type=float, default=500.0, help="B7's simulated time [ms] (shorter: quick runs)")
    args = parser.parse_args()
    rows = []  # (benchmark, jpatch figure, peer figure, ratio, target)
    if args.only != "B7":
        rows += hh_and_build_rows(args.repeat)
    if args.only != "B1-B6":
        rows += golgi_rows(args.repeat, args.tstop)

    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    print(f"medians of {args.repeat} alternating runs; ratio = jpatch cost / peer cost (< 1: jpatch faster)")
    print(f"{'benchmark':42} {'jpatch':>10} {'peer':>10} {'ratio':>7}  target")
    for name, ours, theirs, ratio, target in rows:
        shown = f"{ratio:7.2f}" if ratio is not None else " " * 7
        print(f"{name:42} {ours:10.3f} {theirs:10.3f} {shown}  {target}")


def hh_and_build_rows(repeat):
    """B1-B6: hh cables and rings, model building, recordings, start-up."""
    rows = []

    cable = alternate("cable", ["jpatch", "neuron"], repeat)
    check_traces(cable["jpatch"][0], cable["neuron"][0], "B1 cable")
    ours, theirs = median(cable["jpatch"], "seconds"), median(cable["neuron"], "seconds")
    rows.append(("B1 hh cable 10,001 comp, 100 ms [s]", ours, theirs, ours / theirs, "<= 0.5"))
    rows.append((
        "B1 compartment-steps/s [M]",
        median(cable["jpatch"], "compartment_steps_per_s") / 1e6,
        median(cable["neuron"], "compartment_steps_per_s") / 1e6, None, "",
    ))
    ours = median(cable["jpatch"], "peak_rss_bytes_per_compartment")
    theirs = median(cable["neuron"], "peak_rss_bytes_per_compartment")
    rows.append(("B6 peak RSS per compartment [KiB]", ours / 1024, theirs / 1024, ours / theirs, "<= 1"))

    os.environ["JPATCH_BENCH_RING"] = path = ring_topology()
    try:
        ring = alternate("ringtest", ["jpatch", "neuron"], repeat)
        ring2 = alternate("ringtest", ["jpatch", "neuron"], repeat, {"JPATCH_BENCH_NTHREAD": "2"})
    finally:
        os.unlink(path)
    count = check_spikes(ring["jpatch"][0], ring["neuron"][0], "B2 ringtest")
    ours, theirs = median(ring["jpatch"], "seconds"), median(ring["neuron"], "seconds")
    rows.append((f"B2 ringtest 128 cells, {count} spikes [s]", ours, theirs, ours / theirs, "<= 0.5"))
    check_spikes(ring2["jpatch"][0], ring["neuron"][0], "B2 ringtest on two threads")
    check_spikes(ring2["neuron"][0], ring["neuron"][0], "B2 ringtest, NEURON on two threads")
    ours, theirs = median(ring2["jpatch"], "seconds"), median(ring2["neuron"], "seconds")
    rows.append(("B2 ringtest, both on 2 threads [s]", ours, theirs, ours / theirs, "<= 0.3"))
    ring = alternate("hh_ring", ["jpatch", "neuron"], repeat)
    count = check_spikes(ring["jpatch"][0], ring["neuron"][0], "B2 hh ring")
    ours, theirs = median(ring["jpatch"], "seconds"), median(ring["neuron"], "seconds")
    rows.append((f"B2 ring of 200 hh cells, {count} spikes [s]", ours, theirs, ours / theirs, "<= 0.5"))

    build = alternate("build", ["jpatch", "neuron", "patch"], repeat)
    ours = median(build["jpatch"], "seconds")
    rows.append(("B3 build 1,000 cells vs NEURON [s]", ours, median(build["neuron"], "seconds"),
                 ours / median(build["neuron"], "seconds"), "<= 2"))
    rows.append(("B3 build 1,000 cells vs real Patch [s]", ours, median(build["patch"], "seconds"),
                 ours / median(build["patch"], "seconds"), ""))

    recordings = alternate("recordings", ["jpatch", "neuron"], repeat)
    if recordings["jpatch"][0]["checksum"] != recordings["neuron"][0]["checksum"]:
        a, b = recordings["jpatch"][0]["checksum"], recordings["neuron"][0]["checksum"]
        if abs(a - b) > TRACE_TOLERANCE * 200 * recordings["jpatch"][0]["samples"]:
            sys.exit(f"bench: B4 recordings differ from NEURON (sums {a!r} vs {b!r})")
    ours = median(recordings["jpatch"], "as_numpy_gb_per_s")
    theirs = median(recordings["neuron"], "as_numpy_gb_per_s")
    rows.append(("B4 200x40,001 samples as numpy [GB/s]", ours, theirs, theirs / ours, ">= 5 GB/s"))
    ours = median(recordings["jpatch"], "list_gb_per_s")
    theirs = median(recordings["neuron"], "list_gb_per_s")
    rows.append(("B4 list(v) [GB/s]", ours, theirs, theirs / ours, ""))

    cold = alternate("cold_start", ["jpatch", "neuron"], max(repeat, 5))
    ours, theirs = median(cold["jpatch"], "seconds"), median(cold["neuron"], "seconds")
    rows.append(("B5 import + first Section [s]", ours, theirs, ours / theirs, "<= 1.5 s"))

    return rows


if __name__ == "__main__":
    main()
