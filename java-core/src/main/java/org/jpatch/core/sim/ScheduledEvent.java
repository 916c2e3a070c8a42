package org.jpatch.core.sim;

/**
 * An event another part of the engine (record and play) puts into the simulation's one
 * event queue, so that it is delivered in NEURON's order among NetCon and self-events.
 */
public interface ScheduledEvent {
    /** The event is due: {@code time} [ms] is the time it was scheduled for. */
    void deliver(double time);
}
