package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;

/** record(&var, tvec): one sample at each time of tvec, delivered as events (NEURON's VecRecordDiscrete). */
final class TimeVectorRecord extends PlayRecord {
    private final Vector values;
    private final Vector times; // [ms]

    TimeVectorRecord(VarRef ref, Vector values, Vector times) {
        super(ref, values, times);
        this.values = values;
        this.times = times;
    }

    @Override
    boolean dropsEventAtRecordInit() {
        return true;
    }

    @Override
    void recordInit() {
        values.clear();
        values.ensureCapacity(times.size());
        if (times.size() > 0) {
            send(times.get(0));
        }
    }

    @Override
    Vector recording() {
        return values;
    }

    @Override
    int sizeAfterRunTo(Vector vector, double untilMs) {
        return vector == values ? Math.max(values.size(), times.size()) : vector.size();
    }

    @Override
    void deliver(double tEvent) {
        values.append(ref.get());
        if (values.size() < times.size()) {
            send(times.get(values.size()));
        }
    }
}
