"""Loading NMODL mechanisms through the bridge: compiled in-process, registered all or
nothing, usable at once. The .mod files are NEURON's demo mechanisms, read at test time
from the reference venv."""

import pathlib
import shutil

import pytest

from patch import _commands

DEMO = pathlib.Path(__file__).resolve().parents[1] / ".venv-ref/lib/python3.11/site-packages/neuron/.data/share/nrn/demo/release"


@pytest.fixture
def mod_dir(tmp_path):
    if not (DEMO / "khhchan.mod").exists():
        pytest.skip("NEURON's demo mechanisms are not installed in .venv-ref")

    made = []

    def copy(*names, extra=None):
        target = tmp_path / f"mods{len(made)}"
        target.mkdir()
        made.append(target)
        for name in names:
            shutil.copy(DEMO / name, target)
        for name, text in (extra or {}).items():
            (target / name).write_text(text)
        return str(target)

    return copy


def _names(session):
    listing = session.ask(["sim", "mechanism_names", []], "mechanism names")
    return set(listing["density"]) | set(listing["point"])


@pytest.mark.requires_neuron
def test_a_directory_of_mod_files_loads_and_its_mechanisms_insert_and_run(mod_dir):
    s = _commands.session()
    loaded = s.ask(["sim", "load_mechanisms", [mod_dir("khhchan.mod")]], "p.load_mechanisms(dir)")
    assert loaded == ["HHk"]
    assert "HHk" in _names(s)
    h = s.new_handle()
    s.send(["new", h, "Section", "nmodl_soma"], "p.Section()")
    s.send(["call", h, "insert", ["HHk"]], "soma.insert('HHk')")
    s.send(["sim", "finitialize", [-65.0]], "p.finitialize(-65)")
    s.send(["sim", "continuerun", [1.0]], "p.continuerun(1)")
    assert s.ask(["get", h, "n_HHk"], "soma.n_HHk") > 0
    s.release(h)
    with pytest.raises(ValueError, match="already loaded"):
        s.ask(["sim", "load_mechanisms", [mod_dir("khhchan.mod")]], "load it again")


@pytest.mark.requires_neuron
def test_a_file_that_fails_leaves_no_mechanism_of_its_directory_registered(mod_dir):
    s = _commands.session()
    before = _names(s)
    # Embedded C can never run on the JVM: the error names file:line:column.
    verbatim = "NEURON { SUFFIX cwrapper }\nPROCEDURE f() {\nVERBATIM\n  return 0;\nENDVERBATIM\n}\n"
    with pytest.raises(RuntimeError, match=r"zz_verbatim\.mod:\d+:\d+"):
        s.ask(["sim", "load_mechanisms", [mod_dir("nachan.mod", extra={"zz_verbatim.mod": verbatim})]],
              "p.load_mechanisms(dir)")
    assert _names(s) == before


def test_a_path_without_mod_files_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="no .mod files"):
        _commands.session().ask(["sim", "load_mechanisms", [str(tmp_path)]], "p.load_mechanisms(empty)")
