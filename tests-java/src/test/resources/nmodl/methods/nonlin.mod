COMMENT
A NONLINEAR block solved by newton, in INITIAL (SOLVE without METHOD) and at every
step (SOLVE ... METHOD newton in BREAKPOINT): u and w solve
u^3 + u = 1 + (v + 65)/20 - w/100 and w^2 + u·w = 0.5 + u/10, and the conductance
follows them. The first right side is a sum nocmodl pastes after -(left) +, the second
one is in parentheses.
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
    ~ u*u*u + u = 1 + (v + 65)/20 - 0.01*w
    ~ w*w + u*w = (target + 0.1*u)
}
