: error 4:10 expected a parameter name or '}', found '0.1'
NEURON { SUFFIX p }
PARAMETER {
    gbar 0.1 (S/cm2)
}
