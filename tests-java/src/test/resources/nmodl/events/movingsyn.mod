COMMENT
A synapse whose conductance decays after each input and that is shut by a
pending flag 1 self-event; every input postpones that event by net_move. When it
fires, FOR_NETCONS sums weight times input count over the NetCons into it, and
net_event announces the shut. Tests net_move, FOR_NETCONS, NET_RECEIVE INITIAL and
net_event in a point process.
ENDCOMMENT

NEURON {
    POINT_PROCESS MovingSyn
    RANGE tau, e, delay, i, g, total, nshut
    NONSPECIFIC_CURRENT i
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    tau = 3 (ms)
    e = 0 (mV)
    delay = 2.5 (ms)
}

ASSIGNED {
    v (mV)
    i (nA)
    total
    nshut
}

STATE {
    g (uS)
}

INITIAL {
    g = 0
    total = 0
    nshut = 0
    net_send(delay, 1)
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = g*(v - e)
}

DERIVATIVE states {
    g' = -g/tau
}

NET_RECEIVE (w (uS), count) {
    INITIAL { count = 0 }
    if (flag == 0) {
        g = g + w
        count = count + 1
        net_move(t + delay)
    } else {
        total = 0
        FOR_NETCONS (w1, c1) {
            total = total + w1*c1
        }
        g = g*0.5
        nshut = nshut + 1
        net_event(t)
        net_send(delay, 1)
    }
}
