: Hodgkin-Huxley-like channels whose BREAKPOINT gives CONDUCTANCE hints, written for
: jpatch's tests: nocmodl then takes the hinted conductances as dI/dv instead of the
: 0.001 mV difference, and the leak, which has no hint, adds none (as in NEURON).
NEURON {
    SUFFIX hinted
    USEION na READ ena WRITE ina
    USEION k READ ek WRITE ik
    NONSPECIFIC_CURRENT il
    RANGE gnabar, gkbar, gl, el, gna, gk
}

PARAMETER {
    gnabar = 0.12 (S/cm2)
    gkbar = 0.036 (S/cm2)
    gl = 0.0003 (S/cm2)
    el = -54.3 (mV)
}

STATE { m h n }

ASSIGNED {
    v (mV)
    ena (mV)
    ek (mV)
    ina (mA/cm2)
    ik (mA/cm2)
    il (mA/cm2)
    gna (S/cm2)
    gk (S/cm2)
    minf hinf ninf
    mtau (ms) htau (ms) ntau (ms)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    gna = gnabar * m * m * m * h
    gk = gkbar * n * n * n * n
    CONDUCTANCE gna USEION na
    CONDUCTANCE gk USEION k
    ina = gna * (v - ena)
    ik = gk * (v - ek)
    il = gl * (v - el)
}

INITIAL {
    rates(v)
    m = minf
    h = hinf
    n = ninf
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m) / mtau
    h' = (hinf - h) / htau
    n' = (ninf - n) / ntau
}

PROCEDURE rates(v (mV)) {
    LOCAL a, b
    a = 0.1 * (v + 40) / (1 - exp(-(v + 40) / 10))
    b = 4 * exp(-(v + 65) / 18)
    mtau = 1 / (a + b)
    minf = a * mtau
    a = 0.07 * exp(-(v + 65) / 20)
    b = 1 / (exp(-(v + 35) / 10) + 1)
    htau = 1 / (a + b)
    hinf = a * htau
    a = 0.01 * (v + 55) / (1 - exp(-(v + 55) / 10))
    b = 0.125 * exp(-(v + 65) / 80)
    ntau = 1 / (a + b)
    ninf = a * ntau
}
