package org.jpatch.core.event;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jpatch.core.sim.ScheduledEvent;

/**
 * Record and play events queued here by id (the queue carries the id), each with at
 * most one pending occurrence. An id is made the first time an event is scheduled.
 */
final class ScheduledEvents {
    private final Map<ScheduledEvent, Integer> ids = new IdentityHashMap<>();
    private ScheduledEvent[] events = new ScheduledEvent[8];
    private boolean[] pending = new boolean[8];

    int idOf(ScheduledEvent event) {
        Integer id = ids.get(event);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        if (next == events.length) {
            events = Arrays.copyOf(events, 2 * next);
            pending = Arrays.copyOf(pending, 2 * next);
        }
        events[next] = event;
        ids.put(event, next);
        return next;
    }

    /** The id of an event scheduled before, or -1. */
    int knownId(ScheduledEvent event) {
        Integer id = ids.get(event);
        return id == null ? -1 : id;
    }

    ScheduledEvent event(int id) {
        return events[id];
    }

    boolean isPending(int id) {
        return pending[id];
    }

    void setPending(int id, boolean isPending) {
        pending[id] = isPending;
    }

    /** None pending (the queue was emptied). */
    void clearPending() {
        Arrays.fill(pending, false);
    }
}
