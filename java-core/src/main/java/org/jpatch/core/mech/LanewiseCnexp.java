package org.jpatch.core.mech;

import static org.jpatch.core.mech.FdlibmExp.HALF_LN2;
import static org.jpatch.core.mech.FdlibmExp.INV_LN2;
import static org.jpatch.core.mech.FdlibmExp.LN2_HI;
import static org.jpatch.core.mech.FdlibmExp.LN2_LO;
import static org.jpatch.core.mech.FdlibmExp.ONE_AND_HALF_LN2;
import static org.jpatch.core.mech.FdlibmExp.P1;
import static org.jpatch.core.mech.FdlibmExp.P2;
import static org.jpatch.core.mech.FdlibmExp.P3;
import static org.jpatch.core.mech.FdlibmExp.P4;
import static org.jpatch.core.mech.FdlibmExp.P5;
import static org.jpatch.core.mech.FdlibmExp.TINY;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Cnexp}'s update on a vector of instances at a time, with {@link FdlibmExp}'s
 * operations for the exp (the Vector API's own EXP is not used: its results change by
 * an ulp when the JIT compiles it). Loaded only when the JVM has the
 * jdk.incubator.vector module, so java-core runs without it.
 */
final class LanewiseCnexp {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** 1.5·2^52: integers of magnitude below 2^51 added to it sit in its low mantissa bits. */
    private static final double INTEGER_SHIFT = 0x1.8p52;
    private static final long INTEGER_SHIFT_BITS = Double.doubleToRawLongBits(INTEGER_SHIFT);

    private LanewiseCnexp() {}

    /**
     * Cnexp.update for whole vectors from {@code from}; returns where the remainder
     * (fewer than a vector, or a vector with an exp argument beyond hoc_Exp's limits) begins.
     */
    static int update(double[] s, double[] inf, double[] tau, int from, int to, double dt) {
        int i = from;
        for (int bound = to - SPECIES.length(); i <= bound; i += SPECIES.length()) {
            DoubleVector tauV = DoubleVector.fromArray(SPECIES, tau, i);
            DoubleVector a = DoubleVector.broadcast(SPECIES, -1.0).div(tauV);
            DoubleVector x = a.mul(dt);
            DoubleVector ax = x.abs();
            if (!ax.compare(VectorOperators.LE, Cnexp.HOC_EXP_LIMIT).allTrue()) {
                return i;  // NaN or beyond hoc_Exp's limits: the scalar update from here on
            }
            DoubleVector sV = DoubleVector.fromArray(SPECIES, s, i);
            DoubleVector target = DoubleVector.fromArray(SPECIES, inf, i).div(tauV).neg().div(a).sub(sV);
            DoubleVector step = DoubleVector.broadcast(SPECIES, 1.0).sub(exp(x, ax));
            sV.add(step.mul(target)).intoArray(s, i);
        }
        return i;
    }

    /** FdlibmExp.exp of each lane of x, whose magnitudes ax are within its reduced range. */
    private static DoubleVector exp(DoubleVector x, DoubleVector ax) {
        VectorMask<Double> negative = x.compare(VectorOperators.LT, 0.0);
        DoubleVector sign = DoubleVector.broadcast(SPECIES, 1.0).blend(-1.0, negative);
        DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5).blend(-0.5, negative);
        DoubleVector k = truncate(x.mul(INV_LN2).add(half))
                .blend(sign, ax.compare(VectorOperators.LT, ONE_AND_HALF_LN2))
                .blend(0.0, ax.compare(VectorOperators.LT, HALF_LN2));
        DoubleVector hi = x.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector t = r.mul(r);
        DoubleVector poly = t.mul(P5).add(P4).mul(t).add(P3).mul(t).add(P2).mul(t).add(P1);
        DoubleVector c = r.sub(t.mul(poly));
        DoubleVector y = DoubleVector.broadcast(SPECIES, 1.0)
                .sub(lo.sub(r.mul(c).div(DoubleVector.broadcast(SPECIES, 2.0).sub(c))).sub(hi));
        // k's integer in the low bits of 1.5·2^52 + k, moved into the exponent field
        LongVector exponent = k.add(INTEGER_SHIFT).reinterpretAsLongs()
                .sub(INTEGER_SHIFT_BITS).lanewise(VectorOperators.LSHL, 52);
        DoubleVector scaled = y.reinterpretAsLongs().add(exponent).reinterpretAsDoubles();
        return scaled.blend(x.add(1.0), ax.compare(VectorOperators.LT, TINY));
    }

    /**
     * Rounds toward zero, as C's (int) cast, for |u| below 2^51: adding and subtracting
     * 1.5·2^52 rounds to the nearest integer, then one step back toward zero if that
     * went past u. (The Vector API's double-to-long conversion is not compiled on JDK 17.)
     */
    private static DoubleVector truncate(DoubleVector u) {
        DoubleVector nearest = u.add(INTEGER_SHIFT).sub(INTEGER_SHIFT);
        DoubleVector down = nearest.sub(1.0), up = nearest.add(1.0);
        return nearest
                .blend(down, u.compare(VectorOperators.GE, 0.0).and(nearest.compare(VectorOperators.GT, u)))
                .blend(up, u.compare(VectorOperators.LT, 0.0).and(nearest.compare(VectorOperators.LT, u)));
    }
}
