: A calcium shell written for jpatch's tests: cai integrates the ion's current density,
: so a point process's ica shows in cai at its node only.
NEURON {
    SUFFIX cashell
    USEION ca READ ica WRITE cai
    RANGE depth, tau
}

PARAMETER {
    depth = 0.1 (micron)
    tau = 20 (ms)
    cainf = 5e-5 (mM)
}

ASSIGNED { ica (mA/cm2) }

STATE { cai (mM) }

INITIAL { cai = cainf }

BREAKPOINT { SOLVE states METHOD cnexp }

DERIVATIVE states {
    cai' = -ica * 10000 / (2 * 96485.3 * depth) + (cainf - cai) / tau
}
