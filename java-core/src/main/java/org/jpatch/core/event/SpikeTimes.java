package org.jpatch.core.event;

import java.util.Arrays;

/** A growable list of spike times [ms] (and, for record(tvec, idvec, id), the ids). */
public final class SpikeTimes implements SpikeRecord {
    private double[] times = new double[16];
    private int size;

    @Override
    public void clear() {
        size = 0;
    }

    @Override
    public void add(double time) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
        }
        times[size++] = time;
    }

    public int size() {
        return size;
    }

    public double get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("spike " + i + " of " + size);
        }
        return times[i];
    }

    public double[] toArray() {
        return Arrays.copyOf(times, size);
    }
}
