package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;

/** record(&var): one sample at the end of finitialize and one per fadvance (NEURON's YvecRecord/TvecRecord). */
final class EveryStepRecord extends PlayRecord {
    /** Preallocation cap when tstop/dt predicts the run length: 16 Mi samples = 128 MiB. */
    private static final double MAX_PREALLOCATED_SAMPLES = 1 << 24;

    private final Vector values;

    EveryStepRecord(VarRef ref, Vector values) {
        super(ref, values);
        this.values = values;
    }

    @Override
    void recordInit() {
        values.clear();
        // stdrun's run() takes tstop/dt steps: reserve them so the run never reallocates.
        double expected = Math.floor(set.tstop() / set.dt()) + 2.0;
        if (expected > 0 && expected <= MAX_PREALLOCATED_SAMPLES) {
            values.ensureCapacity((int) expected);
        }
    }

    /** Takes one sample of the variable's current value. */
    void sample() {
        values.append(ref.get());
    }
}
