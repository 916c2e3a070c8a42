package org.jpatch.core.event;

import java.util.Arrays;
import org.jpatch.core.mech.PointProcess;

/**
 * Self-events in flight (net_send, nc.event(t, flag)): each occupies a slot holding its
 * target and the weight vector NET_RECEIVE gets back; the queue carries the slot number.
 * Slots are reused, so sending allocates nothing once the pool has its working size.
 */
final class SelfEventSlots {
    private PointProcess[] target = new PointProcess[16];
    private double[][] weights = new double[16][];
    private int[] free = new int[16];
    private int freeCount;
    private int used;

    int take(PointProcess to, double[] weightVector) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == target.length) {
                int capacity = 2 * target.length;
                target = Arrays.copyOf(target, capacity);
                weights = Arrays.copyOf(weights, capacity);
                free = Arrays.copyOf(free, capacity);
            }
            slot = used++;
        }
        target[slot] = to;
        weights[slot] = weightVector;
        return slot;
    }

    PointProcess target(int slot) {
        return target[slot];
    }

    double[] weights(int slot) {
        return weights[slot];
    }

    void release(int slot) {
        target[slot] = null;
        weights[slot] = null;
        free[freeCount++] = slot;
    }

    /** Every slot free again (the queue was emptied). */
    void clear() {
        Arrays.fill(target, 0, used, null);
        Arrays.fill(weights, 0, used, null);
        used = 0;
        freeCount = 0;
    }

    /** The slots of events to {@code pp}, for dropping them from the queue. */
    int[] slotsOf(PointProcess pp) {
        int[] found = new int[used];
        int n = 0;
        for (int slot = 0; slot < used; slot++) {
            if (target[slot] == pp) {
                found[n++] = slot;
            }
        }
        return Arrays.copyOf(found, n);
    }
}
