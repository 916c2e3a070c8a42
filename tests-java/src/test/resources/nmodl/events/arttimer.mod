COMMENT
An artificial cell that fires once, at start, by the self-event its INITIAL sends.
ENDCOMMENT

NEURON {
    ARTIFICIAL_CELL ArtTimer
    RANGE start
}

PARAMETER {
    start = 10 (ms)
}

INITIAL {
    net_send(start, 1)
}

NET_RECEIVE (w) {
    if (flag == 1) {
        net_event(t)
    }
}
