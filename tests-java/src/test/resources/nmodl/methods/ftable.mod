COMMENT
FUNCTION_TABLE: tau and minf of v come from values given from hoc
(table_tauft_ftab: an even grid, table_minfft_ftab: Vectors of values and points);
a channel whose state relaxes to minf with time constant tau.
ENDCOMMENT

NEURON {
    SUFFIX ftab
    NONSPECIFIC_CURRENT i
    RANGE gbar, e
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -80 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

STATE {
    m
}

FUNCTION_TABLE tauft(v (mV)) (ms)
FUNCTION_TABLE minfft(v (mV))

INITIAL {
    m = minfft(v)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar*m*(v - e)
}

DERIVATIVE states {
    m' = (minfft(v) - m)/tauft(v)
}
