: Relaxes cai towards cainf, written for jpatch's tests (MechanismOrderDifferentialTest):
: several of these at one node write cai one after the other, so the traces show the
: order in which NEURON runs concentration writers.
NEURON {
    SUFFIX ca_relax_3
    USEION ca READ cai WRITE cai
    RANGE cainf, tau
}

UNITS {
    (mM) = (milli/liter)
}

PARAMETER {
    cainf = 5e-4 (mM)
    tau = 11 (ms)
}

STATE {
    cai (mM)
}

INITIAL {
    cai = cainf
}

BREAKPOINT {
    SOLVE relax METHOD cnexp
}

DERIVATIVE relax {
    cai' = (cainf - cai) / tau
}
