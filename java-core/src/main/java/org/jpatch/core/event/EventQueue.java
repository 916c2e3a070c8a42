package org.jpatch.core.event;

import java.util.Arrays;

/**
 * NEURON's event queue ({@code src/nrncvode/tqueue.cpp}) with its exact order of delivery.
 *
 * <p>NEURON keeps the earliest event in a separate "least" slot and all others in a splay
 * tree that orders equal times first-in first-out. An event earlier than the slot's takes
 * the slot and pushes the old one into the tree <em>behind</em> the tree's events of equal
 * time. So equal-time events are FIFO except after such a displacement; this queue
 * reproduces that: a slot plus a binary heap ordered by (time, order of entering the heap).
 *
 * <p>An event is three numbers: a kind, an index whose meaning the kind gives, and a
 * double (a self-event's flag). Storage is parallel primitive arrays that grow
 * geometrically: no allocation per event once the queue has reached its working size.
 */
final class EventQueue {
    private static final int INITIAL_CAPACITY = 64;

    // the least slot
    private boolean hasLeast;
    private double leastTime; // [ms]
    private int leastKind;
    private int leastIndex;
    private double leastValue;

    // the heap (NEURON's splay tree), entries 0 .. heapSize-1
    private double[] time = new double[INITIAL_CAPACITY]; // [ms]
    private long[] order = new long[INITIAL_CAPACITY];
    private int[] kind = new int[INITIAL_CAPACITY];
    private int[] index = new int[INITIAL_CAPACITY];
    private double[] value = new double[INITIAL_CAPACITY];
    private int heapSize;
    private long enqueued;

    // the event last taken by poll()
    private double polledTime;
    private int polledKind;
    private int polledIndex;
    private double polledValue;

    void clear() {
        hasLeast = false;
        heapSize = 0;
        enqueued = 0;
    }

    boolean isEmpty() {
        return !hasLeast;
    }

    /** Time of the earliest event; +infinity when empty. */
    double leastTime() {
        return hasLeast ? leastTime : Double.POSITIVE_INFINITY;
    }

    void insert(double t, int eventKind, int eventIndex, double eventValue) {
        if (!hasLeast) {
            setLeast(t, eventKind, eventIndex, eventValue);
        } else if (t < leastTime) {
            heapAdd(leastTime, leastKind, leastIndex, leastValue);
            setLeast(t, eventKind, eventIndex, eventValue);
        } else {
            heapAdd(t, eventKind, eventIndex, eventValue);
        }
    }

    /**
     * Takes the earliest event if its time is {@code <= until} (NEURON's atomic_dq); its
     * fields are then readable through the polled* accessors.
     */
    boolean pollUntil(double until) {
        if (!hasLeast || leastTime > until) {
            return false;
        }
        polledTime = leastTime;
        polledKind = leastKind;
        polledIndex = leastIndex;
        polledValue = leastValue;
        if (heapSize > 0) {
            setLeast(time[0], kind[0], index[0], value[0]);
            heapRemoveTop();
        } else {
            hasLeast = false;
        }
        return true;
    }

    double polledTime() {
        return polledTime;
    }

    int polledKind() {
        return polledKind;
    }

    int polledIndex() {
        return polledIndex;
    }

    double polledValue() {
        return polledValue;
    }

    /**
     * Drops every event matching kind and index (an object that went away), keeping the
     * relative order of the others.
     */
    void removeAll(int eventKind, int eventIndex) {
        int kept = 0;
        for (int i = 0; i < heapSize; i++) {
            if (kind[i] != eventKind || index[i] != eventIndex) {
                moveEntry(i, kept++);
            }
        }
        heapSize = kept;
        // the (time, order) keys are unchanged, so re-heapify restores the same order
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        if (hasLeast && leastKind == eventKind && leastIndex == eventIndex) {
            if (heapSize > 0) {
                setLeast(time[0], kind[0], index[0], value[0]);
                heapRemoveTop();
            } else {
                hasLeast = false;
            }
        }
    }

    /**
     * Gives the queued event of this kind and index the time {@code t} (NEURON's
     * TQueue::move, for net_move): the least event stays in the slot unless a tree event is
     * now earlier; an event leaving or entering the tree goes behind the tree's events of
     * equal time. False when no such event is queued.
     */
    boolean move(int eventKind, int eventIndex, double t) {
        if (hasLeast && leastKind == eventKind && leastIndex == eventIndex) {
            leastTime = t;
            if (heapSize > 0 && t > time[0]) {
                double value0 = leastValue;
                setLeast(time[0], kind[0], index[0], value[0]);
                heapRemoveTop();
                heapAdd(t, eventKind, eventIndex, value0);
            }
            return true;
        }
        int at = heapIndexOf(eventKind, eventIndex);
        if (at < 0) {
            return false;
        }
        double eventValue = value[at];
        heapRemoveAt(at);
        if (t < leastTime) {
            heapAdd(leastTime, leastKind, leastIndex, leastValue);
            setLeast(t, eventKind, eventIndex, eventValue);
        } else {
            heapAdd(t, eventKind, eventIndex, eventValue);
        }
        return true;
    }

    private int heapIndexOf(int eventKind, int eventIndex) {
        for (int i = 0; i < heapSize; i++) {
            if (kind[i] == eventKind && index[i] == eventIndex) {
                return i;
            }
        }
        return -1;
    }

    private void heapRemoveAt(int i) {
        heapSize--;
        if (i < heapSize) {
            moveEntry(heapSize, i);
            siftDown(i);
            siftUp(i);
        }
    }

    private void setLeast(double t, int eventKind, int eventIndex, double eventValue) {
        hasLeast = true;
        leastTime = t;
        leastKind = eventKind;
        leastIndex = eventIndex;
        leastValue = eventValue;
    }

    private void heapAdd(double t, int eventKind, int eventIndex, double eventValue) {
        if (heapSize == time.length) {
            grow();
        }
        int i = heapSize++;
        time[i] = t;
        order[i] = enqueued++;
        kind[i] = eventKind;
        index[i] = eventIndex;
        value[i] = eventValue;
        siftUp(i);
    }

    private void heapRemoveTop() {
        heapSize--;
        if (heapSize > 0) {
            moveEntry(heapSize, 0);
            siftDown(0);
        }
    }

    private boolean before(int i, int j) {
        return time[i] < time[j] || (time[i] == time[j] && order[i] < order[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= heapSize) {
                return;
            }
            int right = left + 1;
            int first = (right < heapSize && before(right, left)) ? right : left;
            if (!before(first, i)) {
                return;
            }
            swap(i, first);
            i = first;
        }
    }

    private void swap(int i, int j) {
        double t = time[i]; time[i] = time[j]; time[j] = t;
        long o = order[i]; order[i] = order[j]; order[j] = o;
        int k = kind[i]; kind[i] = kind[j]; kind[j] = k;
        int x = index[i]; index[i] = index[j]; index[j] = x;
        double v = value[i]; value[i] = value[j]; value[j] = v;
    }

    private void moveEntry(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        kind[to] = kind[from];
        index[to] = index[from];
        value[to] = value[from];
    }

    private void grow() {
        int capacity = time.length * 2;
        time = Arrays.copyOf(time, capacity);
        order = Arrays.copyOf(order, capacity);
        kind = Arrays.copyOf(kind, capacity);
        index = Arrays.copyOf(index, capacity);
        value = Arrays.copyOf(value, capacity);
    }
}
