: A point process following cai (in uM), written for jpatch's tests
: (MechanismOrderDifferentialTest): point processes take their place in NEURON's order
: as density mechanisms do.
NEURON {
    POINT_PROCESS CaProbe
    USEION ca READ cai
    RANGE s, tau
}

UNITS {
    (mM) = (milli/liter)
}

PARAMETER {
    tau = 5 (ms)
}

ASSIGNED {
    cai (mM)
}

STATE {
    s (1)
}

INITIAL {
    s = cai * 1000
}

BREAKPOINT {
    SOLVE follow METHOD cnexp
}

DERIVATIVE follow {
    s' = (cai * 1000 - s) / tau
}
