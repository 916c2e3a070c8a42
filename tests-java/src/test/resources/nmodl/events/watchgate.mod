COMMENT
A relaxation oscillator by WATCH: when v rises above thresh a shunt to e opens
(flag 2) and WATCH turns to v falling below thresh - hyst, which closes it again
(flag 3). Each opening is announced by net_event. Tests WATCH with replacement of
the watched set, two conditions at once and net_event from a point process.
ENDCOMMENT

NEURON {
    POINT_PROCESS WatchGate
    RANGE thresh, hyst, gmax, e, i, on, nopen
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    thresh = -50 (mV)
    hyst = 8 (mV)
    gmax = 0.02 (uS)
    e = -80 (mV)
}

ASSIGNED {
    v (mV)
    i (nA)
    on
    nopen
}

INITIAL {
    on = 0
    nopen = 0
    net_send(0, 1)
}

BREAKPOINT {
    i = gmax*on*(v - e)
}

NET_RECEIVE (w) {
    if (flag == 1) {
        WATCH (v > thresh) 2
    } else if (flag == 2) {
        on = 1
        nopen = nopen + 1
        net_event(t)
        WATCH (v < thresh - hyst) 3, (v > thresh + 30) 4
    } else if (flag == 3) {
        on = 0
        WATCH (v > thresh) 2
    } else if (flag == 4) {
        on = 2
    } else {
        on = on + w
    }
}
