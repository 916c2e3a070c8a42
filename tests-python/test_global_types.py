"""Globals read with NEURON's Python types: secondorder is an int in NEURON (0, not 0.0), the
others are floats, through both h and p."""


def test_secondorder_is_an_int_and_the_other_globals_floats(p):
    from neuron import h

    p.secondorder = 2
    try:
        assert repr(h.secondorder) == "2" and repr(p.secondorder) == "2"
    finally:
        p.secondorder = 0
    assert type(h.secondorder) is int
    assert all(type(getattr(h, name)) is float for name in ("t", "dt", "celsius", "tstop", "v_init", "steps_per_ms"))
