"""p.distance: NEURON's path distance in its forms (values against NEURON in
differential/test_distance_vs_neuron.py)."""

import pytest


@pytest.fixture
def tree(p):
    soma = p.Section(name="dist_soma")
    soma.L = 20
    dend = p.Section(name="dist_dend")
    dend.L, dend.nseg = 100, 4
    dend.connect(soma)
    return soma, dend


def test_setting_the_origin_returns_x_and_later_calls_measure_from_it(p, tree):
    soma, dend = tree
    assert p.distance(0, 0.5, sec=soma) == 0.5
    assert p.distance(dend(1)) == pytest.approx(10 + 100)
    assert p.distance(1, 0.3, sec=dend) == pytest.approx(10 + 37.5)  # x=0.3: the second segment's centre
    assert p.distance(sec=dend) == 0  # origin at dend(0), the node dend hangs from
    assert p.distance(0.1, sec=soma) == pytest.approx(10)


def test_two_segments_and_sections_of_different_trees(p, tree):
    soma, dend = tree
    assert p.distance(soma(0), dend(0.6)) == pytest.approx(20 + 62.5)
    assert p.distance(dend(0.6), soma(0)) == pytest.approx(20 + 62.5)
    assert p.distance(soma(0.5), p.Section()(0.5)) == 1e20


def test_bad_arguments_are_runtime_errors_naming_them_as_neuron(p, tree):
    soma, _ = tree
    p.distance(sec=soma)
    with pytest.raises(RuntimeError, match="got 2"):
        p.distance(2, 0.5, sec=soma)
    with pytest.raises(RuntimeError, match="1.5"):
        p.distance(1.5, sec=soma)
    with pytest.raises(RuntimeError, match="'far'"):
        p.distance("far")
    with pytest.raises(ValueError, match="1.5"):
        p.distance(soma(1.5))
    assert p.distance(1, sec=soma) == pytest.approx(20), "the origin is unchanged"
