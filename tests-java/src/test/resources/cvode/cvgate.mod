: A gated current for CVodeMatchesNeuronTest: one cnexp state whose rates need no exp
: (libm's exp rounds otherwise than Java's), so jpatch and NEURON can agree to the bit.
NEURON {
    SUFFIX cvgate
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, ninf, ntau
}
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}
PARAMETER {
    gbar = 0.005 (S/cm2)
    e = -80 (mV)
}
ASSIGNED {
    v (mV)
    i (mA/cm2)
    ninf
    ntau (ms)
}
STATE { n }
BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar * n * n * (v - e)
}
INITIAL {
    rates(v)
    n = ninf
}
DERIVATIVE states {
    rates(v)
    n' = (ninf - n) / ntau
}
PROCEDURE rates(v (mV)) {
    LOCAL x
    x = (v + 50) / 10
    ninf = 1 / (1 + x * x)
    ntau = 1 + 4 / (1 + (v / 30) * (v / 30))
}
