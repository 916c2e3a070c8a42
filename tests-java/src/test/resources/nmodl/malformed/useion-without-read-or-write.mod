: error 3:15 expected READ or WRITE after USEION na, found 'RANGE'
NEURON {
    USEION na RANGE ina
}
