"""``from neuron import h``: the neuron module, h's NEURON semantics, and the classes and
functions that come from the engine's registry (checked against real NEURON)."""

import math
import os
import re
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


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|inf|nan)")


def _same_line(ours, theirs, tolerance=1e-9):
    """Equal text, and numbers equal within ``tolerance`` (absolute, or relative above 1)."""
    if _NUMBER.split(ours) != _NUMBER.split(theirs):
        return False
    pairs = zip(_NUMBER.findall(ours), _NUMBER.findall(theirs))
    return all(
        a == b or math.isclose(float(a), float(b), rel_tol=tolerance, abs_tol=tolerance) for a, b in pairs
    )


@pytest.mark.requires_neuron
@pytest.mark.parametrize("scenario", ["registry_basics.py", "ball_and_stick_h.py"])
def test_scenario_under_h_prints_what_neuron_prints(scenario):
    ours = _run(sys.executable, SCENARIOS / scenario)
    theirs = [line for line in _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / scenario)]
    assert len(ours) == len(theirs), (ours, theirs)
    for mine, neuron_line in zip(ours, theirs):
        assert _same_line(mine, neuron_line), (mine, neuron_line)


def test_density_mechanism_objects_insert_into_sections_and_lists():
    from neuron import h

    a, b = h.Section(name="mech_a"), h.Section(name="mech_b")
    a.insert(h.hh)
    h.pas.insert(h.SectionList([a, b]))
    assert a.has_membrane("hh") and a.has_membrane("pas") and b.has_membrane("pas")
    assert repr(h.hh) == "neuron.DensityMechanism('hh')"
    h.pas.uninsert(b)
    assert not b.has_membrane("pas")
