: Calls NMODL's built-in functions that no file of the real packages calls: erf, erfc,
: nrn_ghk and scopmath's random numbers (scop_random, exprand, normrand, set_seed).
: Written for jpatch's tests (BuiltinFunctionsDifferentialTest).
NEURON {
    SUFFIX builtins
    USEION ca READ cai, cao
    NONSPECIFIC_CURRENT i
    RANGE g, seed, uniform, exponential, normal, ghk_factor, erf_v, erfc_v
}

PARAMETER {
    g = 0.001 (S/cm2)
    seed = 7
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    cai (mM)
    cao (mM)
    uniform
    exponential
    normal
    ghk_factor
    erf_v
    erfc_v
}

INITIAL {
    set_seed(seed)
    uniform = scop_random()
}

BREAKPOINT {
    uniform = scop_random()
    exponential = exprand(2)
    normal = normrand(1, 0.5)
    ghk_factor = nrn_ghk(v, cai, cao, 2)
    : arguments across erf's and erfc's intervals (0.84375, 1.25, 2.857, 6, 28) during a spike-free trace
    erf_v = erf(v / 30) + erf((v + 66) * 4)
    erfc_v = erfc(v / 40) + erfc(-(v + 60) / 3)
    i = g * (v + 65) * (1 + 0.1 * normal) + 1e-4 * (erf_v + erfc_v + exponential + uniform) + 1e-3 * ghk_factor
}
