package org.jpatch.core.mech;

/**
 * A receiver whose NET_RECEIVE has WATCH statements: the event system evaluates their
 * conditions at the start of every fixed step, after the threshold checks.
 */
public interface WatchConditions extends NetReceiver {
    /**
     * Condition {@code condition} of instance {@code instance} as nocmodl's
     * {@code _watchN_cond}: {@code a - b} for {@code WATCH (a > b)}, {@code -(a - b)} for
     * {@code (a < b)}; the condition holds when it is above 0.
     */
    double watchValue(int instance, int condition);
}
