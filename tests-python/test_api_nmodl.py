"""NMODL mechanisms loaded through p, then used like built-ins."""

import pytest

LEAK_MOD = """
NEURON {
    SUFFIX apileak
    NONSPECIFIC_CURRENT i
    RANGE g, e
}
UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}
PARAMETER {
    g = 0.001 (S/cm2)
    e = -80 (mV)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
}
BREAKPOINT {
    i = g * (v - e)
}
"""

STIM_MOD = """
NEURON {
    POINT_PROCESS ApiPulse
    RANGE amp, i
    ELECTRODE_CURRENT i
}
UNITS {
    (nA) = (nanoamp)
}
PARAMETER {
    amp = 0 (nA)
}
ASSIGNED {
    i (nA)
}
BREAKPOINT {
    i = amp
}
"""


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from patch import p

    directory = tmp_path_factory.mktemp("mods")
    (directory / "apileak.mod").write_text(LEAK_MOD)
    (directory / "apipulse.mod").write_text(STIM_MOD)
    return p.load_mechanisms(directory)


def test_loaded_mechanisms_are_named_and_known(p, loaded):
    assert sorted(loaded) == ["ApiPulse", "apileak"]
    assert "apileak" in p._catalogue.density
    import patch

    assert patch.is_point_process("ApiPulse") and patch.is_density_mechanism("apileak")


def test_a_loaded_density_mechanism_is_inserted_and_set_like_a_builtin(p, loaded):
    s = p.Section().insert("apileak")
    s.g_apileak = 0.002
    assert s(0.5).apileak.g == 0.002
    assert s(0.5).apileak.e == -80
    v = s.record()
    p.finitialize(-65)
    p.continuerun(50)
    assert v[-1] == pytest.approx(-80, abs=0.1)


def test_a_loaded_point_process_has_a_factory_on_p(p, loaded):
    s = p.Section().insert("pas")
    s.set_dimensions(10, 10)
    pulse = p.ApiPulse(s)
    pulse.amp = 0.01
    v = s.record()
    p.finitialize(-70)
    p.continuerun(20)
    assert v[-1] > -70


def test_loading_the_same_mechanisms_again_is_a_value_error(p, loaded, tmp_path):
    (tmp_path / "apileak.mod").write_text(LEAK_MOD)
    with pytest.raises(ValueError, match="apileak"):
        p.nrn_load_dll(tmp_path)
