COMMENT
A NONLINEAR block solved by newton, in INITIAL (SOLVE without METHOD) and at every
step (SOLVE ... METHOD newton in BREAKPOINT): u and w solve
u^3 + u = (v + 85)/20 and w^2 + u·w = 0.5, and the conductance follows them.
ENDCOMMENT

NEURON {
    SUFFIX nonlin
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
    e = -60 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE {
    u
    w
}

INITIAL {
    u = 0.5
    w = 0.5
    SOLVE eq
}

BREAKPOINT {
    SOLVE eq METHOD newton
    i = g*(u + w*w)*(v - e)
}

NONLINEAR eq {
    LOCAL target
    target = 0.5
    ~ u*u*u + u = (v + 85)/20
    ~ w*w + u*w = target
}
