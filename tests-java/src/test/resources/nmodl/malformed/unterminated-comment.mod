: error 3:1 COMMENT block goes to end of file
NEURON { SUFFIX c }
COMMENT
  no end here
