package org.jpatch.core.sim;

/**
 * Hooks for record and play at NEURON's points of the fixed step. Observers are called in
 * the order they were added.
 */
public interface StepObserver {
    /**
     * Start of finitialize: t = 0 and the event queue cleared, before v is set and before
     * INITIAL blocks (where NEURON initialises Vector.play and delivers play events at t <= 0).
     */
    default void initializing(Simulation sim) {}

    /** End of finitialize, after INITIAL blocks and the t = 0 current evaluation. */
    void initialized(Simulation sim);

    /** Start of fadvance, after event delivery up to t + dt/2; t is still t_n. */
    default void beforeStep(Simulation sim) {}

    /** Right after each of the two half-step time advances; sim.t() is the new time. */
    default void timeAdvanced(Simulation sim) {}

    /** End of fadvance, after the state updates at t_{n+1}, before events up to t_{n+1}. */
    void afterStep(Simulation sim);

    /**
     * Under CVode, at NEURON's record_continuous points (the model holds the state at sim.t()):
     * before each integration step, at the first delivery to a membrane since a restart
     * (before it), at continuerun's tstop and at the end of cvode.solve. The other hooks but
     * {@link #initializing} and {@link #initialized} are not called under CVode.
     */
    default void variableStepRecord(Simulation sim) {}
}
