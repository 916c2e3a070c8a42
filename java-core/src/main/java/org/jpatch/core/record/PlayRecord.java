package org.jpatch.core.record;

import org.jpatch.core.ref.VarRef;
import org.jpatch.core.sim.ScheduledEvent;

/**
 * One record or play item (NEURON's PlayRecord): a variable, the vectors it uses and at
 * most one pending event in its simulation's {@link PlayRecordSet}. The hooks mirror
 * NEURON's: play_init at the start of finitialize, record_init at its end, continuous
 * at NEURON's fixed points (every half step for plays, end of step for records), and
 * deliver when the item's event time is reached.
 */
abstract class PlayRecord {
    final VarRef ref;
    private final Vector[] vectors;
    PlayRecordSet set;

    /** This item's events as the simulation's event queue delivers them, when it hosts them. */
    final ScheduledEvent hostedEvent = this::deliver;

    // Pending event, maintained by PlayRecordQueue.
    double eventTime; // [ms]
    long eventOrder;
    int heapIndex = -1;

    PlayRecord(VarRef ref, Vector... vectors) {
        this.ref = ref;
        this.vectors = vectors;
    }

    /** Links this item to the vectors it uses, so that re-record and play_remove find it. */
    final void attachVectors() {
        for (Vector v : vectors) {
            v.attach(this);
        }
    }

    final void detachVectors() {
        for (Vector v : vectors) {
            v.detach(this);
        }
    }

    /** Removes this item from its simulation and its vectors. */
    final void remove() {
        set.remove(this);
    }

    /** Start of finitialize, after the event queue was cleared (NEURON's play_init). */
    void playInit() {}

    /**
     * How many values {@code vector} will hold after a run to {@code untilMs} [ms] when
     * this item records into it; its present size otherwise (plays do not grow vectors).
     */
    int sizeAfterRunTo(Vector vector, double untilMs) {
        return vector.size();
    }

    /** The vector this item records into; null for a play. */
    Vector recording() {
        return null;
    }

    /** End of finitialize, before the first samples (NEURON's record_init). */
    void recordInit() {}

    /** True for items whose pending event NEURON removes at record_init (VecRecordDt, VecRecordDiscrete). */
    boolean dropsEventAtRecordInit() {
        return false;
    }

    /** The event this item sent is delivered; {@code tEvent} is its time [ms]. */
    void deliver(double tEvent) {}

    final void send(double tEvent) {
        set.send(this, tEvent);
    }
}
