"""Acceptance (issue 6): Patch + glia code runs unchanged on jpatch with dbbs-catalogue,
a glia package no one here wrote.

dbbs-catalogue 6.0.1 is installed at test time with ``pip install --no-deps --target`` into
a temporary folder (its dependency nmodl-glia would bring real NEURON and a second `glia`
into .venv), and the scripts run in subprocesses with that folder on PYTHONPATH, where
our glia discovers it through its ``glia.package`` entry point.

The script's traces are compared with real NEURON 9.0.2 + nrn-patch running the same
protocol on the same .mod files compiled by nrnivmodl (in .venv-ref)."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow

REPO = pathlib.Path(__file__).resolve().parents[1]
REFERENCE_PYTHON = REPO / ".venv-ref/bin/python"
NRNIVMODL = REPO / ".venv-ref/bin/nrnivmodl"

# What a glia user writes: a soma with the catalogue's leak and Kv1.1 channel, a current
# step, and a synapse of the catalogue driven by a NetStim.
GLIA_SCRIPT = """
import json
import glia
from patch import p

soma = p.Section()
soma.L = soma.diam = 20
glia.insert(soma, "Leak")
kv = glia.insert(soma, "Kv1_1", attributes={"gbar": 0.01})
synapse = glia.insert(soma, "GABA", "biexp", x=0.5)
stimulus = p.NetStim()
stimulus.start, stimulus.number, stimulus.interval = 5, 3, 10
connection = p.NetCon(stimulus, synapse)
connection.weight[0] = 1
clamp = soma.iclamp(x=0.5, delay=20, duration=20, amplitude=0.2)
v = soma.record()
ik = kv.record("ik")
i_syn = p.record(synapse.__neuron__()._ref_i)
p.finitialize(-65)
p.continuerun(50)
print(json.dumps({
    "names": [glia.resolve("Leak"), glia.resolve("Kv1_1"), glia.resolve("GABA", variant="biexp")],
    "v": list(v), "ik": list(ik), "i_syn": list(i_syn),
}))
"""

# The same protocol for real NEURON, by the simulator names glia resolves to.
REFERENCE_SCRIPT = """
import json, sys
from patch import p

p.nrn_load_dll(sys.argv[1])
soma = p.Section()
soma.L = soma.diam = 20
soma.insert("glia__dbbs__Leak__0")
soma.insert("glia__dbbs__Kv1_1__0")
soma.gbar_glia__dbbs__Kv1_1__0 = 0.01
synapse = p.glia__dbbs__GABA__biexp(soma(0.5))
stimulus = p.NetStim()
stimulus.start, stimulus.number, stimulus.interval = 5, 3, 10
connection = p.NetCon(stimulus, synapse)
connection.weight[0] = 1
clamp = soma.iclamp(x=0.5, delay=20, duration=20, amplitude=0.2)
v = soma.record()
ik = p.record(soma(0.5)._ref_ik_glia__dbbs__Kv1_1__0)
i_syn = p.record(synapse._ref_i)
p.finitialize(-65)
p.continuerun(50)
print(json.dumps({"v": list(v), "ik": list(ik), "i_syn": list(i_syn)}))
"""

REFERENCE_MODS = ["Leak__0.mod", "Kv1_1__0.mod", "GABA__biexp.mod"]


@pytest.fixture(scope="module")
def catalogue_site(tmp_path_factory):
    target = tmp_path_factory.mktemp("dbbs_site")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), "dbbs-catalogue==6.0.1"],
        capture_output=True,
        text=True,
    )
    if installed.returncode != 0:
        pytest.skip(f"dbbs-catalogue 6.0.1 could not be installed: {installed.stderr.strip()[-300:]}")
    return target


def _run(python, script, catalogue_site, *args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(catalogue_site))
    done = subprocess.run(
        [str(python), "-c", textwrap.dedent(script), *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_a_patch_glia_script_with_the_dbbs_catalogue_runs_on_jpatch(catalogue_site):
    result, stderr = _run(sys.executable, GLIA_SCRIPT, catalogue_site)
    assert result["names"] == ["glia__dbbs__Leak__0", "glia__dbbs__Kv1_1__0", "glia__dbbs__GABA__biexp"]
    v = result["v"]
    assert len(v) == 50 / 0.025 + 1
    # The step depolarises the cell and Kv1.1 answers with an outward current.
    assert max(v[801:1600]) > v[799] + 1
    assert max(result["ik"]) > 0
    # The synapse conducts only once the first NetStim event (t = 5 ms) arrives
    # through the NetCon (delay 1 ms).
    i_syn = result["i_syn"]
    assert all(i == 0 for i in i_syn[:240]) and min(i_syn[241:400]) < 0
    # Every catalogue file translates: glia has nothing to warn about (its warning for
    # a file that does not is tested in test_glia.py).
    assert "could not be compiled" not in stderr


@pytest.mark.requires_neuron
def test_the_glia_script_traces_equal_neuron_on_the_same_catalogue_files(catalogue_site, tmp_path):
    if not NRNIVMODL.exists():
        pytest.skip("nrnivmodl of .venv-ref (real NEURON) is not installed")
    mods = catalogue_site / "dbbs_catalogue/mods/neuron"
    for name in REFERENCE_MODS:
        shutil.copy(mods / name, tmp_path)
    built = subprocess.run([str(NRNIVMODL)], cwd=tmp_path, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    library = next(tmp_path.rglob("libnrnmech.so"))
    # Real NEURON + nrn-patch, no glia; run elsewhere than the build folder, whose
    # x86_64/ NEURON would load by itself at import.
    elsewhere = tmp_path / "run"
    elsewhere.mkdir()
    reference, _ = _run(REFERENCE_PYTHON, REFERENCE_SCRIPT, elsewhere, str(library), cwd=elsewhere)
    ours, _ = _run(sys.executable, GLIA_SCRIPT, catalogue_site)
    for trace in ("v", "ik", "i_syn"):
        assert len(ours[trace]) == len(reference[trace])
        worst = max(abs(a - b) for a, b in zip(ours[trace], reference[trace]))
        assert worst <= 1e-9, f"{trace}: largest difference from NEURON {worst:g}"


def test_the_catalogues_ampa_synapse_is_inserted_and_driven_by_a_netstim(catalogue_site):
    script = """
    import json
    import glia
    from patch import p

    soma = p.Section()
    soma.L = soma.diam = 20
    synapse = glia.insert(soma, "AMPA")
    stimulus = p.NetStim()
    stimulus.start, stimulus.number = 2, 1
    p.NetCon(stimulus, synapse).weight[0] = 1
    v = soma.record()
    p.finitialize(-65)
    p.continuerun(10)
    print(json.dumps({"v": list(v)}))
    """
    result, _ = _run(sys.executable, script, catalogue_site)
    assert max(result["v"]) > -65


EVERY_ASSET_SCRIPT = """
import json, math
import glia
from patch import p

try:
    glia.compile()
    refused = ""
except glia.CompileError as error:
    refused = str(error)
outcomes = {}
for mod in glia.package("dbbs").get_mods(dialect="neuron"):
    soma = p.Section()
    soma.L = soma.diam = 20
    try:
        inserted = glia.insert(soma, mod.asset_name, mod.variant, "dbbs")
        if mod.asset_name == "gap_junction" and mod.variant == "0":
            # its POINTER vgap must name a voltage before a run (NEURON crashes otherwise): here its own
            p.setpointer(soma(0.5)._ref_v, "vgap", inserted)
        v = soma.record()
        p.finitialize(-65)
        p.continuerun(5)
        outcomes[mod.mod_name] = "ran" if all(math.isfinite(x) for x in v) else "not finite"
    except glia.CompileError:
        outcomes[mod.mod_name] = "not compiled"
    except Exception as error:
        outcomes[mod.mod_name] = f"{type(error).__name__}: {error}"
print(json.dumps({"refused": refused, "outcomes": outcomes}))
"""


@pytest.fixture(scope="module")
def every_asset(catalogue_site):
    """Each NEURON asset of the catalogue inserted by glia and run for 5 ms, and what
    glia.compile() said about the files the translator refused."""
    result, _ = _run(sys.executable, EVERY_ASSET_SCRIPT, catalogue_site)
    outcomes = result["outcomes"]
    ran = [name for name, outcome in outcomes.items() if outcome == "ran"]
    print(f"\n{len(ran)} of {len(outcomes)} catalogue assets compiled, inserted and ran; "
          f"glia.compile() said:\n{result['refused']}")
    return result


def test_every_catalogue_asset_is_compiled_inserted_and_runs(every_asset):
    outcomes = every_asset["outcomes"]
    assert len(outcomes) == 47
    assert every_asset["refused"] == "", "the translator refuses no catalogue file"
    for name, outcome in outcomes.items():
        assert outcome == "ran", f"{name}: {outcome}"
