: error 3:16 invalid ontology id after REPRESENTS
NEURON {
    REPRESENTS nothing
}
