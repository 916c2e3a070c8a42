: error 3:5 'COMPARTMENT' is allowed only in a KINETIC block
DERIVATIVE d {
    COMPARTMENT 1 {a}
}
