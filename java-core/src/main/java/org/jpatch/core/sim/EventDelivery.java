package org.jpatch.core.sim;

/**
 * The discrete-event half of a simulation (event queue, NetCons, artificial cells),
 * called by the integrator at NEURON's points. Without one, a simulation has no events.
 */
public interface EventDelivery {
    /** Start of finitialize, after lowering and t = 0, before INITIAL blocks (which may net_send): empty the queue. */
    default void initializing(Simulation sim) {}

    /** In finitialize, after INITIAL blocks of mechanisms: clear the queue, initialise artificial cells and NetCons, deliver events at t <= 0. */
    void initialize(Simulation sim);

    /** Start of fadvance: threshold checks on the old v, then deliver events with time <= t + dt/2. */
    void beforeStep(Simulation sim);

    /** End of fadvance, after record: deliver events with time <= t_{n+1}. */
    void afterStep(Simulation sim);

    /**
     * Puts {@code event} into the event queue at {@code time} [ms], replacing its pending
     * one; false when this delivery keeps no queue for others (then the caller queues it).
     * NEURON has one queue, so record/play events interleave with NetCon events by time
     * and, at equal times, by when they were sent.
     */
    default boolean schedule(ScheduledEvent event, double time) {
        return false;
    }

    /** Drops the pending occurrence of {@code event}, if any. */
    default void cancel(ScheduledEvent event) {}

    /** Delivers every queued event with time <= {@code time} [ms] (the t = 0 deliveries of finitialize). */
    default void deliverUntil(Simulation sim, double time) {}

    // ---- the variable step (NEURON's NetCvode with CVode active) ----

    /** The earliest queued event's time [ms]; +∞ when none. */
    default double nextEventTime() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Variable step, condition order 1 (Cvode::check_deliver): every watched threshold and
     * WATCH condition checked at the present t; a crossing sends at t itself (no offset).
     */
    default void checkConditions(Simulation sim) {}

    /**
     * Variable step: {@link #deliverUntil(Simulation, double)}, calling
     * {@code beforeMembraneReceive} before each NET_RECEIVE of a point process on a membrane
     * (not an artificial cell): the integrator must restart from the state it changes.
     */
    default void deliverUntil(Simulation sim, double time, Runnable beforeMembraneReceive) {
        deliverUntil(sim, time);
    }
}
