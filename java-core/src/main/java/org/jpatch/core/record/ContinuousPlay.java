package org.jpatch.core.record;

import org.jpatch.core.ModelException;
import org.jpatch.core.ref.VarRef;

/**
 * play(&var, tvec, 1) and play(&var, tvec, indices): the variable follows the
 * piecewise-linear function through (tvec[k], values[k]) (NEURON's VecPlayContinuous).
 *
 * <p>It is set at every half step and whenever one of its events is delivered: one per
 * tvec element in order, or, given discontinuity indices, one at tvec[i] for each index i
 * (and none at all for an empty index vector). {@code upperIndex} is the element of the
 * next undelivered event:
 * until it is delivered, times at or past it extrapolate the segment that ends there, and
 * two equal times give the average of their values. Before tvec[0] the first value holds;
 * past the last time the last segment's line is extrapolated (as NEURON does).
 */
final class ContinuousPlay extends PlayRecord {
    private final Vector values;
    private final Vector times; // [ms]
    private final Vector discontinuities; // indices into times; null: an event at every time
    private int upperIndex;
    private int lastIndex;
    private int nextDiscontinuity;

    ContinuousPlay(VarRef ref, Vector values, Vector times, Vector discontinuities) {
        super(ref, discontinuities == null
                ? new Vector[] {values, times} : new Vector[] {values, times, discontinuities});
        this.values = values;
        this.times = times;
        this.discontinuities = discontinuities;
        requireUsable();
    }

    @Override
    void playInit() {
        requireUsable();
        lastIndex = 0;
        nextDiscontinuity = 0;
        if (discontinuities == null) {
            upperIndex = 0;
            send(times.get(0));
        } else {
            advanceToNextDiscontinuity();
        }
    }

    @Override
    void deliver(double tEvent) {
        lastIndex = upperIndex;
        if (discontinuities != null) {
            advanceToNextDiscontinuity();
        } else if (upperIndex < times.size() - 1) {
            upperIndex++;
            send(times.get(upperIndex));
        }
        continuous(tEvent);
    }

    /** The next index's time gets an event; after the last index the whole vector is open. */
    private void advanceToNextDiscontinuity() {
        if (nextDiscontinuity < discontinuities.size()) {
            upperIndex = (int) discontinuities.get(nextDiscontinuity++);
            send(times.get(upperIndex));
        } else {
            upperIndex = times.size() - 1;
        }
    }

    /** Sets the variable to the function's value at {@code t} [ms]. */
    void continuous(double t) {
        ref.set(interpolate(t));
    }

    private double interpolate(double t) {
        double[] tv = times.data();
        double[] yv = values.data();
        if (t >= tv[upperIndex]) {
            lastIndex = upperIndex;
            if (lastIndex == 0) {
                return yv[0];
            }
        } else if (t <= tv[0]) {
            lastIndex = 0;
            return yv[0];
        } else {
            while (t < tv[lastIndex]) {
                --lastIndex;
            }
            while (t >= tv[lastIndex]) {
                ++lastIndex;
            }
        }
        double t0 = tv[lastIndex - 1];
        double t1 = tv[lastIndex];
        double y0 = yv[lastIndex - 1];
        double y1 = yv[lastIndex];
        if (t0 == t1) {
            return (y0 + y1) / 2.0;
        }
        return y0 + (y1 - y0) * ((t - t0) / (t1 - t0));
    }

    private void requireUsable() {
        if (times.size() == 0 || values.size() < times.size()) {
            throw new ModelException("Vector.play continuous: " + values.size()
                    + " values for " + times.size() + " times; need a non-empty time vector and a value per time");
        }
        if (discontinuities != null) {
            for (int k = 0; k < discontinuities.size(); k++) {
                double index = discontinuities.get(k);
                if (!(index >= 0 && index < times.size())) {
                    throw new ModelException("Vector.play continuous: discontinuity index " + index
                            + " outside the time vector [0, " + (times.size() - 1) + "]");
                }
            }
        }
    }
}
