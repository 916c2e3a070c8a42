"""Bad input under jpatch and under real NEURON + nrn-patch (scenarios/bad_input.py, each
side in its own subprocess): the same exception class, a message naming the bad value on
our side, the model unchanged and the session going on.

Where NEURON accepts a value that the project's rules call bad (cm <= 0, NaN diam, a
negative NetCon delay, dt <= 0) jpatch refuses it; the table says so case by case, and the
test checks that NEURON still accepts it, so the table cannot drift from the oracle.
gid reuse and unregistered gids are compared with NEURON in test_parallel.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIO = Path(__file__).parent / "scenarios" / "bad_input.py"
REFERENCE_PYTHON = Path(os.environ["JPATCH_REFERENCE_PYTHON"])

#: case: (what NEURON + nrn-patch raise (None: it accepts the value), what jpatch raises,
#: text our message must contain before its "(in: <call>)" suffix)
EXPECTED = {
    "L=0": ("ValueError", "ValueError", "got 0"),
    "L=-5": ("ValueError", "ValueError", "-5"),
    "L=nan": ("ValueError", "ValueError", "nan"),
    # NEURON's diam check is a hoc_execerror (RuntimeError); it then sets diam = 1e-6, we keep the old value
    "diam=0": ("RuntimeError", "RuntimeError", "got 0"),
    "diam=-5": ("RuntimeError", "RuntimeError", "-5"),
    "diam=nan": (None, "RuntimeError", "nan"),
    "Ra=0": ("ValueError", "ValueError", "got 0"),
    "Ra=-5": ("ValueError", "ValueError", "-5"),
    "Ra=nan": ("ValueError", "ValueError", "nan"),
    "cm=0": (None, "ValueError", "got 0"),
    "cm=-5": (None, "ValueError", "-5"),
    "cm=nan": (None, "ValueError", "nan"),
    "nseg=0": ("ValueError", "ValueError", "got 0"),
    "nseg=-2": ("ValueError", "ValueError", "-2"),
    "nseg=2.7": ("ValueError", "ValueError", "2.7"),
    "nseg=4.0": ("ValueError", "ValueError", "4.0"),
    "nseg=nan": ("ValueError", "ValueError", "nan"),
    "seg(1.5)": ("ValueError", "ValueError", "1.5"),
    "seg(-0.1)": ("ValueError", "ValueError", "-0.1"),
    "connect childx=0.5": ("ValueError", "ValueError", "0.5"),
    # NEURON takes the connect and refuses the loop at finitialize; jpatch refuses the connect itself
    "connect loop": ("RuntimeError", "RuntimeError", "loop_b"),
    "insert unknown": ("ValueError", "ValueError", "nosuchmech"),
    "section.nosuchattr": ("AttributeError", "AttributeError", "nosuchattr"),
    "segment.nosuchattr": ("AttributeError", "AttributeError", "nosuchattr"),
    "point_process.nosuchattr": ("AttributeError", "AttributeError", "nosuchattr"),
    "p.nosuchglobal": ("AttributeError", "AttributeError", "nosuchglobal"),
    "L='long'": ("ValueError", "ValueError", "long"),
    "diam=Section": ("ValueError", "ValueError", "num_other"),
    # a string where a number belongs: TypeError, but ValueError for section and segment variables
    "NetCon.delay='x'": ("TypeError", "TypeError", '"x"'),
    "ExpSyn.tau='x'": ("TypeError", "TypeError", '"x"'),
    "NetStim.number='x'": ("TypeError", "TypeError", '"x"'),
    "seg.v='x'": ("ValueError", "ValueError", '"x"'),
    "p.dt='x'": ("TypeError", "TypeError", '"x"'),
    "connect('soma')": ("TypeError", "TypeError", "'soma'"),
    "insert(3)": ("TypeError", "TypeError", "3"),
    # Patch: whatever NEURON's NetCon refuses and Patch's handlers do not name is a HocError
    "NetCon to IClamp": ("HocError", "HocError", "IClamp[0]"),
    # NEURON's Mechanism(x, sec=) refuses x with hoc_execerror; (sec(x) alone is a ValueError, above)
    "ExpSyn(1.5, sec=)": ("RuntimeError", "RuntimeError", "1.5"),
    "IClamp(1.5, sec=)": ("RuntimeError", "RuntimeError", "1.5"),
    "NetCon delay=-1": (None, "ValueError", "-1"),
    "dt=0": (None, "ValueError", "got 0"),
    "dt=-1": (None, "ValueError", "-1"),
    # nrn-patch's Vector wrapper is not subscriptable (TypeError); ours is a sequence, and
    # out of range raises IndexError as NEURON's v.x[i] does
    "vector[5]": ("TypeError", "IndexError", "5"),
    "vector[-4]": ("TypeError", "IndexError", "-4"),
    "vector.x[3]": ("IndexError", "IndexError", "3"),
    "vector.x[-1]": ("IndexError", "IndexError", "-1"),
    "vector.x[1.5]": ("IndexError", "IndexError", "1.5"),
    "vector.x[5] = 1": ("IndexError", "IndexError", "5"),
    "record(4)": ("HocRecordError", "HocRecordError", "4"),
    # NEURON's distance() refuses with hoc_execerror, whatever is wrong
    "distance without origin": ("RuntimeError", "RuntimeError", "origin"),
    "distance(3, 0.5)": ("RuntimeError", "RuntimeError", "got 3"),
    "distance(1.5)": ("RuntimeError", "RuntimeError", "1.5"),
    "distance(1, -1)": ("RuntimeError", "RuntimeError", "-1"),
    "distance('a')": ("RuntimeError", "RuntimeError", "'a'"),
}

pytestmark = [
    pytest.mark.requires_neuron,
    pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON"),
]


def _start(python):
    return subprocess.Popen(
        [str(python), str(SCENARIO), *EXPECTED],
        cwd=SCENARIO.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _reports(proc, label):
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"{label} failed:\n{err[-3000:]}"
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def reports():
    # Both sides at once: each is one process running every case in one session.
    ours, theirs = _start(sys.executable), _start(REFERENCE_PYTHON)
    return _reports(ours, "jpatch"), _reports(theirs, "NEURON + nrn-patch")


@pytest.mark.parametrize("case", list(EXPECTED))
def test_bad_input_raises_neurons_exception_and_changes_nothing(case, reports):
    ours, theirs = reports[0][case], reports[1][case]
    neuron_type, our_type, named = EXPECTED[case]
    assert theirs["type"] == neuron_type, f"NEURON + nrn-patch now: {theirs}"
    assert theirs["continues"]
    assert ours["type"] == our_type, ours
    own_message = ours["message"].split(" (in: ")[0]
    assert named.lower() in own_message.lower(), f"the message does not name {named!r}: {ours['message']}"
    assert ours["after"] == ours["before"], "the model changed"
    assert ours["continues"], "the session did not go on"
