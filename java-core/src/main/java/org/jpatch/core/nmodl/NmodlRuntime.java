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

    /**
     * at_time(te) of NEURON's fixed step (cvodestb.cpp): 1 when te - 1e-11 lies in
     * (t - dt, t], else 0. Under CVODE it also makes the integrator stop at te; the engine
     * has no CVODE.
     */
    public static double atTime(double t, double dt, double te) {
        double x = te - 1e-11;
        return x <= t && x > t - dt ? 1.0 : 0.0;
    }

    /** NMODL's printf: C's formatting of doubles ({@link CFormat}) onto standard output, where NEURON prints it. */
    public static void printf(String format, double... args) {
        System.out.print(CFormat.format(format, args));
    }

    /** C's fmod: x - n·y for n = x/y truncated, computed exactly; Java's % on doubles is the same IEEE operation. */
    public static double fmod(double x, double y) {
        return x % y;
    }
}
