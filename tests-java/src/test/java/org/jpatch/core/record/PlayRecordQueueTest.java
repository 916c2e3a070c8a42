package org.jpatch.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jpatch.core.ref.VarRef;
import org.junit.jupiter.api.Test;

class PlayRecordQueueTest {
    private final List<String> delivered = new ArrayList<>();

    /** An item that logs its deliveries. */
    private final class Probe extends PlayRecord {
        final String name;

        Probe(String name) {
            super(new VarRef() {
                public double get() {
                    return 0;
                }

                public void set(double value) {}

                public String name() {
                    return name;
                }
            });
            this.name = name;
        }

        @Override
        void deliver(double tEvent) {
            delivered.add(name + "@" + tEvent);
        }
    }

    @Test
    void eventsAreDeliveredInTimeOrderUpToTheLimitOnly() {
        PlayRecordQueue queue = new PlayRecordQueue();
        queue.send(new Probe("a"), 3);
        queue.send(new Probe("b"), 1);
        queue.send(new Probe("c"), 2);
        queue.deliverUntil(2);
        assertEquals(List.of("b@1.0", "c@2.0"), delivered);
        queue.deliverUntil(10);
        assertEquals(List.of("b@1.0", "c@2.0", "a@3.0"), delivered);
    }

    @Test
    void equalTimesAreFirstInFirstOutWithoutDisplacement() {
        PlayRecordQueue queue = new PlayRecordQueue();
        queue.send(new Probe("a"), 1);
        queue.send(new Probe("b"), 1);
        queue.send(new Probe("c"), 1);
        queue.deliverUntil(1);
        assertEquals(List.of("a@1.0", "b@1.0", "c@1.0"), delivered);
    }

    @Test
    void anEventDisplacedFromTheLeastSlotGoesBehindEqualTimesAsInNeuron() {
        PlayRecordQueue queue = new PlayRecordQueue();
        queue.send(new Probe("a"), 1); // takes the least slot
        queue.send(new Probe("c"), 1); // enters the tree
        queue.send(new Probe("b"), 0.5); // takes the slot, pushes a into the tree behind c
        queue.deliverUntil(1);
        assertEquals(List.of("b@0.5", "c@1.0", "a@1.0"), delivered);
    }

    @Test
    void resendingOrCancellingReplacesThePendingEvent() {
        PlayRecordQueue queue = new PlayRecordQueue();
        Probe a = new Probe("a");
        Probe b = new Probe("b");
        queue.send(a, 1);
        queue.send(b, 2);
        queue.send(a, 3);
        queue.cancel(b);
        queue.deliverUntil(10);
        assertEquals(List.of("a@3.0"), delivered);
    }
}
