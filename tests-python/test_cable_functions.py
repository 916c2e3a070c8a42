"""h.ismembrane and h.lambda_f through ``from neuron import h`` (the registry's CableFunctions),
with NEURON 9.0.2's numbers, and hoc's Avogadro_constant."""

import pytest


def test_ismembrane_answers_for_the_given_or_the_accessed_section():
    from neuron import h

    soma = h.Section(name="ismembrane_soma")
    soma.insert("hh")
    bare = h.Section(name="ismembrane_bare")
    assert [h.ismembrane(name, sec=soma) for name in ("hh", "na_ion", "pas", "IClamp", "nosuch")] == [1, 1, 0, 0, 0]
    assert h.ismembrane("hh", sec=bare) == 0.0
    bare.push()
    try:
        assert h.ismembrane("hh") == 0.0
    finally:
        h.pop_section()
    with pytest.raises(RuntimeError, match="ismembrane argument 1 must be a str, got 3"):
        h.ismembrane(3, sec=soma)


def test_lambda_f_gives_neurons_length_constant_and_the_d_lambda_rule_neurons_nseg():
    from neuron import h

    branch = h.Section(name="lambda_branch")
    branch.L, branch.diam, branch.Ra, branch.cm = 1200, 4, 35.4, 0.8
    lam = h.lambda_f(100, sec=branch)
    assert lam == pytest.approx(1060.1771487856029, rel=1e-13, abs=0)  # NEURON 9.0.2
    assert int((branch.L / (0.1 * lam) + 0.9) / 2) * 2 + 1 == 13
    with pytest.raises(RuntimeError, match="division by zero"):
        h.lambda_f(0, sec=branch)


def test_avogadro_constant_is_hocs():
    from neuron import h

    assert h.Avogadro_constant == 6.02214076e23
