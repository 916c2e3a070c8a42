package org.jpatch.core.mech;

/**
 * A {@link RangeKernel} that keeps the instance being computed and its intermediate values
 * in its own fields, as generated kernels do (nocmodl's C keeps them in locals). Two
 * threads cannot share one such object: the second thread computes its range with a twin.
 */
public interface TwinRangeKernel extends RangeKernel {
    /**
     * A kernel of the same type over the same instances, nodes and globals, with scratch
     * of its own. It reads this kernel's tables (built and checked on this one only), and
     * is good until this kernel is bound again.
     */
    RangeKernel twin();
}
