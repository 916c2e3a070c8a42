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

    /** C's erf (fdlibm's algorithm, {@link FdlibmErf}). */
    public static double erf(double x) {
        return FdlibmErf.erf(x);
    }

    /** C's erfc (fdlibm's algorithm, {@link FdlibmErf}). */
    public static double erfc(double x) {
        return FdlibmErf.erfc(x);
    }

    /** nrn_ghk(v, ci, co, z) at celsius: the GHK current factor [mA/cm² per cm/s], eion.cpp's. */
    public static double ghk(double v, double ci, double co, double z, double celsius) {
        return org.jpatch.core.mech.IonStyle.ghk(v, ci, co, z, celsius);
    }

    /** scop_random(): NEURON's process-wide uniform generator ({@link ScopRandom}). */
    public static double scopRandom() {
        return ScopRandom.next();
    }

    /** set_seed(seed). */
    public static void setSeed(double seed) {
        ScopRandom.setSeed(seed);
    }

    /** exprand(mean), scopmath's: -mean·log(u). */
    public static double exprand(double mean) {
        return -mean * Math.log(ScopRandom.next());
    }

    /** normrand(mean, sd), scopmath's polar Box–Muller from two scop_random draws per try. */
    public static double normrand(double mean, double standardDeviation) {
        double s = 1.0;
        double v1 = 0.0;
        while (s >= 1.0) {
            v1 = 2.0 * ScopRandom.next() - 1.0;
            double v2 = 2.0 * ScopRandom.next() - 1.0;
            s = v1 * v1 + v2 * v2;
        }
        return v1 * Math.sqrt(-2.0 * Math.log(s) / s) * standardDeviation + mean;
    }
}
