"""FUNCTION_TABLE values set from Python as in NEURON (``p.table_<function>_<suffix>``),
on the ftable.mod test file written for jpatch (tests-java resources): the same script's
traces under real NEURON (nrnivmodl's build) and under jpatch."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
FTABLE_MOD = REPO / "tests-java/src/test/resources/nmodl/methods/ftable.mod"
REFERENCE_PYTHON = pathlib.Path(os.environ["JPATCH_REFERENCE_PYTHON"])
NRNIVMODL = REFERENCE_PYTHON.parent / "nrnivmodl"

# The same script for both: argv[1] is what to load; h is NEURON's or jpatch's p.
SCRIPT = """
import json, sys
if sys.argv[2] == "neuron":
    from neuron import h
    h.nrn_load_dll(sys.argv[1])
else:
    from patch import p as h
    h.load_mechanisms(sys.argv[1])
s = h.Section(name="soma")
s.L = s.diam = 20
s.insert("ftab")
h.celsius = 32
h.dt = 0.025
taus = h.Vector([5, 4, 3, 1.5, 0.8, 1.2, 2.5, 4, 6, 7, 7.5, 8, 8, 8, 8, 8])
h.table_tauft_ftab(taus._ref_x[0], len(taus), -100, 50)
minf_v = h.Vector([-100, -80, -70, -62, -55, -50, -40, -20, 0, 40])
minf = h.Vector([0, 0.01, 0.05, 0.12, 0.3, 0.5, 0.8, 0.95, 0.99, 1])
h.table_minfft_ftab(minf, minf_v)
stim = h.IClamp(s(0.5))
stim.delay, stim.dur, stim.amp = 1, 5, 0.1
v = h.Vector().record(s(0.5)._ref_v)
m = h.Vector().record(s(0.5)._ref_m_ftab)
h.finitialize(-65)
while h.t < 10 - h.dt / 2:
    h.fadvance()
print(json.dumps({"v": list(v), "m": list(m)}))
"""


def _run(python, *args, cwd):
    done = subprocess.run([str(python), "-c", SCRIPT, *args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.requires_neuron
def test_function_tables_set_from_python_give_neurons_traces(tmp_path):
    if not NRNIVMODL.exists():
        pytest.skip("nrnivmodl of the reference NEURON is not installed")
    build = tmp_path / "build"
    build.mkdir()
    shutil.copy(FTABLE_MOD, build)
    built = subprocess.run([str(NRNIVMODL)], cwd=build, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    library = next(build.rglob("libnrnmech.so"))
    reference = _run(REFERENCE_PYTHON, str(library), "neuron", cwd=tmp_path)
    ours = _run(sys.executable, str(FTABLE_MOD), "jpatch", cwd=tmp_path)
    for trace in ("v", "m"):
        assert len(ours[trace]) == len(reference[trace]) == 401
        worst = max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(ours[trace], reference[trace]))
        assert worst <= 1e-9, f"{trace}: relative difference {worst:g}"
    assert max(ours["m"]) - min(ours["m"]) > 0.01, "the tables drive the state"


@pytest.fixture(scope="module")
def ftab(tmp_path_factory):
    from patch import p

    return p.load_mechanisms(FTABLE_MOD)


def test_a_table_takes_a_constant_and_refuses_arguments_of_the_wrong_kind(p, ftab):
    p.table_tauft_ftab(2.0)
    with pytest.raises(TypeError, match="table_tauft_ftab"):
        p.table_tauft_ftab("fast")
    with pytest.raises(TypeError, match="table_minfft_ftab"):
        p.table_minfft_ftab(p.Vector([1.0]), 3)


def test_a_grid_needing_more_values_than_the_vector_holds_is_an_index_error(p, ftab):
    with pytest.raises(IndexError, match="needs 16 values"):
        p.table_tauft_ftab(p.Vector([1.0, 2.0])._ref_x[0], 16, -100, 50)


def test_a_name_that_is_no_function_table_of_the_mechanism_raises_attribute_error(p, ftab):
    with pytest.raises(AttributeError, match="nosuch"):
        p.table_nosuch_ftab(1.0)
