"""h.units(name) on jpatch against real NEURON 9.0.2, for every variable of the built-in
mechanisms a script can name and for the simulator's own symbols."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REFERENCE_PYTHON = Path(os.environ["JPATCH_REFERENCE_PYTHON"])

NAMES = [
    "v", "L", "diam", "Ra", "cm", "i_cap", "area", "ri", "t", "dt", "celsius", "secondorder",
    "tstop", "v_init", "steps_per_ms",
    "gnabar_hh", "gkbar_hh", "gl_hh", "el_hh", "gna_hh", "gk_hh", "il_hh", "minf_hh", "hinf_hh",
    "ninf_hh", "mtau_hh", "htau_hh", "ntau_hh", "m_hh", "h_hh", "n_hh", "usetable_hh",
    "g_pas", "e_pas", "i_pas",
    "ena", "nai", "nao", "ina", "dina_dv_", "ek", "ki", "ko", "ik", "dik_dv_", "nai0_na_ion", "ko0_k_ion",
    "IClamp.del", "IClamp.dur", "IClamp.amp", "IClamp.i",
    "ExpSyn.tau", "ExpSyn.e", "ExpSyn.i", "ExpSyn.g",
    "Exp2Syn.tau1", "Exp2Syn.tau2", "Exp2Syn.e", "Exp2Syn.i", "Exp2Syn.g", "Exp2Syn.A", "Exp2Syn.B",
    "AlphaSynapse.onset", "AlphaSynapse.tau", "AlphaSynapse.gmax", "AlphaSynapse.e", "AlphaSynapse.i",
    "APCount.n", "APCount.thresh", "APCount.time", "APCount.firing",
    "SEClamp.rs", "SEClamp.dur1", "SEClamp.amp1", "SEClamp.i", "SEClamp.vc",
    "VClamp.gain", "VClamp.rstim", "VClamp.tau1", "VClamp.tau2", "VClamp.e0", "VClamp.vo0", "VClamp.vi0",
    "VClamp.fac", "VClamp.i", "VClamp.e", "VClamp.vo", "VClamp.vi",
    "NetStim.interval", "NetStim.number", "NetStim.start", "NetStim.noise",
    # no such symbol in NEURON: refused
    "tau", "amp", "foo", "tau_ExpSyn", "IClamp.delay", "hh.gnabar",
]

SCRIPT = """
import json, sys
from neuron import h
h.load_file("stdrun.hoc")
out = {}
for name in json.loads(sys.argv[1]):
    try:
        out[name] = h.units(name)
    except RuntimeError as e:
        out[name] = "RuntimeError: " + ("Cannot find the symbol" if "Cannot find the symbol for  " + name in str(e) else str(e))
print(json.dumps(out))
"""


def _units(python):
    done = subprocess.run(
        [str(python), "-c", SCRIPT, json.dumps(NAMES)],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, NEURON_MODULE_OPTIONS="-nogui"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.requires_neuron
@pytest.mark.skipif(not REFERENCE_PYTHON.exists(), reason="no reference venv with NEURON")
def test_units_are_neurons_for_every_builtin_variable():
    ours, theirs = _units(sys.executable), _units(REFERENCE_PYTHON)
    assert {n: ours[n] for n in NAMES if ours[n] != theirs[n]} == {}, {n: theirs[n] for n in NAMES if ours[n] != theirs[n]}


def test_units_refuses_a_name_that_is_not_a_string_at_the_call():
    from neuron import h

    with pytest.raises(RuntimeError, match="units argument 1 must be a str, got 2.0"):
        h.units(2.0)
    with pytest.raises(RuntimeError, match="Cannot find the symbol for  nosuch_thing"):
        h.units("nosuch_thing")
