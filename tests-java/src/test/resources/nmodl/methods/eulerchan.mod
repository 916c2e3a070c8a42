COMMENT
A gated leak integrated by METHOD euler (forward Euler, scopmath's euler): its
derivative is not linear in m, so cnexp would not do the same.
ENDCOMMENT

NEURON {
    SUFFIX eulerchan
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, minf, tau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -75 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    minf
    tau (ms)
}

STATE {
    m
    h
}

INITIAL {
    rates(v)
    m = minf
    h = 1
}

BREAKPOINT {
    SOLVE states METHOD euler
    i = gbar*m*m*h*(v - e)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/tau + 0.05*m*(1 - m)
    h' = (1 - h)/20 - 0.02*m*h
}

PROCEDURE rates(v (mV)) {
    minf = 1/(1 + exp(-(v + 55)/6))
    tau = 1 + 4*exp(-(v + 55)*(v + 55)/300)
}
