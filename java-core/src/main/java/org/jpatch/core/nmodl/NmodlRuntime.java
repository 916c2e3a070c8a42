package org.jpatch.core.nmodl;

/** NEURON's semantics of the built-in functions generated kernels call. */
public final class NmodlRuntime {
    private NmodlRuntime() {
    }

    /**
     * NMODL's exp is NEURON's hoc_Exp (nocmodl emits {@code #define exp hoc_Exp}): 0 below
     * -700, exp(700) above 700 (NEURON also prints a warning there; the engine does no I/O).
     */
    public static double exp(double x) {
        if (x < -700.) {
            return 0.;
        }
        if (x > 700.) {
            return Math.exp(700.);
        }
        return Math.exp(x);
    }
}
