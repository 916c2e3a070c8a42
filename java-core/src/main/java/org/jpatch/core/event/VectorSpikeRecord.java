package org.jpatch.core.event;

import java.util.Objects;
import org.jpatch.core.record.Vector;

/**
 * NetCon.record(tvec) and record(tvec, idvec, id): spike times appended to a Vector and,
 * with an id vector, the source's id beside each time. Both vectors are emptied at
 * finitialize, as NEURON's PreSyn::init does.
 */
public final class VectorSpikeRecord implements SpikeRecord {
    private final Vector times;
    private final Vector ids;
    private final double id;

    /** Times only. */
    public VectorSpikeRecord(Vector times) {
        this.times = Objects.requireNonNull(times, "times");
        this.ids = null;
        this.id = 0.0;
    }

    /** Times into {@code times}, {@code id} into {@code ids} for each spike. */
    public VectorSpikeRecord(Vector times, Vector ids, double id) {
        this.times = Objects.requireNonNull(times, "times");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.id = id;
    }

    @Override
    public void clear() {
        times.resize(0);
        if (ids != null) {
            ids.resize(0);
        }
    }

    @Override
    public void add(double time) {
        times.append(time);
        if (ids != null) {
            ids.append(id);
        }
    }
}
