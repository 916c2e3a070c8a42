: Follows cai (in uM) with a time constant, written for jpatch's tests
: (MechanismOrderDifferentialTest): its state update reads cai after or before the
: concentration writers' updates, depending on the order NEURON runs them in.
NEURON {
    SUFFIX ca_a_follow
    USEION ca READ cai
    RANGE s, tau
}

UNITS {
    (mM) = (milli/liter)
}

PARAMETER {
    tau = 2 (ms)
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
