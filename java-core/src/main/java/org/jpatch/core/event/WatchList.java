package org.jpatch.core.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.jpatch.core.mech.PointProcess;
import org.jpatch.core.mech.WatchConditions;

/**
 * NEURON's WatchConditions for the fixed step ({@code netcvode.cpp}): each instance's
 * WATCH conditions, made once and reused, and the list of watched ones in the order they
 * were activated, which is the order the start of each step checks them in.
 */
final class WatchList {
    /** NEURON's hoc_epsilon: a condition within this of true at activation counts as already true. */
    private static final double ACTIVATION_TOLERANCE = 1e-11;

    /** One WATCH condition of one instance. */
    static final class Condition {
        final int id;
        final PointProcess owner;
        final int condition;
        /** The NET_RECEIVE flag its event carries (NEURON's nrflag_). */
        double flag;
        /** NEURON's flag_: it held at the last check, so it has fired already. */
        boolean above;
        boolean watched;

        private Condition(int id, PointProcess owner, int condition) {
            this.id = id;
            this.owner = owner;
            this.condition = condition;
        }
    }

    private final List<Condition> byId = new ArrayList<>();
    private final Map<PointProcess, Condition[]> byOwner = new IdentityHashMap<>();
    private final List<Condition> watched = new ArrayList<>();

    Condition get(int id) {
        return byId.get(id);
    }

    /**
     * _nrn_watch_activate: the condition is watched (moved to the end of the list), armed
     * unless it already holds. The ids of the conditions {@code replace} drops go to
     * {@code dropped}, which removes their pending events.
     */
    void activate(PointProcess owner, WatchConditions kernel, int condition, double flag, boolean replace,
                  IntConsumer dropped) {
        Condition[] own = byOwner.get(owner);
        if (replace && own != null) {
            for (Condition c : own) {
                if (c != null && c.watched) {
                    unwatch(c);
                    dropped.accept(c.id);
                }
            }
        }
        if (own == null || own.length <= condition) {
            own = own == null ? new Condition[condition + 1] : Arrays.copyOf(own, condition + 1);
            byOwner.put(owner, own);
        }
        Condition c = own[condition];
        if (c == null) {
            c = new Condition(byId.size(), owner, condition);
            byId.add(c);
            own[condition] = c;
        }
        c.flag = flag;
        c.above = kernel.watchValue(owner.values().index(0), condition) >= -ACTIVATION_TOLERANCE;
        if (c.watched) {
            unwatch(c);
        }
        c.watched = true;
        watched.add(c);
    }

    /** The watched conditions in checking order (not to be modified while iterated). */
    List<Condition> watched() {
        return watched;
    }

    /** init_events: nothing is watched after finitialize until NET_RECEIVE says so again. */
    void clear() {
        for (Condition c : watched) {
            c.watched = false;
        }
        watched.clear();
    }

    /** The owner is deleted: its conditions are no longer watched; returns their ids. */
    int[] remove(PointProcess owner) {
        Condition[] own = byOwner.remove(owner);
        if (own == null) {
            return new int[0];
        }
        int[] ids = new int[own.length];
        int n = 0;
        for (Condition c : own) {
            if (c != null) {
                if (c.watched) {
                    unwatch(c);
                }
                ids[n++] = c.id;
            }
        }
        return Arrays.copyOf(ids, n);
    }

    private void unwatch(Condition c) {
        watched.remove(c);
        c.watched = false;
    }
}
