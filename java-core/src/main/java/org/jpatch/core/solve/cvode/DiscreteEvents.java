package org.jpatch.core.solve.cvode;

/**
 * The event queue as the variable step sees it (NEURON's NetCvode around its Cvode):
 * the integrator stops at each event's time, lets it be delivered, and restarts when
 * a delivery changed a membrane mechanism's state.
 */
public interface DiscreteEvents {
    /** The earliest queued event's time [ms]; +∞ when none. */
    double nextEventTime();

    /** Delivers every queued event with time ≤ t [ms] (those it queues at ≤ t too). */
    void deliverUntil(double t);

    /** Threshold and WATCH checks at the present t (condition order 1): crossings send at t. */
    void checkConditions();

    /** Deliveries so far to point processes on a membrane; a change means the state jumped. */
    long membraneDeliveries();

    /** No events at all. */
    DiscreteEvents NONE = new DiscreteEvents() {
        @Override
        public double nextEventTime() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public void deliverUntil(double t) {}

        @Override
        public void checkConditions() {}

        @Override
        public long membraneDeliveries() {
            return 0;
        }
    };
}
