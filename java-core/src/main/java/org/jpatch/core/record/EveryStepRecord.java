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

    /** One sample per step still to come; rounding up, so at worst one too many. */
    @Override
    Vector recording() {
        return values;
    }

    @Override
    int sizeAfterRunTo(Vector vector, double untilMs) {
        if (vector != values) {
            return vector.size();
        }
        double steps = Math.max(0.0, Math.ceil((untilMs - set.t()) / set.dt()));
        return (int) Math.min(Integer.MAX_VALUE, values.size() + steps + 1);
    }

    /** Takes one sample of the variable's current value. */
    void sample() {
        values.append(ref.get());
    }
}
