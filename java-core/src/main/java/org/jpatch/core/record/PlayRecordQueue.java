package org.jpatch.core.record;

import java.util.Arrays;

/**
 * The record/play events of one simulation, in NEURON's exact delivery order
 * ({@code src/nrncvode/tqueue.cpp}). Each item has at most one pending event.
 *
 * <p>NEURON keeps the earliest event in a "least" slot and the others in a splay tree that
 * is first-in first-out among equal times. An event earlier than the slot's takes the slot
 * and pushes the old one into the tree behind the tree's events of equal time, so equal
 * times are not always delivered in send order. This queue reproduces that: a slot plus a
 * binary min-heap ordered by (time, order of entering the heap). No allocation once the
 * heap has grown to the number of items.
 */
final class PlayRecordQueue {
    private PlayRecord least;
    private PlayRecord[] heap = new PlayRecord[8];
    private int size;
    private long entered;

    /** Schedules {@code item} at {@code time} [ms], replacing its pending event if any. */
    void send(PlayRecord item, double time) {
        cancel(item);
        item.eventTime = time;
        if (least == null) {
            least = item;
        } else if (time < least.eventTime) {
            heapAdd(least);
            least = item;
        } else {
            heapAdd(item);
        }
    }

    void cancel(PlayRecord item) {
        if (item == least) {
            least = size > 0 ? heapRemove(0) : null;
        } else if (item.heapIndex >= 0) {
            heapRemove(item.heapIndex);
        }
    }

    void clear() {
        least = null;
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex = -1;
            heap[i] = null;
        }
        size = 0;
    }

    /** Delivers, in NEURON's order, every event with time <= {@code tUntil} [ms], including those sent meanwhile. */
    void deliverUntil(double tUntil) {
        while (least != null && least.eventTime <= tUntil) {
            PlayRecord item = least;
            least = size > 0 ? heapRemove(0) : null;
            item.deliver(item.eventTime);
        }
    }

    private void heapAdd(PlayRecord item) {
        item.eventOrder = entered++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, 2 * size);
        }
        heap[size] = item;
        item.heapIndex = size;
        size++;
        siftUp(item.heapIndex);
    }

    private PlayRecord heapRemove(int i) {
        PlayRecord removed = heap[i];
        removed.heapIndex = -1;
        size--;
        PlayRecord last = heap[size];
        heap[size] = null;
        if (i < size) {
            place(last, i);
            siftDown(i);
            siftUp(last.heapIndex);
        }
        return removed;
    }

    private static boolean before(PlayRecord a, PlayRecord b) {
        return a.eventTime < b.eventTime || (a.eventTime == b.eventTime && a.eventOrder < b.eventOrder);
    }

    private void siftUp(int i) {
        PlayRecord item = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(item, heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(item, i);
    }

    private void siftDown(int i) {
        PlayRecord item = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], item)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(item, i);
    }

    private void place(PlayRecord item, int i) {
        heap[i] = item;
        item.heapIndex = i;
    }
}
