package org.jpatch.core.mech;

/**
 * fdlibm's e_exp.c (the algorithm of StrictMath.exp) in plain Java double arithmetic,
 * and its constants, shared with {@link LanewiseExp}, which performs the same
 * operations on several values at once. Every operation is one IEEE rounding in both,
 * so both give StrictMath.exp's bits whether or not the JIT has compiled them.
 */
final class FdlibmExp {
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final double INV_LN2 = 1.44269504088896338700e+00;
    static final double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03;
    static final double P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06;
    static final double P5 = 4.13813679705723846039e-08;
    /** |x| at and above which e_exp.c reduces by k = ±1 (high word above 0x3fd62e42). */
    static final double HALF_LN2 = Double.longBitsToDouble(0x3fd62e43_00000000L);
    /** |x| at and above which it reduces by k = (int)(x/ln2 ± 0.5) (high word 0x3FF0A2B2). */
    static final double ONE_AND_HALF_LN2 = Double.longBitsToDouble(0x3ff0a2b2_00000000L);
    /** |x| below which exp(x) is 1 + x (high word below 0x3e300000, 2^-28). */
    static final double TINY = Double.longBitsToDouble(0x3e300000_00000000L);
    /**
     * |x| below which the result is normal and finite, so that adding k to the exponent
     * is all the scaling needed; beyond it (and for NaN) StrictMath.exp itself.
     */
    static final double REDUCED_RANGE = 708.0;

    private FdlibmExp() {}

    static double exp(double x) {
        double ax = Math.abs(x);
        if (!(ax < REDUCED_RANGE)) {
            return StrictMath.exp(x);
        }
        if (ax < TINY) {
            return 1.0 + x;
        }
        double k;
        if (ax < HALF_LN2) {
            k = 0.0;
        } else if (ax < ONE_AND_HALF_LN2) {
            k = x < 0 ? -1.0 : 1.0;
        } else {
            k = (long) (INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
        }
        // with k = 0 this is e_exp.c's own k == 0 formula: the same roundings
        double hi = x - k * LN2_HI;
        double lo = k * LN2_LO;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }
}
