"""p.distance in all of NEURON's forms on a branched tree (scenarios/path_distance.py),
under jpatch and under real NEURON + nrn-patch, each in its own subprocess: every value
equal to 1e-12 relative (1e20 between trees, as NEURON)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIO = Path(__file__).parent / "scenarios" / "path_distance.py"
REFERENCE_PYTHON = Path(os.environ["JPATCH_REFERENCE_PYTHON"])
RELATIVE_TOLERANCE = 1e-12

pytestmark = [
    pytest.mark.requires_neuron,
    pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON"),
]


def _start(python):
    return subprocess.Popen(
        [str(python), str(SCENARIO)], cwd=SCENARIO.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _values(proc, label):
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"{label} failed:\n{err[-3000:]}"
    return json.loads(out.strip().splitlines()[-1])


def test_path_distances_equal_neurons():
    ours, theirs = _start(sys.executable), _start(REFERENCE_PYTHON)
    ours, theirs = _values(ours, "jpatch"), _values(theirs, "NEURON + nrn-patch")
    assert sorted(ours) == sorted(theirs)
    problems = []
    for form, expected in theirs.items():
        got = ours[form]
        assert len(got) == len(expected), form
        for i, (a, b) in enumerate(zip(got, expected)):
            if abs(a - b) > RELATIVE_TOLERANCE * abs(b):
                problems.append(f"{form}[{i}]: {a}, NEURON {b}")
    assert not problems, "\n".join(problems[:20])
    # The scenario reaches both special values: a second tree, and distances of 0.
    assert 1e20 in theirs["between"] and 0.0 in theirs["between"]
