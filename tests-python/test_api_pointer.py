"""POINTER variables through p: p.setpointer, reading and writing through the target,
``_ref_`` of a POINTER, and NEURON's exceptions for misuse (checked against NEURON 9.0.2:
a name that is no POINTER, or arguments of the wrong kind, raise TypeError; reading an
unset POINTER raises ValueError)."""

import pytest

# A gap junction written for this test: i = g (v - vgap), vgap a POINTER to the other side.
GAP_MOD = """
NEURON {
    POINT_PROCESS ApiGap
    NONSPECIFIC_CURRENT i
    RANGE g, i
    POINTER vgap
}
PARAMETER { g = 0.01 (microsiemens) }
ASSIGNED { v (millivolt) vgap (millivolt) i (nanoamp) }
BREAKPOINT { i = g * (v - vgap) }
"""


@pytest.fixture(scope="module")
def gap_loaded(tmp_path_factory):
    from patch import p

    directory = tmp_path_factory.mktemp("gapmods")
    (directory / "apigap.mod").write_text(GAP_MOD)
    return p.load_mechanisms(directory)


@pytest.fixture
def coupled(p, gap_loaded):
    a, b = p.Section(name="gap_a"), p.Section(name="gap_b")
    for s in (a, b):
        s.L = s.diam = 10
        s.insert("pas")
    ga, gb = p.ApiGap(a(0.5)), p.ApiGap(b(0.5))
    yield a, b, ga, gb
    # Later tests share the session: a junction whose POINTER is unset, should it outlive
    # this test, must not make their runs fail. Pointing it at its own side is harmless.
    p.setpointer(a(0.5)._ref_v, "vgap", ga)
    p.setpointer(b(0.5)._ref_v, "vgap", gb)


def test_a_pointer_reads_and_writes_its_target(p, coupled):
    a, b, ga, gb = coupled
    p.setpointer(b(0.5)._ref_v, "vgap", ga)
    p.setpointer(a(0.5)._ref_v, "vgap", gb)
    p.finitialize(-65)
    assert ga.vgap == -65.0
    ga.vgap = -20.0
    assert b(0.5).v == -20.0
    assert ga._ref_vgap[0] == -20.0


def test_gap_junctions_pull_the_unclamped_cell_along(p, coupled):
    a, b, ga, gb = coupled
    p.setpointer(b(0.5)._ref_v, "vgap", ga)
    p.setpointer(a(0.5)._ref_v, "vgap", gb)
    stim = p.IClamp(a(0.5))
    stim.delay, stim.dur, stim.amp = 0, 50, 0.05
    vb = p.record(b(0.5))
    p.finitialize(-65)
    p.continuerun(50)
    # Charge flows into b only through the junction: b depolarises, and less than a.
    assert vb[-1] > -64 and vb[-1] < a(0.5).v
    assert gb.i == pytest.approx(0.01 * (b(0.5).v - a(0.5).v))


def test_a_name_that_is_no_pointer_raises_type_error_and_changes_nothing(p, coupled):
    a, b, ga, _ = coupled
    with pytest.raises(TypeError, match="'g'|g is not a POINTER"):
        p.setpointer(b(0.5)._ref_v, "g", ga)
    with pytest.raises(ValueError, match="vgap"):
        ga.vgap


@pytest.mark.parametrize("args", [(1.0, "vgap", None), (None, 5, None), (None, "vgap", 3)])
def test_arguments_of_the_wrong_kind_raise_type_error(p, coupled, args):
    a, b, ga, _ = coupled
    pointer, name, target = args
    with pytest.raises(TypeError, match="setpointer"):
        p.setpointer(b(0.5)._ref_v if pointer is None else pointer, name, ga if target is None else target)


def test_reading_an_unset_pointer_raises_value_error(p, coupled):
    _, _, ga, _ = coupled
    with pytest.raises(ValueError, match="not set"):
        ga.vgap


def test_a_run_with_an_unset_pointer_fails_naming_it(p, coupled):
    # NEURON 9.0.2 dereferences the null pointer and crashes the process.
    a, b, ga, gb = coupled
    p.setpointer(b(0.5)._ref_v, "vgap", ga)
    with pytest.raises(RuntimeError, match="POINTER vgap of ApiGap.*setpointer"):
        p.finitialize(-65)
    p.setpointer(a(0.5)._ref_v, "vgap", gb)
    p.finitialize(-65)
    assert gb.vgap == -65.0
