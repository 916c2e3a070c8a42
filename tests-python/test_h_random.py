"""h.Random under jpatch against real NEURON 9.0.2 (scenario differential/scenarios/random_h.py)."""

import os
import struct
import sys

import pytest

from test_neuron_module import SCENARIOS, _run

# A draw through log, exp or pow may differ from NEURON's in its last bits: glibc's log, exp and
# pow round about one argument in a thousand away from the exact value, the engine's
# RoundedMath rounds it correctly (java-core/README.md, "Random").
LIBM_ULPS = 2


def _ulps(a, b):
    bits = lambda x: struct.unpack("<q", struct.pack("<d", x))[0]  # noqa: E731
    return abs(bits(a) - bits(b))


@pytest.mark.requires_neuron
@pytest.mark.slow
def test_random_draws_what_neuron_draws():
    ours = _run(sys.executable, SCENARIOS / "random_h.py")
    theirs = _run(os.environ["JPATCH_REFERENCE_PYTHON"], SCENARIOS / "random_h.py")
    assert len(ours) == len(theirs) > 1900
    differing = 0
    for mine, neuron_line in zip(ours, theirs):
        if mine == neuron_line:
            continue
        label, kind, value = mine.rsplit(" ", 2)
        neuron_label, neuron_kind, neuron_value = neuron_line.rsplit(" ", 2)
        assert (label, kind) == (neuron_label, neuron_kind) and kind == "libm", (mine, neuron_line)
        assert _ulps(float.fromhex(value), float.fromhex(neuron_value)) <= LIBM_ULPS, (mine, neuron_line)
        differing += 1
    assert differing <= 3, differing


def test_random_refusals_raise_runtime_error_naming_the_value():
    from neuron import h

    r = h.Random()
    with pytest.raises(RuntimeError, match="Random size = 5.0"):
        h.Random(1, 5)
    with pytest.raises(RuntimeError, match="binomial p = 2.0"):
        r.binomial(3, 2)
    with pytest.raises(RuntimeError, match="seq = -1.0"):
        r.seq(-1)
    r.MCellRan4(3)
    with pytest.raises(RuntimeError, match="Random.Random123 generator is required"):
        h.NetStim().noiseFromRandom(r)


def test_random_is_in_dir_h_with_its_members_documented():
    from neuron import h

    assert "Random" in dir(h) and "mcell_ran4_init" in dir(h)
    members = dir(h.Random())
    for name in ("MCellRan4", "Random123", "Random123_globalindex", "seq", "repick", "uniform", "discunif",
                 "normal", "lognormal", "poisson", "binomial", "geometric", "hypergeo", "negexp", "erlang",
                 "weibull", "play"):
        assert name in members, name
    assert "Random123" in h.Random.__doc__
