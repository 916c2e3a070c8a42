package org.jpatch.core.sim;

/**
 * A run (continuerun, psolve) ended early because another thread asked it to stop
 * ({@link Simulation#requestStop}). Thrown at a step boundary: the model is consistent
 * and t is where the last complete step left it, so a later run goes on from there.
 */
public final class RunInterruptedException extends RuntimeException {
    private final double tMs;

    public RunInterruptedException(double tMs) {
        super("run interrupted at t = " + tMs + " ms");
        this.tMs = tMs;
    }

    /** Where the run stopped [ms]. */
    public double t() {
        return tMs;
    }
}
