package org.jpatch.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private static List<Integer> drain(EventQueue q, double until) {
        List<Integer> order = new ArrayList<>();
        while (q.pollUntil(until)) {
            order.add(q.polledIndex());
        }
        return order;
    }

    @Test
    void eventsComeOutInTimeOrder() {
        EventQueue q = new EventQueue();
        double[] times = {5, 1, 4, 2, 3, 0.5, 7, 6};
        for (int i = 0; i < times.length; i++) {
            q.insert(times[i], 0, i, 0);
        }
        assertEquals(List.of(5, 1, 3, 4, 2, 0, 7, 6), drain(q, 100));
        assertTrue(q.isEmpty());
    }

    @Test
    void equalTimesAreFirstInFirstOut() {
        EventQueue q = new EventQueue();
        for (int i = 0; i < 20; i++) {
            q.insert(3.0, 0, i, 0);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, drain(q, 3.0));
    }

    /** NEURON's TQueue: an earlier event displaces the least one into the tree, behind its equals. */
    @Test
    void displacedLeastGoesBehindEventsOfEqualTime() {
        EventQueue q = new EventQueue();
        q.insert(5.0, 0, 0, 0); // least
        q.insert(5.0, 0, 1, 0); // tree
        q.insert(3.0, 0, 2, 0); // new least; event 0 re-enters the tree after event 1
        assertEquals(List.of(2, 1, 0), drain(q, 10));
    }

    @Test
    void pollStopsAtTheBoundInclusive() {
        EventQueue q = new EventQueue();
        q.insert(1.0, 0, 1, 0);
        q.insert(1.0125, 0, 2, 0);
        assertEquals(List.of(1), drain(q, 1.0));
        assertEquals(1.0125, q.leastTime());
        assertFalse(q.pollUntil(1.0124));
        assertEquals(List.of(2), drain(q, 1.0125));
    }

    @Test
    void removeAllDropsOneObjectsEventsAndKeepsTheOthersOrder() {
        EventQueue q = new EventQueue();
        for (int i = 0; i < 10; i++) {
            q.insert(i % 3, i % 2, i, i * 0.5);
        }
        q.removeAll(1, 3);
        q.removeAll(0, 0); // the least slot
        List<Integer> order = drain(q, 10);
        assertEquals(List.of(6, 9, 1, 4, 7, 2, 5, 8), order);
    }

    @Test
    void kindAndValueTravelWithTheEvent() {
        EventQueue q = new EventQueue();
        q.insert(2.0, 2, 9, 3.0);
        assertTrue(q.pollUntil(2.0));
        assertEquals(2, q.polledKind());
        assertEquals(9, q.polledIndex());
        assertEquals(3.0, q.polledValue());
        assertEquals(2.0, q.polledTime());
    }

    /** TQueue::move of the least event: it stays least unless a tree event is now earlier, then goes behind equals. */
    @Test
    void movedLeastEventKeepsTheSlotUntilATreeEventIsEarlier() {
        EventQueue q = new EventQueue();
        q.insert(1.0, 0, 0, 0); // least
        q.insert(4.0, 0, 1, 0);
        q.insert(6.0, 0, 2, 0);
        assertTrue(q.move(0, 0, 4.0)); // not later than the tree's first: still least, still first
        q.insert(4.0, 0, 3, 0);
        assertEquals(List.of(0, 1, 3, 2), drain(q, 10));

        q.insert(1.0, 0, 0, 0);
        q.insert(4.0, 0, 1, 0);
        assertTrue(q.move(0, 0, 5.0)); // later: event 1 takes the slot
        assertEquals(List.of(1, 0), drain(q, 10));
    }

    /** TQueue::move of a tree event: re-enqueued behind its equals, or into the slot when earliest. */
    @Test
    void movedTreeEventGoesBehindEqualsOrTakesTheSlot() {
        EventQueue q = new EventQueue();
        q.insert(1.0, 0, 0, 0);
        q.insert(2.0, 0, 1, 0);
        q.insert(3.0, 0, 2, 0);
        q.insert(3.0, 0, 3, 0);
        assertTrue(q.move(0, 1, 3.0)); // behind 2 and 3
        assertTrue(q.move(0, 3, 0.5)); // earliest: takes the slot, event 0 back into the tree
        assertEquals(List.of(3, 0, 2, 1), drain(q, 10));
        assertFalse(q.move(0, 7, 1.0), "no such event");
    }
}
