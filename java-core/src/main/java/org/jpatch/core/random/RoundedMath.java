package org.jpatch.core.random;

/**
 * log, exp and pow rounded once from a double-double value (hi + lo, about 106 bits): the
 * correctly rounded result unless the exact value lies extremely close to a rounding tie.
 * {@link DrawMath} uses it when the JVM may not call the C library. glibc's functions agree
 * with it except for about one argument in a thousand (they round values within ~1e-3 ulp of a
 * tie either way); Java's Math.log and Math.exp disagree with glibc as often, StrictMath's
 * (fdlibm) about ten times more often.
 */
public final class RoundedMath {
    /** ln 2 as hi + lo, hi the double nearest ln 2. */
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    /** exp overflows above ln(DBL_MAX) and is 0 below ln(2^-1075). */
    private static final double EXP_OVERFLOW = 0x1.62e42fefa39efp9;
    private static final double EXP_UNDERFLOW = -0x1.74910d52d3052p9;
    /** The reduced argument of exp is divided by 2^EXP_HALVINGS, the result squared back. */
    private static final int EXP_HALVINGS = 8;
    private static final int EXP_TAYLOR_TERMS = 12;
    /** log's series in s^2 runs to s^(2·LOG_SERIES_TERMS + 1), |s| <= 0.1716. */
    private static final int LOG_SERIES_TERMS = 22;
    private static final double SQRT_HALF = 0x1.6a09e667f3bcdp-1;
    /** Where logDD leaves hi and lo, one per thread, so that a draw allocates nothing. */
    private static final ThreadLocal<double[]> LOG_PARTS = ThreadLocal.withInitial(() -> new double[2]);

    private RoundedMath() {}

    /** Natural logarithm; C's special values (log(0) = -inf, log(x < 0) = NaN). */
    public static double log(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            if (x == 0.0) {
                return Double.NEGATIVE_INFINITY;
            }
            return x < 0.0 ? Double.NaN : x;
        }
        if (x == 1.0) {
            return 0.0;
        }
        double[] dd = LOG_PARTS.get();
        logDD(x, dd);
        return dd[0] + dd[1];
    }

    /** e^x; C's limits (overflow to +inf, underflow to 0). */
    public static double exp(double x) {
        return expDD(x, 0.0);
    }

    /** x^y for the cases C's pow defines, through exp(y·log|x|) in double-double. */
    public static double pow(double x, double y) {
        if (y == 0.0 || x == 1.0) {
            return 1.0;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x) || Double.isInfinite(y) || x == 0.0) {
            // the limits C99 Annex F gives: only the finite, non-zero bases need the series
            return StrictMath.pow(x, y);
        }
        double sign = 1.0;
        if (x < 0.0) {
            if (Math.rint(y) != y) {
                return Double.NaN;
            }
            // y is a whole number here; odd ones keep the sign of x
            if (Math.abs(y) < 0x1p53 && ((long) y & 1L) == 1L) {
                sign = -1.0;
            }
            x = -x;
        }
        double[] log = LOG_PARTS.get();
        logDD(x, log);
        double productHi = y * log[0];
        double productLo = Math.fma(y, log[0], -productHi) + y * log[1];
        return sign * expDD(productHi, productLo);
    }

    /** log(x) for finite x > 0 into out[0] + out[1]. */
    private static void logDD(double x, double[] out) {
        int exponent = Math.getExponent(x);
        if (exponent == Double.MIN_EXPONENT - 1) { // subnormal: scale into the normal range
            x *= 0x1p54;
            exponent = Math.getExponent(x) - 54;
        }
        double m = x * Math.scalb(1.0, -Math.getExponent(x)); // exact: [1, 2)
        if (m > 1.0 / SQRT_HALF) {
            m *= 0.5;
            exponent++;
        }
        // log m = 2 atanh(s), s = (m - 1)/(m + 1); m - 1 is exact, m + 1 kept as hi + lo
        double num = m - 1.0;
        double denHi = m + 1.0;
        double denBb = denHi - m;
        double denLo = (m - (denHi - denBb)) + (1.0 - denBb);
        double sHi = num / denHi;
        // remainder num - s·den, exact to double-double
        double pHi = sHi * denHi;
        double pLo = Math.fma(sHi, denHi, -pHi) + sHi * denLo;
        double sLo = ((num - pHi) - pLo) / denHi;
        double s0 = sHi + sLo;
        sLo = sLo - (s0 - sHi);
        sHi = s0;
        // t = s^2
        double tHi = sHi * sHi;
        double tLo = Math.fma(sHi, sHi, -tHi) + 2.0 * sHi * sLo;
        // series P(t) = sum t^j/(2j + 1), Horner in double-double
        double pSeriesHi = 1.0 / (2 * LOG_SERIES_TERMS + 1);
        double pSeriesLo = 0.0;
        for (int j = LOG_SERIES_TERMS - 1; j >= 0; j--) {
            // (p · t)
            double mh = pSeriesHi * tHi;
            double ml = Math.fma(pSeriesHi, tHi, -mh) + (pSeriesHi * tLo + pSeriesLo * tHi);
            // + 1/(2j + 1) as hi + lo
            double cHi = 1.0 / (2 * j + 1);
            double cLo = Math.fma(-cHi, 2 * j + 1, 1.0) / (2 * j + 1);
            double sum = mh + cHi;
            double bb = sum - mh;
            double err = (mh - (sum - bb)) + (cHi - bb);
            err += ml + cLo;
            pSeriesHi = sum + err;
            pSeriesLo = err - (pSeriesHi - sum);
        }
        // 2 s P
        double rHi = sHi * pSeriesHi;
        double rLo = Math.fma(sHi, pSeriesHi, -rHi) + (sHi * pSeriesLo + sLo * pSeriesHi);
        rHi *= 2.0;
        rLo *= 2.0;
        // + exponent · ln 2
        double kHi = exponent * LN2_HI;
        double kLo = Math.fma(exponent, LN2_HI, -kHi) + exponent * LN2_LO;
        double sum = kHi + rHi;
        double bb = sum - kHi;
        double err = (kHi - (sum - bb)) + (rHi - bb);
        err += kLo + rLo;
        out[0] = sum + err;
        out[1] = err - (out[0] - sum);
    }

    /** e^(xHi + xLo), |xLo| at most half an ulp of xHi, rounded once. */
    private static double expDD(double xHi, double xLo) {
        if (Double.isNaN(xHi)) {
            return xHi;
        }
        if (xHi > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        if (xHi < EXP_UNDERFLOW) {
            return 0.0;
        }
        double k = Math.rint(xHi * INV_LN2);
        // r = x - k ln 2 in double-double
        double aHi = k * LN2_HI;
        double aLo = Math.fma(k, LN2_HI, -aHi);
        double rHi = xHi - aHi;                        // exact: Sterbenz for |r| <= ln 2
        double rLo = (xLo - aLo) - k * LN2_LO;
        double r0 = rHi + rLo;
        rLo = rLo - (r0 - rHi);
        rHi = r0;
        double halving = Math.scalb(1.0, -EXP_HALVINGS);
        rHi *= halving;
        rLo *= halving;
        // e^r - 1 by Taylor in double-double (Horner on terms r^n/n!)
        double eHi = 0.0;
        double eLo = 0.0;
        for (int n = EXP_TAYLOR_TERMS; n >= 1; n--) {
            // e <- (1 + e)·r/n: after the last step e = r + r^2/2! + ... + r^12/12!
            double oneHi = 1.0 + eHi;
            double oneBb = oneHi - 1.0;
            double oneLo = (1.0 - (oneHi - oneBb)) + (eHi - oneBb) + eLo;
            double mh = oneHi * rHi;
            double ml = Math.fma(oneHi, rHi, -mh) + (oneHi * rLo + oneLo * rHi);
            double qHi = mh / n;
            double qLo = (Math.fma(-qHi, n, mh) + ml) / n;
            eHi = qHi + qLo;
            eLo = qLo - (eHi - qHi);
        }
        // (1 + e)^(2^EXP_HALVINGS) - 1 by repeated e <- 2e + e^2: squaring 1 + e without losing e's low bits
        for (int i = 0; i < EXP_HALVINGS; i++) {
            double sqHi = eHi * eHi;
            double sqLo = Math.fma(eHi, eHi, -sqHi) + 2.0 * eHi * eLo;
            double twoHi = 2.0 * eHi;
            double twoLo = 2.0 * eLo;
            double sum = twoHi + sqHi;
            double bb = sum - twoHi;
            double err = (twoHi - (sum - bb)) + (sqHi - bb);
            err += twoLo + sqLo;
            eHi = sum + err;
            eLo = err - (eHi - sum);
        }
        // 1 + e, rounded once, times 2^k
        double sum = 1.0 + eHi;
        double bb = sum - 1.0;
        double err = (1.0 - (sum - bb)) + (eHi - bb) + eLo;
        // scalb is exact for normal results; a subnormal one (x < -708) is rounded twice
        return Math.scalb(sum + err, (int) k);
    }
}
