package org.jpatch.core.mech;

/**
 * The cnexp update of gating states s' = (inf - s)/tau over a range of instances,
 * spelled as nocmodl emits it for hh.mod: s += (1 - exp(dt·a))·(-(inf/tau)/a - s) with
 * a = -1/tau. Its exp (three per hh compartment per step, once half of the step) is
 * NEURON's hoc_Exp (nocmodl's {@code #define exp hoc_Exp}) with StrictMath.exp's values
 * (fdlibm; within an ulp of the glibc exp NEURON calls) inside its limits. With
 * {@code --add-modules jdk.incubator.vector} the JVM updates several instances per
 * instruction ({@link LanewiseCnexp}), without it one at a time, by the same IEEE
 * operations: the bits never depend on the module, on the JIT or on where a thread's
 * range of instances begins, so two threads give the results of one.
 */
public final class Cnexp {
    /** hoc_Exp's limits: 0 below -700, exp(700) above 700. */
    static final double HOC_EXP_LIMIT = 700.0;
    /**
     * Ranges shorter than this go one instance at a time even with the module: the same
     * bits, and a few instances per step would leave the lane-wise loop uncompiled (and
     * allocating its vectors) for tens of thousands of steps.
     */
    private static final int LANEWISE_MIN_INSTANCES = 64;
    private static final boolean LANEWISE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /**
     * Until the JIT has compiled the lane-wise loop it runs interpreted, boxing every
     * vector (15 ms per step of a 10,001-compartment hh cable instead of 0.3 ms). A
     * daemon thread exercises it that long while the steps go one instance at a time;
     * the bits are the same either way, so the switch may happen mid-run.
     */
    private static final int WARM_UP_CALLS = 5_000;
    private static volatile boolean lanewiseCompiled;

    static {
        if (LANEWISE) {
            Thread warmUp = new Thread(Cnexp::warmUpLanewise, "jpatch-cnexp-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    private Cnexp() {}

    /**
     * Whether updates of ranges of 64 or more instances now go through the Vector API: the
     * JVM was given jdk.incubator.vector and the lane-wise loop has been warmed up.
     */
    public static boolean lanewise() {
        return lanewiseCompiled;
    }

    /** s[i] advanced by dt [ms] towards inf[i] with time constant tau[i] [ms], for i in [from, to). */
    public static void update(double[] s, double[] inf, double[] tau, int from, int to, double dt) {
        int i = from;
        if (lanewiseCompiled && to - from >= LANEWISE_MIN_INSTANCES) {
            i = LanewiseCnexp.update(s, inf, tau, from, to, dt);
        }
        for (; i < to; i++) {
            s[i] = update(s[i], inf[i], tau[i], dt);
        }
    }

    private static void warmUpLanewise() {
        int n = LANEWISE_MIN_INSTANCES;
        double[] s = new double[n], inf = new double[n], tau = new double[n];
        java.util.Arrays.fill(tau, 1.0);  // [ms]
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            LanewiseCnexp.update(s, inf, tau, 0, n, 0.025);
        }
        lanewiseCompiled = true;
    }

    /** One instance's update; {@link LanewiseCnexp} performs the same operations per lane. */
    static double update(double s, double inf, double tau, double dt) {
        double a = (-1.0) / tau;
        return s + (1. - exp(dt * a)) * (-(inf / tau) / a - s);
    }

    /**
     * The exp of these updates, for kernels that spell their cnexp updates themselves
     * (generated from NMODL) and must give the same bits: hoc_Exp with fdlibm's values.
     */
    public static double exp(double x) {
        if (x < -HOC_EXP_LIMIT) {
            return 0.;
        }
        if (x > HOC_EXP_LIMIT) {
            return FdlibmExp.exp(HOC_EXP_LIMIT);
        }
        return FdlibmExp.exp(x);
    }
}
