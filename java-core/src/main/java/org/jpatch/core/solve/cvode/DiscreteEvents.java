package org.jpatch.core.solve.cvode;

/**
 * The event queue as the variable step sees it (NEURON's NetCvode around its Cvode):
 * the integrator stops at each event's time, lets it be delivered, and restarts when
 * a delivery changes a membrane mechanism's state.
 */
public interface DiscreteEvents {
    /** The earliest queued event's time [ms]; +∞ when none. */
    double nextEventTime();

    /**
     * Delivers every queued event with time ≤ t [ms] (those it queues at ≤ t too), calling
     * {@code beforeMembraneReceive} before each NET_RECEIVE of a point process on a membrane.
     */
    void deliverUntil(double t, Runnable beforeMembraneReceive);

    /** Threshold and WATCH checks at the present t (condition order 1): crossings send at t. */
    void checkConditions();

    /** No events at all. */
    DiscreteEvents NONE = new DiscreteEvents() {
        @Override
        public double nextEventTime() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public void deliverUntil(double t, Runnable beforeMembraneReceive) {}

        @Override
        public void checkConditions() {}

    };
}
