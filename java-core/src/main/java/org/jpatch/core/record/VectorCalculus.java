package org.jpatch.core.record;

import org.jpatch.core.ModelException;

/** NEURON's deriv, integral and interpolate (ivocvect.cpp), in its arithmetic order. */
public final class VectorCalculus {
    private VectorCalculus() {}

    /**
     * {@code dest} = d(source)/dx: with {@code symmetric}, centred differences inside and one-sided at
     * both ends (size kept); otherwise forward differences (one element fewer).
     */
    public static Vector deriv(Vector dest, Vector source, double dx, boolean symmetric) {
        double[] v = source.toArray();
        int n = v.length;
        if (n < 2) {
            throw new ModelException("Vector.deriv: can't take the derivative of a Vector with " + n
                    + " points (needs two or more)");
        }
        double[] d;
        if (symmetric) {
            d = new double[n];
            d[0] = (v[1] - v[0]) / dx;
            d[n - 1] = (v[n - 1] - v[n - 2]) / dx;
            double twice = dx * 2;
            for (int i = 1; i < n - 1; i++) {
                d[i] = (v[i + 1] - v[i - 1]) / twice;
            }
        } else {
            d = new double[n - 1];
            for (int i = 0; i < n - 1; i++) {
                d[i] = (v[i + 1] - v[i]) / dx;
            }
        }
        return dest.fromArray(d);
    }

    /** {@code dest}[0] = source[0], dest[i] = dest[i-1] + source[i]·dx (NEURON's running sum). */
    public static Vector integral(Vector dest, Vector source, double dx) {
        double[] v = source.toArray();
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = i == 0 ? v[0] : s[i - 1] + v[i] * dx;
        }
        return dest.fromArray(s);
    }

    /**
     * {@code dest}[i] = the piecewise-linear function through (xs, ys) at xd[i]; before xs[0]
     * ys[0], after the last xs the last ys; steps where xs does not increase are skipped.
     */
    public static Vector interpolate(Vector dest, Vector xdVector, Vector xsVector, Vector ysVector) {
        double[] xd = xdVector.toArray();
        double[] xs = xsVector.toArray();
        double[] ys = ysVector.toArray();
        int nd = xd.length;
        int ns = xs.length;
        if (ns == 0 || ys.length < ns) {
            throw new ModelException("Vector.interpolate: the source has " + ns + " x values and " + ys.length
                    + " y values (needs at least one x and a y for each)");
        }
        double[] yd = new double[nd];
        int id = 0;
        while (id < nd && xd[id] <= xs[0]) {
            yd[id++] = ys[0];
        }
        for (int is = 1; is < ns && id < nd; ++is) {
            if (xs[is] <= xs[is - 1]) {
                continue;
            }
            while (id < nd && xd[id] <= xs[is]) {
                double theta = (xd[id] - xs[is - 1]) / (xs[is] - xs[is - 1]);
                yd[id] = (1. - theta) * ys[is - 1] + theta * ys[is];
                ++id;
            }
        }
        while (id < nd) {
            yd[id++] = ys[ns - 1];
        }
        return dest.fromArray(yd);
    }
}
