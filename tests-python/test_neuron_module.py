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
@pytest.mark.parametrize("scenario", ["registry_basics.py", "ball_and_stick_h.py", "hoc_functions.py"])
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


def test_p_objects_are_patch_wrappers_of_neuron_level_objects():
    import patch
    from neuron import h, nrn

    from patch import p, transform

    section = p.Section(name="levels")
    assert type(section) is patch.objects.Section
    assert type(transform(section)) is nrn.Section and str(type(transform(section))) == "<class 'nrn.Section'>"
    assert transform(section) is transform(section) and transform(section) == section
    assert str(type(section(0.5).__neuron__())) == "<class 'nrn.Segment'>"
    made_by_h = h.Section(name="levels_h")
    made_by_h.connect(section)
    assert type(section.children()[0]) is patch.objects.Section, "p hands out Patch's objects"
    assert type(made_by_h.parentseg().sec) is nrn.Section, "h hands out NEURON's"
    assert repr(made_by_h) == "levels_h" and repr(section) == "<patch.objects.Section 'levels'>"


def test_attributes_set_on_patch_objects_are_not_neurons():
    from neuron import h

    from patch import p

    section = p.Section()
    section.label = "mine"
    assert section.__dict__["label"] == "mine"
    with pytest.raises(AttributeError):
        section.__neuron__().label
    with pytest.raises(AttributeError, match="nrn.Section"):
        h.Section().label = 1
    with pytest.raises(LookupError, match="not a defined hoc variable"):
        h.IClamp(h.Section()(0.5)).label = 1


def test_h_point_processes_have_neurons_defaults_and_p_patchs():
    from neuron import h

    from patch import p

    assert (h.IClamp(h.Section()(0.5)).amp, h.IClamp(h.Section()(0.5)).dur) == (0.0, 0.0)
    assert p.IClamp(p.Section()(0.5)).amp == 1.0
    stim = h.NetStim()
    netcon = h.NetCon(stim, None)
    assert (netcon.threshold, netcon.delay, netcon.weight[0]) == (10.0, 1.0, 0.0)


def test_patch_refuses_what_neuron_refuses_first_then_unconnectable_ends():
    from neuron import h

    from patch import p
    from patch.exceptions import HocConnectError, NotConnectableError

    with pytest.raises(HocConnectError):
        p.NetCon(p.Section(), p.Vector())
    with pytest.raises(HocConnectError):
        p.NetCon(5, 12)
    with pytest.raises(NotConnectableError):
        p.NetCon(h.NetStim(), p.NetStim())


def test_patch_error_handler_turns_runtime_errors_into_hoc_errors():
    from neuron import h

    from patch.error_handler import CatchNetCon, ErrorHandler, catch_hoc_error
    from patch.exceptions import ErrorHandlingError, HocConnectError, HocError

    with pytest.raises(HocError):
        with catch_hoc_error():
            h.sqrt(-1)
    with pytest.raises(ErrorHandlingError, match="nrn_source"):
        with catch_hoc_error(CatchNetCon):
            h.NetCon(5, 12)
    with pytest.raises(HocConnectError):
        with catch_hoc_error(CatchNetCon, nrn_source=5, nrn_target=12):
            h.NetCon(5, 12)

    class NoCatch(ErrorHandler):
        required = []

    with pytest.raises(ErrorHandlingError):
        with catch_hoc_error(NoCatch):
            h.NetCon(5, 12)


def test_patch_point_process_variables_are_pointer_wrappers():
    import patch

    from patch import p

    synapse = p.Section().synapse(p.ExpSyn)
    assert type(type(synapse).e) is patch.objects.PointerWrapper
    synapse.e = 4
    assert synapse.e == 4 and synapse.__neuron__().e == 4
    assert "pointer to hoc scalar" in str(synapse.e.__record__())


def test_is_point_process_and_is_density_mechanism_as_patch():
    from neuron import h

    from patch import is_density_mechanism, is_point_process

    assert is_point_process("IClamp") and is_point_process(h.IClamp) and not is_point_process("NetStim")
    assert not is_point_process(h.NetStim())
    assert is_density_mechanism("hh") and is_density_mechanism("na_ion") and is_density_mechanism(h.pas)
    assert not is_density_mechanism("capacitance") and not is_density_mechanism("IClamp")


def test_hoc_functions_are_registry_functions_with_docs_and_pointer_ones_not_provided():
    from neuron import h

    for name in ("nernst", "ghk", "ion_charge", "ismembrane", "issection", "section_exists", "parent_connection",
                 "section_orientation", "strcmp", "printf", "nrnversion", "neuronhome", "unix_mac_pc", "startsw",
                 "stopsw", "getcwd", "chdir"):
        assert name in dir(h) and getattr(h, name).__doc__, name
    not_provided = h._registry.not_provided
    assert "this_section" in not_provided and "parent_section" in not_provided


def test_printf_prints_on_python_stdout_and_returns_its_length(capsys):
    from neuron import h

    assert h.printf("%s=%d %g\n", "n", 3, 0.25) == 9.0
    assert capsys.readouterr().out == "n=3 0.25\n"


def test_chdir_expands_environment_variables_and_getcwd_ends_in_a_slash(tmp_path, monkeypatch):
    from neuron import h

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    monkeypatch.setenv("JPATCH_TEST_SUB", "sub")
    assert h.chdir("$(JPATCH_TEST_SUB)") == 0.0
    assert h.getcwd() == str(tmp_path / "sub") + "/"
    assert h.chdir("$(JPATCH_TEST_UNSET_VARIABLE)nowhere") == -1.0
    with pytest.raises(RuntimeError, match="3"):
        h.chdir(3)


def test_nrnversion_names_jpatch():
    from neuron import h

    assert h.nrnversion().startswith("jpatch -- VERSION ")
    assert h.nrnversion(7) == "jpatch"
    with pytest.raises(RuntimeError, match="21"):
        h.nrnversion(21)


def test_a_name_jpatch_does_not_provide_says_why():
    from neuron import h

    with pytest.raises(AttributeError, match="hoc keyword"):
        h.forall
    with pytest.raises(AttributeError, match="GUI"):
        h.xpanel


@pytest.mark.requires_neuron
def test_dir_h_lists_every_name_neurons_lists_or_says_why_not(capsys):
    script = "from neuron import h\nprint('\\n'.join(dir(h)))"
    env = dict(os.environ, GLIA_NOCOMPILE="1", NEURON_MODULE_OPTIONS="-nogui")
    theirs = subprocess.run([os.environ["JPATCH_REFERENCE_PYTHON"], "-c", script], capture_output=True, text=True,
                            env=env, timeout=300).stdout.split()
    from neuron import h

    from patch import p

    ours = set(dir(h))
    not_provided = p._registry.not_provided
    missing = [name for name in theirs if name not in ours and name not in not_provided]
    assert not missing, f"{len(missing)} of NEURON's names are neither in dir(h) nor documented: {missing}"
    with capsys.disabled():
        provided = sum(name in ours for name in theirs)
        print(f"\ndir(h): {provided} of NEURON's {len(theirs)} names provided, {len(theirs) - provided} documented as not")
