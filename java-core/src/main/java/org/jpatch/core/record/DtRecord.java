package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;

/**
 * record(&var, Dt): samples taken when self-events at 0, Dt, 2Dt, … are delivered
 * (NEURON's VecRecordDt). The event times are accumulated (t_k = t_{k-1} + Dt), and a
 * recording of t stores the event time itself rather than the integrator's t.
 */
final class DtRecord extends PlayRecord {
    private final Vector values;
    private final double interval; // [ms]
    private final boolean recordsTime;

    DtRecord(VarRef ref, Vector values, double interval, boolean recordsTime) {
        super(ref, values);
        this.values = values;
        this.interval = interval;
        this.recordsTime = recordsTime;
    }

    @Override
    boolean dropsEventAtRecordInit() {
        return true;
    }

    @Override
    void recordInit() {
        values.clear();
        set.reserveSamples(values, interval);
        send(set.t());
    }

    /** One sample per interval, and the one due at t if it is not taken yet. */
    @Override
    Vector recording() {
        return values;
    }

    @Override
    int sizeAfterRunTo(Vector vector, double untilMs) {
        if (vector != values) {
            return vector.size();
        }
        double events = Math.max(0.0, Math.floor((untilMs - set.t()) / interval));
        return (int) Math.min(Integer.MAX_VALUE, values.size() + events + 1);
    }

    @Override
    void deliver(double tEvent) {
        values.append(recordsTime ? tEvent : ref.get());
        send(tEvent + interval);
    }
}
