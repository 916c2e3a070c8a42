"""What the API fuzz test (test_fuzz_api.py) found and the package now does right, each as
the smallest sequence that showed it."""

import pytest


def test_set_dimensions_with_a_bad_diameter_leaves_the_length_as_it_was(p):
    s = p.Section(name="dims")
    s.set_dimensions(100, 2)
    with pytest.raises(RuntimeError, match="-1"):
        s.set_dimensions(20, -1.0)
    assert (s.L, s.diam) == (100, 2)


def test_set_dimensions_with_a_bad_length_is_refused_before_the_diameter(p):
    s = p.Section(name="dims_length")
    s.set_dimensions(100, 2)
    with pytest.raises(ValueError, match="nan"):
        s.set_dimensions(float("nan"), 0.0)
    assert (s.L, s.diam) == (100, 2)
