"""``from neuron import h``: the neuron module, h's NEURON semantics, and the classes and
functions that come from the engine's registry (checked against real NEURON)."""

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


@pytest.mark.requires_neuron
@pytest.mark.parametrize("scenario", ["registry_basics.py"])
def test_registry_scenario_prints_what_neuron_prints(scenario):
    ours = _run(sys.executable, SCENARIOS / scenario)
    theirs = _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / scenario)
    assert ours == theirs


_NUMBER = re.compile(r"-?\d+\.?\d*(?:e[-+]?\d+)?")


def _same_up_to(ours, theirs, tolerance):
    """Lines equal but for numbers within ``tolerance`` of NEURON's (mV, µm): the problems."""
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{len(ours)} lines, NEURON {len(theirs)}")
    for n, (a, b) in enumerate(zip(ours, theirs)):
        numbers_a, numbers_b = _NUMBER.findall(a), _NUMBER.findall(b)
        if _NUMBER.sub("#", a) != _NUMBER.sub("#", b) or len(numbers_a) != len(numbers_b) or any(
            abs(float(x) - float(y)) > tolerance for x, y in zip(numbers_a, numbers_b)
        ):
            problems.append(f"line {n + 1}: {a!r}, NEURON {b!r}")
    return problems


@pytest.mark.requires_neuron
@pytest.mark.parametrize("scenario", ["shape_edits.py", "shape_random_trees.py", "ring_network.py"])
def test_shape_scenario_prints_neurons_points_and_numbers(scenario):
    # 3-D points and geometry come out exactly; voltages within 1e-9 mV (the peak of an hh
    # spike differs by ~1e-12 mV with or without 3-D points: the solver's rounding).
    ours = _run(sys.executable, SCENARIOS / scenario)
    theirs = _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / scenario)
    assert not _same_up_to(ours, theirs, 1e-9)


def test_section_point_edits_raise_at_their_line_naming_the_value():
    from neuron import h

    sec = h.Section(name="edited")
    sec.pt3dadd(0, 0, 0, 1)
    sec.pt3dadd(0, 0, 4, 1)
    assert sec.pt3dchange(1, 0, 3, 4, 2) is None and sec.L == 5.0
    assert sec.pt3dstyle() is False and sec.pt3dstyle(1, 0, 0, 0) is True
    with pytest.raises(RuntimeError, match="point index 7 out of range 0..1"):
        sec.pt3dchange(7, 1.0)
    with pytest.raises(RuntimeError, match="2 or 5 arguments, got 3"):
        sec.pt3dchange(0, 1.0, 2.0)
    with pytest.raises(RuntimeError, match="point index 3"):
        h.pt3dinsert(3, 0, 0, 0, 1, sec=sec)
    assert sec.n3d() == 2 and sec.diam3d(1) == 2.0
