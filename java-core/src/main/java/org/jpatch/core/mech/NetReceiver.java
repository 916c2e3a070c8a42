package org.jpatch.core.mech;

/**
 * A kernel whose type has a NET_RECEIVE block, so NetCons may target its instances.
 * The event system binds itself at finitialize, then calls {@link #netReceive} per event.
 */
public interface NetReceiver extends UsesNetEvents {
    /** Number of NET_RECEIVE arguments: the length of a NetCon's weight vector. */
    int weightCount();

    /**
     * NET_RECEIVE for instance {@code instance}: {@code flag} is 0 for NetCon events and
     * the net_send flag for self-events; {@code tEvent} [ms] is the event time, which is
     * also NEURON's t during the call.
     */
    void netReceive(int instance, double[] weights, double flag, double tEvent);
}
