: error 2:11 expected a block (NEURON, PARAMETER, STATE, BREAKPOINT, …), found 'x'
STATE { } x = 1
