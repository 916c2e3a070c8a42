"""The same Patch scripts under jpatch and under real NEURON + nrn-patch, each in its own
subprocess; every trace must agree to 1e-9 (mV, or the trace's own unit)."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

SCENARIOS = Path(__file__).parent / "scenarios"
REFERENCE_PYTHON = Path(os.environ["JPATCH_REFERENCE_PYTHON"])
TOLERANCE = 1e-9
# Geometry is derived, not integrated: it must agree to rounding.
RELATIVE_GEOMETRY_TOLERANCE = 1e-12
GEOMETRY = {"area", "ri", "diam", "L", "arc3d"}

CASES = [
    ("passive_iclamp", []),
    ("hh_soma_train", ["1"]),
    ("hh_soma_train", ["0"]),
    ("hh_axon", ["0", "1"]),
    ("hh_axon", ["2", "1"]),
    ("hh_axon", ["2", "0"]),
    ("branched_tree", ["1"]),
    ("branched_tree", ["0"]),
    ("pt3d_dendrite", []),
    ("play_iclamp_amp", ["0"]),
    ("play_iclamp_amp", ["1"]),
    ("reversed_child", ["1"]),
    ("reversed_child", ["0"]),
    ("nseg_change", []),
    ("synapse_network", []),
    ("vclamp_hh", []),
    ("iclamp_sequence", []),
    ("noisy_netstim", []),
    ("vclamp_apcount", []),
    ("continuerun_fractional", []),
    ("builtin_cells", []),
    ("extracellular_field", []),
]

pytestmark = [
    pytest.mark.requires_neuron,
    pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON"),
]


def _start(python, scenario, args, out):
    # Each run in its own process: a fresh simulator, and the two never share state.
    return subprocess.Popen(
        [str(python), str(SCENARIOS / f"{scenario}.py"), str(out), *args],
        cwd=SCENARIOS,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc, label):
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"{label} failed:\n{err[-3000:]}"


@pytest.mark.parametrize("scenario,args", CASES, ids=[f"{s}-{'-'.join(a)}" if a else s for s, a in CASES])
def test_traces_equal_neurons(scenario, args, tmp_path):
    ours_file, theirs_file = tmp_path / "jpatch.npz", tmp_path / "neuron.npz"
    ours = _start(sys.executable, scenario, args, ours_file)
    theirs = _start(REFERENCE_PYTHON, scenario, args, theirs_file)
    _finish(theirs, "NEURON + nrn-patch")
    _finish(ours, "jpatch")
    ours, theirs = np.load(ours_file), np.load(theirs_file)
    assert sorted(ours.files) == sorted(theirs.files)
    problems = []
    for name in sorted(theirs.files):
        a, b = ours[name], theirs[name]
        if a.shape != b.shape:
            problems.append(f"{name}: {a.shape[0]} samples, NEURON {b.shape[0]}")
            continue
        if name in GEOMETRY:
            worst = np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300), initial=0)
            if worst > RELATIVE_GEOMETRY_TOLERANCE:
                problems.append(f"{name}: relative difference {worst:.3g}")
        else:
            worst = np.max(np.abs(a - b), initial=0)
            if worst > TOLERANCE:
                at = int(np.argmax(np.abs(a - b)))
                problems.append(f"{name}: max |Δ| {worst:.3g} at sample {at} ({a[at]!r} vs {b[at]!r})")
    assert not problems, "\n".join(problems)
