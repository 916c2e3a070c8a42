package org.jpatch.core.mech;

/**
 * A twin ({@link TwinRangeKernel#twin}) with GLOBAL values of its own, as NEURON gives
 * each thread a copy of the GLOBALs a THREADSAFE mechanism assigns. Both calls come on the
 * caller's thread, while the helper thread is idle.
 */
public interface ThreadGlobals {
    /** Before a split sweep: the twin takes the shared GLOBAL values (the user may have set some). */
    void takeGlobals();

    /**
     * After a split sweep of currents ({@code states} false) or states in which the twin
     * computed at least one instance: the shared GLOBALs every instance assigns in that
     * sweep get the twin's values, those its last instance left, as one thread leaves them.
     */
    void giveGlobals(boolean states);
}
