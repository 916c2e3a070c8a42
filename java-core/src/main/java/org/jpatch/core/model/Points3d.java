package org.jpatch.core.model;

import java.util.Arrays;

/**
 * A section's 3-D points as NEURON's Pt3d: coordinates and diameter stored as 32-bit
 * floats [µm], arc length [µm] accumulated in double from float differences
 * (treeset.cpp's nrn_pt3dmodified).
 */
final class Points3d {
    private float[] x = new float[4], y = new float[4], z = new float[4], d = new float[4];
    private double[] arc = new double[4];  // [µm] from the first point
    private int count;

    int count() {
        return count;
    }

    double x(int i) {
        return x[i];
    }

    double y(int i) {
        return y[i];
    }

    double z(int i) {
        return z[i];
    }

    double d(int i) {
        return d[i];
    }

    double arc(int i) {
        return arc[i];
    }

    double[] arcs() {
        return arc;
    }

    float[] diameters() {
        return d;
    }

    void add(double px, double py, double pz, double pd) {
        if (count == x.length) {
            int n = 2 * count;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            z = Arrays.copyOf(z, n);
            d = Arrays.copyOf(d, n);
            arc = Arrays.copyOf(arc, n);
        }
        x[count] = (float) px;
        y[count] = (float) py;
        z[count] = (float) pz;
        d[count] = (float) pd;
        if (count == 0) {
            arc[0] = 0.0;
        } else {
            int p = count - 1;
            // float differences, as NEURON subtracts the stored floats
            double t1 = x[count] - x[p];
            double t2 = y[count] - y[p];
            double t3 = z[count] - z[p];
            arc[count] = arc[p] + Math.sqrt(t1 * t1 + t2 * t2 + t3 * t3);
        }
        count++;
    }

    void clear() {
        count = 0;
    }

    /** nrn_length_change: scale arcs and coordinates about the first point so the last arc is {@code length}. */
    void scaleLengthTo(double length) {
        double x0 = x[0], y0 = y[0], z0 = z[0];
        double fac = length / arc[count - 1];
        for (int i = 0; i < count; i++) {
            arc[i] = arc[i] * fac;
            x[i] = (float) (x0 + (x[i] - x0) * fac);
            y[i] = (float) (y0 + (y[i] - y0) * fac);
            z[i] = (float) (z0 + (z[i] - z0) * fac);
        }
    }

    /**
     * nrn_diam_change: each point takes the diameter of the segment at its relative arc
     * position (x = arc/L, at most 1) from the segments' present diameters [µm].
     */
    void setDiametersFromSegments(double[] segmentDiam, java.util.function.DoubleToIntFunction segmentOfX) {
        double length = arc[count - 1];
        for (int i = 0; i < count; i++) {
            double x = count > 1 ? Math.min(arc[i] / length, 1.0) : 0.0;  // one point: arc 0
            d[i] = (float) segmentDiam[segmentOfX.applyAsInt(x)];
        }
    }

    void setAllDiameters(double diam) {
        Arrays.fill(d, 0, count, (float) diam);
    }
}
