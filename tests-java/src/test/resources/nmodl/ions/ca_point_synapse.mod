: A point process that carries a calcium current, written for jpatch's tests
: (PointProcessIonsDifferentialTest): USEION in a POINT_PROCESS, whose ion current [nA]
: joins the ion's current density at its node.
NEURON {
    POINT_PROCESS CaPointSynapse
    USEION ca READ eca, cai WRITE ica
    NONSPECIFIC_CURRENT i
    RANGE g, i, ica
}

PARAMETER {
    g = 0.002 (microsiemens)
}

ASSIGNED {
    v (millivolt)
    eca (millivolt)
    cai (mM)
    ica (nanoamp)
    i (nanoamp)
}

BREAKPOINT {
    ica = g * (v - eca) * cai / (cai + 0.001)
    i = 0.5 * g * (v + 70)
}
