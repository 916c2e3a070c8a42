package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;

/**
 * play(&var, Dt) and play(&var, tvec): element k is written into the variable when the
 * k-th event is delivered, at tvec[k] or at the accumulated time k·Dt (NEURON's VecPlayStep).
 */
final class StepPlay extends PlayRecord {
    private final Vector values;
    private final Vector times;      // [ms], null when played with an interval
    private final double interval;   // [ms], used when times is null
    private int nextIndex;

    StepPlay(VarRef ref, Vector values, Vector times, double interval) {
        super(ref, times == null ? new Vector[] {values} : new Vector[] {values, times});
        this.values = values;
        this.times = times;
        this.interval = interval;
    }

    @Override
    void playInit() {
        nextIndex = 0;
        if (values.size() == 0) {
            return;
        }
        if (times == null) {
            send(0.0);
        } else if (times.size() > 0) {
            send(times.get(0));
        }
    }

    @Override
    void deliver(double tEvent) {
        if (nextIndex >= values.size()) {
            return; // the vector was shortened during the run
        }
        ref.set(values.get(nextIndex++));
        if (nextIndex < values.size()) {
            if (times == null) {
                send(tEvent + interval);
            } else if (nextIndex < times.size()) {
                send(times.get(nextIndex));
            }
        }
    }
}
