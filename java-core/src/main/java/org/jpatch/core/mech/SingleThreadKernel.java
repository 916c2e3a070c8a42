package org.jpatch.core.mech;

/**
 * A kernel whose instances must all be computed by one thread, and why: a model with one
 * never splits its step (NEURON refuses to run such a mechanism on a thread other than
 * thread 0).
 */
public interface SingleThreadKernel {
    /** Why, in words for the user. */
    String singleThreadReason();
}
