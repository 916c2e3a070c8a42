package org.jpatch.core.solve.cvode;

/**
 * What {@link Bdf} integrates: y' = f(t, y) and the solve of the Newton system
 * (I - γJ)x = b with an approximation of J chosen by the system (NEURON's: the tree
 * matrix plus each mechanism's diagonal, at the point of the last {@link #f} call).
 */
public interface OdeSystem {
    /** ydot = f(t, y); may keep what it computed for the next {@link #solve}. */
    void f(double t, double[] y, double[] ydot);

    /** Overwrites b with (I - γJ)⁻¹ b; γ [ms] is the present step's h·l₀⁻¹. */
    void solve(double[] b, double gamma);
}
