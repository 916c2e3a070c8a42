"""``from neuron import h``: the neuron module, h's NEURON semantics, and the classes and
functions that come from the engine's registry (checked against real NEURON)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIOS = Path(__file__).parent / "differential" / "scenarios"


def test_neuron_module_offers_h_n_units_and_types():
    import neuron
    from neuron import h, n, units

    assert repr(h) == "<TopLevelHocInterpreter>" and repr(n) == "<TopLevelNEURONInterface>"
    assert units.mV == 1 and units.s == 1e3 and units.µm == 1 and units.mM == 1 and units.nM == 1e-6
    assert isinstance(h.Section(name="typed"), neuron.nrn.Section)
    import neuron.gui  # noqa: F401  (no display: importing it does nothing)


def test_h_and_p_share_the_engine():
    from neuron import h

    from patch import p

    section = h.Section(name="shared_by_h")
    assert any(s.name() == "shared_by_h" for s in p.allsec())
    p.celsius = 21.0
    assert h.celsius == 21.0


def test_registry_classes_and_functions_are_in_dir_h_with_docs():
    from neuron import h

    names = dir(h)
    for name in ("SectionList", "List", "sin", "atan2", "erf"):
        assert name in names
    assert "sine" in h.sin.__doc__
    assert "sections" in h.SectionList.__doc__
    assert "append" in dir(h.List())


def test_section_with_cell_is_named_after_the_cell():
    from neuron import h

    class Cell:
        def __repr__(self):
            return "BallAndStick[7]"

    cell = Cell()
    soma = h.Section(name="soma", cell=cell)
    assert soma.name() == "BallAndStick[7].soma"


def test_hoc_objects_take_no_new_attributes_and_refuse_unknown_members():
    from neuron import h

    lst = h.List()
    with pytest.raises(AttributeError, match="nosuch"):
        lst.nosuch
    with pytest.raises(AttributeError, match="nosuch"):
        lst.nosuch = 1


def test_wrong_argument_is_a_runtime_error_naming_the_value():
    from neuron import h

    with pytest.raises(RuntimeError, match="'a'"):
        h.sin("a")
    with pytest.raises(RuntimeError, match="1 arguments, got 0"):
        h.sin()


def _run(python, script):
    env = dict(os.environ, XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME", "/tmp"), GLIA_NOCOMPILE="1")
    done = subprocess.run([str(python), str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.requires_neuron
@pytest.mark.parametrize("scenario", ["registry_basics.py"])
def test_registry_scenario_prints_what_neuron_prints(scenario):
    ours = _run(sys.executable, SCENARIOS / scenario)
    theirs = _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / scenario)
    assert ours == theirs
