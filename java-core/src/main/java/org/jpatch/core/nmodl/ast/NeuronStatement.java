package org.jpatch.core.nmodl.ast;

import java.util.List;

/** One statement of the NEURON block: how the mechanism presents itself to NEURON. */
public sealed interface NeuronStatement {
    SourcePosition position();

    /** SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL and the mechanism's name. */
    record Suffix(MechanismDeclaration kind, String name, SourcePosition position) implements NeuronStatement {}

    enum MechanismDeclaration { SUFFIX, POINT_PROCESS, ARTIFICIAL_CELL }

    /** USEION ion READ … WRITE … VALENCE z REPRESENTS id; valence null and ontology null when absent. */
    record UseIon(String ion, List<String> read, List<String> write, Double valence, String ontology,
                  SourcePosition position) implements NeuronStatement {}

    /** RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT, POINTER, BBCOREPOINTER, EXTERNAL, RANDOM. */
    record Names(NameListKind kind, List<String> names, SourcePosition position) implements NeuronStatement {}

    enum NameListKind { RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT, POINTER, BBCOREPOINTER, EXTERNAL, RANDOM }

    record Threadsafe(SourcePosition position) implements NeuronStatement {}

    record Represents(String ontology, SourcePosition position) implements NeuronStatement {}
}
