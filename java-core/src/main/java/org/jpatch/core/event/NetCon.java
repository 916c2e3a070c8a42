package org.jpatch.core.event;

import org.jpatch.core.DeletedObjectException;
import org.jpatch.core.InvalidValueException;
import org.jpatch.core.mech.PointProcess;

/**
 * NEURON's NetCon: carries each spike of its source to its target's NET_RECEIVE after
 * {@code delay}, with its weight vector. Made by {@link EventSystem#newNetCon}; engine
 * defaults are NEURON's: threshold 10 mV, delay 1 ms, weights 0.
 */
public final class NetCon {
    static final double DEFAULT_DELAY = 1.0; // [ms]

    final int id;
    private final EventSystem events;
    private final SpikeSource source;
    final PointProcess target;
    /** NET_RECEIVE arguments; weights[0] is "the" weight. Handed to the target as is. */
    final double[] weights;
    private double delay = DEFAULT_DELAY; // [ms]
    private boolean active;
    private boolean deleted;

    NetCon(int id, EventSystem events, SpikeSource source, PointProcess target, int weightCount) {
        this.id = id;
        this.events = events;
        this.source = source;
        this.target = target;
        this.weights = new double[weightCount];
        this.active = target != null;
    }

    /** The target point process, or null. */
    public PointProcess target() {
        checkAlive();
        return target;
    }

    /** Description of the source (variable name, point process name, or "None"). */
    public String sourceName() {
        checkAlive();
        return source.describe();
    }

    /**
     * NEURON's valid(): it has a source and a target. A NetCon without source still has
     * NEURON's "unused" source when it has a target, so only the target decides.
     */
    public boolean valid() {
        checkAlive();
        return target != null;
    }

    public int weightCount() {
        return weights.length;
    }

    public double weight(int i) {
        checkAlive();
        checkWeightIndex(i);
        return weights[i];
    }

    public void setWeight(int i, double w) {
        checkAlive();
        checkWeightIndex(i);
        weights[i] = w;
    }

    public double delay() {
        return delay;
    }

    /** InvalidValueException for a negative or NaN delay; the NetCon keeps its old one. */
    public void setDelay(double ms) {
        checkAlive();
        if (!(ms >= 0.0) || Double.isInfinite(ms)) {
            throw new InvalidValueException("NetCon delay = " + ms + " ms: must be finite and >= 0");
        }
        delay = ms;
        source.useMinDelay = false; // as NEURON: a changed delay voids the shared queue entry
    }

    /** Threshold of the source [mV]; shared by every NetCon of the same source. */
    public double threshold() {
        checkAlive();
        return source.threshold;
    }

    public void setThreshold(double mV) {
        checkAlive();
        if (Double.isNaN(mV)) {
            throw new InvalidValueException("NetCon threshold = NaN");
        }
        source.threshold = mV;
    }

    /** False: events are neither queued nor delivered. A NetCon without target is never active. */
    public boolean active() {
        return active;
    }

    public void setActive(boolean on) {
        checkAlive();
        if (target != null) {
            active = on;
        }
    }

    /** Records the source's spike times (send times); replaces an earlier record. Null stops recording. */
    public void record(SpikeRecord record) {
        checkAlive();
        source.record = record;
    }

    /** NEURON's nc.event(t): an event to the target at absolute time {@code time} [ms]. */
    public void event(double time) {
        checkAlive();
        events.scheduleNetCon(this, time);
    }

    /**
     * nc.event(t, flag): a self-event with {@code flag} to the target, which must be an
     * artificial cell (NEURON: "Can only send fake self-events to ARTIFICIAL_CELLs").
     */
    public void event(double time, double flag) {
        checkAlive();
        events.scheduleSelfEvent(this, time, flag);
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Removes it from its source and drops its queued events. */
    public void delete() {
        if (deleted) {
            return;
        }
        events.remove(this);
        deleted = true;
    }

    /** Its spike source (NEURON's src_), shared with every NetCon from the same source. */
    public SpikeSource source() {
        return source;
    }

    void detachSource() {
        source.netcons.remove(this);
        source.useMinDelay = false;
    }

    private void checkWeightIndex(int i) {
        if (i < 0 || i >= weights.length) {
            throw new InvalidValueException("NetCon weight index " + i + " outside [0, " + weights.length + ")");
        }
    }

    private void checkAlive() {
        if (deleted) {
            throw new DeletedObjectException("NetCon[" + id + "] was deleted");
        }
    }

    @Override
    public String toString() {
        return "NetCon[" + id + "]";
    }
}
