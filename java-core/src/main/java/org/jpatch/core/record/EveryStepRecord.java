package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;

/** record(&var): one sample at the end of finitialize and one per fadvance (NEURON's YvecRecord/TvecRecord). */
final class EveryStepRecord extends PlayRecord {
    private final Vector values;

    EveryStepRecord(VarRef ref, Vector values) {
        super(ref, values);
        this.values = values;
    }

    @Override
    void recordInit() {
        values.clear();
        set.reserveSamples(values, set.dt());
    }

    /** Takes one sample of the variable's current value. */
    void sample() {
        values.append(ref.get());
    }
}
