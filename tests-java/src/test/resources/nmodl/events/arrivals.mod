COMMENT
Records the order in which events arrive: each event appends its weight as a digit.
NmodlEventsDifferentialTest feeds it events sent at one time by a point process and
an artificial cell, which NEURON initializes in that order whatever their types.
ENDCOMMENT

NEURON {
    POINT_PROCESS Arrivals
    RANGE order
}

ASSIGNED {
    order
}

INITIAL {
    order = 0
}

NET_RECEIVE (w) {
    order = order*10 + w
}
