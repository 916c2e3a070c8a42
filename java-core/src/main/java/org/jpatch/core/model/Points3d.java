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

    /** The diameter [µm]; a negative stored one marks a spine (NEURON's diam3d gives |d|). */
    double d(int i) {
        return Math.abs(d[i]);
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
        insert(count, px, py, pz, pd);
    }

    /** nrn_pt3dinsert: the point becomes point i, the later ones move up by one. */
    void insert(int i, double px, double py, double pz, double pd) {
        if (count == x.length) {
            int n = 2 * count;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            z = Arrays.copyOf(z, n);
            d = Arrays.copyOf(d, n);
            arc = Arrays.copyOf(arc, n);
        }
        int later = count - i;
        System.arraycopy(x, i, x, i + 1, later);
        System.arraycopy(y, i, y, i + 1, later);
        System.arraycopy(z, i, z, i + 1, later);
        System.arraycopy(d, i, d, i + 1, later);
        count++;
        set(i, px, py, pz, pd);
    }

    /** nrn_pt3dchange2: new coordinates and diameter of point i. */
    void set(int i, double px, double py, double pz, double pd) {
        x[i] = (float) px;
        y[i] = (float) py;
        z[i] = (float) pz;
        d[i] = (float) pd;
        arcsFrom(i);
    }

    /** nrn_pt3dchange1: a new diameter only; the arcs stay. */
    void setDiameter(int i, double pd) {
        d[i] = (float) pd;
    }

    /** nrn_pt3dremove: point i goes, the later ones move down by one. */
    void remove(int i) {
        int later = count - i - 1;
        System.arraycopy(x, i + 1, x, i, later);
        System.arraycopy(y, i + 1, y, i, later);
        System.arraycopy(z, i + 1, z, i, later);
        System.arraycopy(d, i + 1, d, i, later);
        count--;
        arcsFrom(i);
    }

    /** Moves every point by (dx, dy, dz) [µm] in float, as nrn_translate_shape; arcs do not change. */
    void translate(float dx, float dy, float dz) {
        for (int i = 0; i < count; i++) {
            x[i] += dx;
            y[i] += dy;
            z[i] += dz;
        }
    }

    /** Sets the last point's arc [µm]: define_shape keeps the section's length free of round-off. */
    void setLastArc(double length) {
        arc[count - 1] = length;
    }

    /** nrn_pt3dmodified: the arcs from point i0 on, from the stored floats. */
    private void arcsFrom(int i0) {
        if (i0 == 0 && count > 0) {
            arc[0] = 0.0;
            i0 = 1;
        }
        for (int i = i0; i < count; i++) {
            int p = i - 1;
            // float differences, as NEURON subtracts the stored floats
            double t1 = x[i] - x[p];
            double t2 = y[i] - y[p];
            double t3 = z[i] - z[p];
            arc[i] = arc[p] + Math.sqrt(t1 * t1 + t2 * t2 + t3 * t3);
        }
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
