package org.jpatch.core.mech;

/**
 * A kernel whose {@code current()} and {@code state()} touch only its instances' own
 * rows, the rhs/d/v of their nodes and the ion rows at those nodes. Instances at
 * disjoint node ranges can then be computed by two threads at once: the integrator
 * gives each thread a range of nodes and runs every kernel over the instances there in
 * sweep order, so each node's sums are formed in the same order as by one thread.
 */
public interface RangeKernel {
    /** {@code current()} for instances {@code from} (inclusive) to {@code to} (exclusive). */
    void current(int from, int to);

    /** {@code state()} for instances {@code from} (inclusive) to {@code to} (exclusive). */
    void state(int from, int to);
}
