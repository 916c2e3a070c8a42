package org.jpatch.core.mech;

/**
 * A receiver whose NET_RECEIVE has an INITIAL block: at finitialize, after the
 * mechanisms' INITIAL blocks, NEURON's init_events runs it once per NetCon targeting an
 * instance, on that NetCon's weight vector (receivers without one get their weights past
 * the first zeroed instead).
 */
public interface NetReceiveInitial extends NetReceiver {
    /** NET_RECEIVE's INITIAL for one NetCon into instance {@code instance}: it may set {@code weights}. */
    void initialWeights(int instance, double[] weights);
}
